import type { Meeting } from '../api/schemas.js';
import { describeInstant, formatLocalTime } from '../time/describe-instant.js';
import { restOfLine, word } from './text-fields.js';

/**
 * One meeting for get_meeting: everything but the id the caller already has,
 * one labelled line per field. Free text runs to the end of its line and is
 * JSON-quoted only when it would break the line.
 */
export function formatMeeting(meeting: Meeting): string {
  const lines = [
    `${formatLocalTime(describeInstant(meeting.meetingDate, meeting.timeZone))}, ${word(meeting.meetingType)}`,
    `prospect ${meeting.prospectId}`,
    `owner ${meeting.ownerId}`,
    `created by ${describeCreator(meeting)}`,
    `location ${restOfLine(meeting.location)}`,
    `notes ${restOfLine(meeting.notes)}`,
  ];
  if (meeting.review != null) lines.push(`review ${JSON.stringify(meeting.review)}`);
  return lines.join('\n');
}

/** Who made a meeting: "owner", a user id, "api" (the API key, no user), or both. */
export function creatorToken(meeting: Meeting, ref: (id: string) => string = (id) => id): string {
  const user = meeting.createdBy ? (meeting.createdBy === meeting.ownerId ? 'owner' : ref(meeting.createdBy)) : undefined;
  if (user && meeting.createdByApi) return `${user}+api`;
  return user ?? (meeting.createdByApi ? 'api' : '-');
}

/** Who made a meeting, in words: "the owner", "user <id>", "API key "Name"", "user <id> via API key …", or "unknown". */
export function describeCreator(meeting: Meeting): string {
  const user = meeting.createdBy ? (meeting.createdBy === meeting.ownerId ? 'the owner' : `user ${meeting.createdBy}`) : '';
  const key = meeting.createdByApi ? `API key${meeting.createdByApiKeyName ? ` ${JSON.stringify(meeting.createdByApiKeyName)}` : ''}` : '';
  return [user, key].filter(Boolean).join(' via ') || 'unknown';
}
