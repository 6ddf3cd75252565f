import { Temporal } from 'temporal-polyfill';
import { InputError } from '../input-error.js';
import { DATE_ONLY, EPOCH_DIGITS, WALL_CLOCK, WITH_OFFSET } from './date-grammar.js';

/** What a caller may send for a date: epoch ms, ISO 8601 with Z/offset, or wall-clock ISO (no offset). */
export type DateInput = number | string;

export interface ResolvedInstant {
  epochMs: number;
  /** Set when the input needed interpretation the caller should know about (the fall-back hour). */
  note?: string;
}

export interface ResolveOptions {
  field: string;
  /** IANA zone (already canonical) that gives wall-clock input its meaning. */
  timeZone?: string;
  /** List bounds may be a bare date, meaning 00:00 that day; a meeting time may not. */
  allowDateOnly?: boolean;
}

// Epochs below this are almost certainly seconds, not milliseconds (it is 1973-03-03).
const MIN_EPOCH_MS = 100_000_000_000;
// 2200-01-01: anything later is a unit or typing mistake, not a meeting.
const MAX_EPOCH_MS = 7_258_118_400_000;

/** True when the input only means something once a time zone is known. */
export function isZoneDependent(value: DateInput): boolean {
  return typeof value === 'string' && (DATE_ONLY.test(value.trim()) || WALL_CLOCK.test(value.trim()));
}

/** Resolves any accepted date form to an instant; wall-clock forms are DST-correct in `timeZone`. */
export function resolveDateInput(value: DateInput, options: ResolveOptions): ResolvedInstant {
  const { field } = options;
  if (typeof value === 'number') return { epochMs: checkEpoch(value, field) };
  const text = value.trim();
  // Temporal reads second 60 as 59 without a word; HiringCenter's epoch milliseconds have no leap seconds.
  if (/T\d{2}:\d{2}:60|\s\d{2}:\d{2}:60/i.test(text)) {
    throw new InputError(field, `"${text.slice(0, 64)}" is a leap second (:60).`, 'Send :59, or the next minute at :00.');
  }
  if (EPOCH_DIGITS.test(text)) return { epochMs: checkEpoch(Number(text), field) };
  if (WITH_OFFSET.test(text)) return { epochMs: checkEpoch(parseWithOffset(text, field), field, `"${text}"`) };
  if (WALL_CLOCK.test(text) || DATE_ONLY.test(text)) {
    if (DATE_ONLY.test(text) && !options.allowDateOnly) {
      throw new InputError(field, `"${text}" is a date without a time of day.`, `Add the time, e.g. "${text}T10:00", with timeZone.`);
    }
    if (!options.timeZone) {
      throw new InputError(
        field,
        `"${text}" has no UTC offset, so it needs a time zone to mean an instant.`,
        'Pass timeZone (IANA, e.g. "America/New_York") or add an offset such as "-04:00" or "Z".',
      );
    }
    const resolved = resolveWallClock(text, options.timeZone, field);
    return { ...resolved, epochMs: checkEpoch(resolved.epochMs, field, `"${text}"`) };
  }
  throw new InputError(field, `"${text.slice(0, 80)}" is not a date this server understands.`);
}

/** Every form ends here, so every form gets the same range check. `shown` is the value as the caller wrote it. */
function checkEpoch(ms: number, field: string, shown: string = String(ms)): number {
  if (!Number.isSafeInteger(ms)) {
    throw new InputError(field, `${shown} is not a whole number of milliseconds.`);
  }
  if (ms < MIN_EPOCH_MS && ms > 0 && ms * 1000 >= MIN_EPOCH_MS && shown === String(ms)) {
    throw new InputError(
      field,
      `${ms} looks like epoch seconds; this field takes milliseconds.`,
      `Send ${ms * 1000} or an ISO 8601 string.`,
    );
  }
  if (ms < MIN_EPOCH_MS || ms > MAX_EPOCH_MS) {
    throw new InputError(field, `${shown} is outside the supported range (1973 to 2199).`);
  }
  return ms;
}

function parseWithOffset(text: string, field: string): number {
  try {
    // A bracketed zone ("…-04:00[America/New_York]") must agree with the offset; ZonedDateTime checks that.
    return text.includes('[')
      ? Temporal.ZonedDateTime.from(text, { offset: 'reject' }).epochMilliseconds
      : Temporal.Instant.from(text).epochMilliseconds;
  } catch {
    throw new InputError(field, `"${text}" is not a valid date-time (check month, day, hour and offset).`);
  }
}

function resolveWallClock(text: string, timeZone: string, field: string): ResolvedInstant {
  let wall: Temporal.PlainDateTime;
  try {
    wall = DATE_ONLY.test(text) ? Temporal.PlainDate.from(text).toPlainDateTime() : Temporal.PlainDateTime.from(text);
  } catch {
    throw new InputError(field, `"${text}" is not a valid calendar date-time.`);
  }
  if (DATE_ONLY.test(text)) {
    // Start of day, which is not always 00:00 (zones whose DST change happens at midnight).
    return { epochMs: wall.toPlainDate().toZonedDateTime({ timeZone }).epochMilliseconds };
  }
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const later = wall.toZonedDateTime(timeZone, { disambiguation: 'later' });
  if (!earlier.toPlainDateTime().equals(wall)) throw gapError(text, earlier, timeZone, field);
  if (earlier.epochMilliseconds === later.epochMilliseconds) return { epochMs: earlier.epochMilliseconds };
  return {
    epochMs: earlier.epochMilliseconds,
    note:
      `${shortWall(wall)} happens twice in ${timeZone} (clocks go back); used the first, UTC${earlier.offset}. ` +
      `For the second, send "${shortWall(wall)}${later.offset}".`,
  };
}

function gapError(text: string, shiftedBack: Temporal.ZonedDateTime, timeZone: string, field: string): InputError {
  const transition = shiftedBack.getTimeZoneTransition('next');
  const after = transition ?? shiftedBack;
  const before = after.subtract({ minutes: 1 });
  return new InputError(
    field,
    `${text} does not exist in ${timeZone}: clocks jump from ${hhmm(after, before.offset)} to ${hhmm(after, after.offset)} that day.`,
    `Nearest valid times: "${shortWall(before.toPlainDateTime())}" (UTC${before.offset}) or "${shortWall(after.toPlainDateTime())}" (UTC${after.offset}).`,
  );
}

function hhmm(zoned: Temporal.ZonedDateTime, offset: string): string {
  // The instant at the transition has the new offset; shown in the old one it reads as the skipped hour's start.
  const shown = zoned.toInstant().toZonedDateTimeISO(offset);
  return `${pad(shown.hour)}:${pad(shown.minute)}`;
}

function shortWall(wall: Temporal.PlainDateTime): string {
  return wall.toString({ smallestUnit: wall.second || wall.millisecond ? 'millisecond' : 'minute' }).replace(/\.000$/, '');
}

const pad = (n: number): string => String(n).padStart(2, '0');
