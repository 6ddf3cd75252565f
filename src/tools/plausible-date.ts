import { InputError } from '../input-error.js';
import { describeMeetingTime } from '../format/meeting-time.js';
import { describeInstant } from '../time/describe-instant.js';

const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * A meeting date in the past (models often write last year) or more than a
 * year ahead is refused unless the call says it is meant (confirmDate): a
 * wrong year caught here costs one call, a wrong meeting written costs a
 * cleanup and maybe a confused candidate. Returns the note for the answer
 * when such a date is confirmed. Either way today's date in the meeting's
 * zone is named, since that is what the model got wrong.
 */
export function checkPlausibleDate(epochMs: number, timeZone: string, now: number, confirmed: boolean | undefined): string | undefined {
  const past = epochMs < now;
  if (!past && epochMs <= now + YEAR_MS) return undefined;
  const today = describeInstant(now, timeZone);
  const todayText = `today is ${today.date} ${today.weekday} in ${timeZone}`;
  const what = past ? 'is in the past' : 'is more than a year ahead';
  if (confirmed) return `${describeMeetingTime(epochMs, timeZone)} ${what} (${todayText}), as confirmed.`;
  throw new InputError(
    'meetingDate',
    `${describeMeetingTime(epochMs, timeZone)} ${what}; ${todayText}.`,
    'Check the year with the user. If the date is meant, call again with confirmDate: true.',
  );
}

/** Notes for one answer, in one sentence each; undefined when there are none. */
export function joinNotes(...notes: (string | undefined)[]): string | undefined {
  return notes.filter(Boolean).join(' ') || undefined;
}
