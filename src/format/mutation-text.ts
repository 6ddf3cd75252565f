import type { Meeting } from '../api/schemas.js';
import { describeInstant, formatLocalTime } from '../time/describe-instant.js';
import { creatorToken } from './meeting-text.js';
import { word } from './text-fields.js';

/** Fields a caller sends that the API stores as given (unless it normalises them). */
const ECHOED = ['prospectId', 'ownerId', 'meetingType', 'timeZone', 'location', 'notes'] as const;
type Sent = Partial<Record<(typeof ECHOED)[number], string | null>>;

/**
 * A mutation's answer repeats only what the caller cannot know: the new id,
 * the instant its date resolved to (in the meeting's zone), and any field
 * HiringCenter stored differently from what was sent.
 */
export function formatCreated(meeting: Meeting, sent: Sent, note?: string): string {
  const creator = creatorToken(meeting).replace(/api$/, 'the API key');
  return withNote(
    `Created meeting ${meeting.id} at ${when(meeting)}, created by ${creator}. ${storedText(meeting, sent)}`,
    note,
  );
}

/** `changed` are the fields the caller gave; a value of null means "cleared". */
export function formatUpdated(meeting: Meeting, changed: Sent & { meetingDate?: unknown }, note?: string): string {
  const names = Object.keys(changed);
  const cleared = names.filter((name) => changed[name as keyof Sent] === null);
  const set = names.filter((name) => !cleared.includes(name));
  const what = [set.length ? `Updated ${set.join(', ')}` : '', cleared.length ? `cleared ${cleared.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
  return withNote(`${what}. The meeting is at ${when(meeting)}. ${storedText(meeting, changed)}`, note);
}

export function formatDeleted(): string {
  return 'Deleted; the meeting is cancelled.';
}

function when(meeting: Meeting): string {
  return formatLocalTime(describeInstant(meeting.meetingDate, meeting.timeZone));
}

function storedText(meeting: Meeting, sent: Sent): string {
  const differences = ECHOED.filter((field) => field in sent && sent[field] !== (meeting[field] ?? null)).map(
    (field) => `${field} ${field === 'location' || field === 'notes' ? word(meeting[field]) : meeting[field]}`,
  );
  return differences.length
    ? `HiringCenter stored some fields differently from what was sent: ${differences.join('; ')}.`
    : 'Everything else as sent.';
}

function withNote(text: string, note?: string): string {
  return note ? `${text}\nNote: ${note}` : text;
}
