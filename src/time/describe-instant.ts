import { knownZone, type KnownZone } from './known-zone.js';

/** An instant as people in `timeZone` read it. */
export interface LocalTime {
  date: string; // YYYY-MM-DD
  weekday: string; // Mon … Sun
  time: string; // HH:MM, or HH:MM:SS(.mmm) when not on the minute
  offset: string; // +HH:MM / -HH:MM
  timeZone: string;
  /** "2025-03-10 Mon": a list's day line. */
  day: string;
  /** "10:00-04": time with short offset, as a list line writes it. */
  clock: string;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * This runs for every meeting of every answer, so it asks Intl only for the
 * zone's UTC offset (cached per zone and day, exact on days the offset
 * changes) and reads the wall clock off the shifted instant with arithmetic:
 * several times faster than formatting each instant with Intl or Temporal.
 */
export function describeInstant(epochMs: number, timeZone: string): LocalTime {
  const zone = knownZone(timeZone);
  if (!zone) throw new RangeError(`unknown time zone ${JSON.stringify(timeZone.slice(0, 64))}`);
  // Lists show the same meetings again and again (the model pages back and forth, rereads a week): each is
  // described once. Keyed by the zone's canonical name, then instant, so a lookup allocates nothing.
  const cached = describedByZone.get(zone.name)?.get(epochMs);
  if (cached) return cached;
  const local = computeLocalTime(epochMs, zone);
  if (describedCount >= MAX_DESCRIBED) {
    describedByZone.clear();
    describedCount = 0;
  }
  let described = describedByZone.get(zone.name);
  if (!described) describedByZone.set(zone.name, (described = new Map()));
  described.set(epochMs, local);
  describedCount += 1;
  return local;
}

// Bounded by entries; each entry's size is bounded too (a canonical zone name, a number, short strings).
const describedByZone = new Map<string, Map<number, LocalTime>>();
let describedCount = 0;
const MAX_DESCRIBED = 20_000;

function computeLocalTime(epochMs: number, zone: KnownZone): LocalTime {
  const offsetMinutes = utcOffsetMinutes(epochMs, zone);
  const local = new Date(epochMs + offsetMinutes * 60_000);
  let time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  const seconds = local.getUTCSeconds();
  const ms = local.getUTCMilliseconds();
  if (seconds || ms) time += `:${pad(seconds)}`;
  if (ms) time += `.${pad(ms, 3)}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const weekday = WEEKDAYS[local.getUTCDay()] ?? '';
  const offset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return Object.freeze({
    date,
    weekday,
    time,
    offset,
    timeZone: zone.name,
    day: `${date} ${weekday}`,
    clock: `${time}${shortOffset(offset)}`,
  });
}

// Years 0001-9999, a day inside at each end so no offset can carry a date past them.
const FIRST_SHOWN = -62_135_510_400_000; // 0001-01-02T00:00Z
const LAST_SHOWN = 253_402_128_000_000; // 9999-12-30T00:00Z

/**
 * Why describeInstant cannot show `epochMs` in `timeZone`, if it cannot: a
 * value outside years 0001-9999 ('date'), or a zone Intl does not know
 * ('zone'). Values come from the API, so answers check before they format.
 */
export function displayProblem(epochMs: number, timeZone: string): 'date' | 'zone' | undefined {
  if (!Number.isSafeInteger(epochMs) || epochMs < FIRST_SHOWN || epochMs > LAST_SHOWN) return 'date';
  return isKnownTimeZone(timeZone) ? undefined : 'zone';
}

/** Whether Intl knows `timeZone` (zones from the API are checked before they are used). */
export function isKnownTimeZone(timeZone: string): boolean {
  return knownZone(timeZone) !== undefined;
}

/** "2025-03-10 Mon 10:00-04 America/New_York": the one way every answer writes a time. */
export function formatLocalTime(local: LocalTime): string {
  return `${local.date} ${local.weekday} ${local.time}${shortOffset(local.offset)} ${local.timeZone}`;
}

/** "-04" for "-04:00" (ISO 8601 allows it; two tokens fewer); "+05:30" stays. */
export function shortOffset(offset: string): string {
  return offset.replace(/:00$/, '');
}

const DAY = 86_400_000;
// Per canonical zone, then UTC day: the offset if it holds all day, NaN on a day the zone changes offset.
const dayOffsets = new Map<string, Map<number, number>>();
let dayOffsetCount = 0;
const MAX_DAY_OFFSETS = 50_000;

function utcOffsetMinutes(epochMs: number, { name: timeZone, offsetFormatter: formatter }: KnownZone): number {
  const dayStart = Math.floor(epochMs / DAY) * DAY;
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  let offset = days.get(dayStart);
  if (offset === undefined) {
    const start = offsetAt(dayStart, formatter);
    offset = start === offsetAt(dayStart + DAY - 1, formatter) ? start : Number.NaN;
    if (dayOffsetCount >= MAX_DAY_OFFSETS) {
      dayOffsets.clear();
      dayOffsetCount = 0;
      dayOffsets.set(timeZone, (days = new Map()));
    }
    days.set(dayStart, offset);
    dayOffsetCount += 1;
  }
  return Number.isNaN(offset) ? offsetAt(epochMs, formatter) : offset;
}

function offsetAt(epochMs: number, formatter: Intl.DateTimeFormat): number {
  // "GMT-04:00", "GMT+05:30", or plain "GMT" for a zero offset.
  const name = formatter.formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}
