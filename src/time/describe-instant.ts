import { Temporal } from 'temporal-polyfill';

/** An instant as people in `timeZone` read it. */
export interface LocalTime {
  date: string; // YYYY-MM-DD
  weekday: string; // Mon … Sun
  time: string; // HH:MM, or HH:MM:SS(.mmm) when not on the minute
  offset: string; // +HH:MM / -HH:MM
  timeZone: string;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function describeInstant(epochMs: number, timeZone: string): LocalTime {
  const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone);
  let time = `${pad(zoned.hour)}:${pad(zoned.minute)}`;
  if (zoned.second || zoned.millisecond) time += `:${pad(zoned.second)}`;
  if (zoned.millisecond) time += `.${pad(zoned.millisecond, 3)}`;
  return {
    date: `${pad(zoned.year, 4)}-${pad(zoned.month)}-${pad(zoned.day)}`,
    weekday: WEEKDAYS[zoned.dayOfWeek - 1] ?? '?',
    time,
    offset: zoned.offset,
    timeZone,
  };
}

/** "2025-03-10 Mon 10:00 -04:00 America/New_York" */
export function formatLocalTime(local: LocalTime, withZone = true): string {
  const base = `${local.date} ${local.weekday} ${local.time} ${local.offset}`;
  return withZone ? `${base} ${local.timeZone}` : base;
}
