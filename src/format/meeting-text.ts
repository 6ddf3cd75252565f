import type { Meeting } from '../api/schemas.js';
import { describeInstant, formatLocalTime } from '../time/describe-instant.js';
import { word } from './text-fields.js';

/**
 * One meeting for get_meeting: everything but the id the caller already has,
 * on one line. Free text is JSON-quoted so it cannot break the line.
 */
export function formatMeeting(meeting: Meeting): string {
  const parts = [
    formatLocalTime(describeInstant(meeting.meetingDate, meeting.timeZone)),
    meeting.meetingType,
    `prospect ${meeting.prospectId}`,
    `owner ${meeting.ownerId}`,
    `created by ${creatorText(meeting)}`,
    `location ${word(meeting.location)}`,
    `notes ${word(meeting.notes)}`,
  ];
  if (meeting.review != null) parts.push(`review ${JSON.stringify(meeting.review)}`);
  return parts.join('; ');
}

/** Who made a meeting: "owner", a user id, "api" (the API key, no user), or both. */
export function creatorToken(meeting: Meeting, ref: (id: string) => string = (id) => id): string {
  const user = meeting.createdBy ? (meeting.createdBy === meeting.ownerId ? 'owner' : ref(meeting.createdBy)) : undefined;
  if (user && meeting.createdByApi) return `${user}+api`;
  return user ?? (meeting.createdByApi ? 'api' : '-');
}

function creatorText(meeting: Meeting): string {
  const token = creatorToken(meeting);
  const key = meeting.createdByApiKeyName ? ` key ${JSON.stringify(meeting.createdByApiKeyName)}` : '';
  return token.replace(/api$/, `the API${key}`);
}
