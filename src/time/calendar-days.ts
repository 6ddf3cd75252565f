import { Temporal } from 'temporal-polyfill';
import { InputError } from '../input-error.js';
import { DATE_ONLY, LOCAL_TIME, WALL_CLOCK, WITH_OFFSET } from './date-grammar.js';

/** Calendar arithmetic on local dates ("2026-12-07"), for prompts and completions: no instants, no zones beyond "today". */

/** Today's date in `timeZone` at `now`. */
export function todayIn(timeZone: string, now: number): string {
  return Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** The Monday of the ISO week `date` falls in. */
export function mondayOf(date: string): string {
  const day = Temporal.PlainDate.from(date);
  return day.subtract({ days: day.dayOfWeek - 1 }).toString();
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function weekdayOf(date: string): string {
  return WEEKDAYS[Temporal.PlainDate.from(date).dayOfWeek - 1] ?? '';
}

/** A calendar date as typed ("2026-12-07"), checked; or an InputError naming `field`. */
export function parseLocalDate(value: string, field: string): string {
  const trimmed = value.trim();
  try {
    if (DATE_ONLY.test(trimmed)) return Temporal.PlainDate.from(trimmed, { overflow: 'reject' }).toString();
  } catch {
    // Falls through to the error below: "2026-02-30" is the right shape but no date.
  }
  throw new InputError(field, `"${trimmed.slice(0, 32)}" is not a calendar date.`, 'Send a date like "2026-12-07".');
}

/** A 24h local time as typed ("14:30"), checked. */
export function parseLocalTime(value: string, field: string): string {
  const match = LOCAL_TIME.exec(value.trim());
  if (!match) throw new InputError(field, `"${value.trim().slice(0, 32)}" is not a 24h time.`, 'Send a time like "14:30".');
  const [, hours = '', minutes = ''] = match;
  return `${hours.padStart(2, '0')}:${minutes}`;
}

/** A date and time as the tools read it (wall-clock, or with an offset), checked by shape; or an InputError naming `field`. */
export function parseDateTimeText(value: string, field: string): string {
  const trimmed = value.trim();
  if (WALL_CLOCK.test(trimmed) || WITH_OFFSET.test(trimmed)) return trimmed;
  throw new InputError(field, `"${trimmed.slice(0, 32)}" is not a date and time.`, 'Send local time like "2026-12-07T14:30".');
}
