import type { Meeting } from '../api/schemas.js';
import { describeCreator } from './meeting-text.js';
import { describeMeetingTime } from './meeting-time.js';
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
  return withNote(
    `Created meeting ${word(meeting.id)} at ${when(meeting)}, created by ${describeCreator(meeting)}. ${storedText(meeting, sent)}`,
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

export interface Change {
  field: string;
  from: string | number | null;
  to: string | number | null;
}

/** update_meeting with dryRun: before → after, times in local time. */
export function formatWouldUpdate(current: Meeting, changes: readonly Change[]): string {
  const zoneAfter = String(changes.find((c) => c.field === 'timeZone')?.to ?? current.timeZone);
  const show = (change: Change, value: Change['from'], zone: string) =>
    change.field === 'meetingDate' && typeof value === 'number'
      ? describeMeetingTime(value, zone)
      : word(value === null ? null : String(value));
  const lines = changes.map((c) => `${c.field}: ${show(c, c.from, current.timeZone)} → ${show(c, c.to, zoneAfter)}`);
  return `Dry run; nothing was sent. update_meeting would change meeting ${word(current.id)} (now at ${when(current)}):\n${lines.join('\n') || '(no field would change)'}`;
}

/** delete_meeting with dryRun, or the question put to the user before deleting. */
export function formatWouldDelete(meeting: Meeting): string {
  return `Dry run; nothing was sent. delete_meeting would cancel the ${word(meeting.meetingType)} meeting ${word(meeting.id)} at ${when(meeting)} with prospect ${word(meeting.prospectId)}, owner ${word(meeting.ownerId)}.`;
}

export function deleteQuestion(meeting: Meeting): string {
  return `Delete the ${word(meeting.meetingType)} meeting on ${when(meeting)} with prospect ${word(meeting.prospectId)} (owner ${word(meeting.ownerId)})? This cannot be undone.`;
}

/** Why a confirmed delete did not happen: the person said no, dismissed the question, or never answered. */
export type NotConfirmed = 'decline' | 'cancel' | { unansweredWithinMs: number };

export function formatNotDeleted(why: NotConfirmed): string {
  const what =
    why === 'decline'
      ? 'the user declined the confirmation'
      : why === 'cancel'
        ? 'the user dismissed the confirmation'
        : `no answer to the confirmation within ${Math.round(why.unansweredWithinMs / 1000)} s`;
  return `Not deleted: ${what}. Nothing was sent to HiringCenter; ask the user before trying again.`;
}

function when(meeting: Meeting): string {
  return describeMeetingTime(meeting.meetingDate, meeting.timeZone);
}

function storedText(meeting: Meeting, sent: Sent): string {
  const differences = ECHOED.filter((field) => field in sent && sent[field] !== (meeting[field] ?? null)).map(
    (field) => `${field} ${word(meeting[field])}`,
  );
  return differences.length
    ? `HiringCenter stored some fields differently from what was sent: ${differences.join('; ')}.`
    : 'Everything else as sent.';
}

function withNote(text: string, note?: string): string {
  return note ? `${text}\nNote: ${note}` : text;
}
