import type { Meeting } from '../api/schemas.js';
import { formatMeeting } from './meeting-text.js';

export function formatCreated(meeting: Meeting, note?: string): string {
  return withNote(`Created meeting: ${formatMeeting(meeting)}`, note);
}

/** `changed` are the argument names the caller gave, in the order the model sees them. */
export function formatUpdated(meeting: Meeting, changed: string[], note?: string): string {
  const cleared = changed.filter((field) => field.startsWith('-')).map((field) => field.slice(1));
  const set = changed.filter((field) => !field.startsWith('-'));
  const what = [set.length ? `updated ${set.join(', ')}` : '', cleared.length ? `cleared ${cleared.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
  const sentence = what.charAt(0).toUpperCase() + what.slice(1);
  return withNote(`${sentence}. Meeting now: ${formatMeeting(meeting)}`, note);
}

export function formatDeleted(meetingId: string, apiMessage?: string): string {
  return `Deleted meeting ${meetingId}.${apiMessage ? ` HiringCenter: ${apiMessage}` : ''}`;
}

function withNote(text: string, note?: string): string {
  return note ? `${text}\nNote: ${note}` : text;
}
