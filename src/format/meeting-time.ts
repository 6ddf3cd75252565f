import { describeInstant, displayProblem, formatLocalTime } from '../time/describe-instant.js';
import { quote } from './inert-text.js';

/**
 * A meeting's time as every answer writes it — "2025-03-10 Mon 10:00-04
 * America/New_York" — or, for values from the API that cannot be shown that
 * way, as much as can be shown, marked: never an exception that would turn a
 * successful call into an error.
 */
export function describeMeetingTime(epochMs: number, timeZone: string): string {
  const problem = displayProblem(epochMs, timeZone);
  if (problem === 'date') return `meetingDate ${String(epochMs)} (not a date this server can show) in ${quote(timeZone)}`;
  if (problem === 'zone') {
    return `${formatLocalTime(describeInstant(epochMs, 'UTC'))} (HiringCenter gave the unknown time zone ${quote(timeZone)})`;
  }
  return formatLocalTime(describeInstant(epochMs, timeZone));
}
