import type { Meeting } from '../api/schemas.js';
import { inert, quote } from './inert-text.js';
import { describeMeetingTime } from './meeting-time.js';
import { clip, restOfLine, SINGLE_VALUE_MAX, word } from './text-fields.js';

/**
 * One meeting for get_meeting: everything but the id the caller already has,
 * one labelled line per field. Free text runs to the end of its line and is
 * JSON-quoted only when it would break the line.
 */
export function formatMeeting(meeting: Meeting): string {
  const lines = [
    `${describeMeetingTime(meeting.meetingDate, meeting.timeZone)}, ${word(meeting.meetingType, SINGLE_VALUE_MAX)}`,
    `prospect ${word(meeting.prospectId, SINGLE_VALUE_MAX)}`,
    `owner ${word(meeting.ownerId, SINGLE_VALUE_MAX)}`,
    `created by ${describeCreator(meeting)}`,
    `location ${restOfLine(meeting.location, SINGLE_VALUE_MAX)}`,
    `notes ${restOfLine(meeting.notes, SINGLE_VALUE_MAX)}`,
  ];
  if (meeting.review != null) lines.push(`review ${inert(clip(JSON.stringify(meeting.review), SINGLE_VALUE_MAX))}`);
  return lines.join('\n');
}

// A resource title is one short line in a client's menu.
const TITLE_VALUE_MAX = 64;

/** A meeting as a client's resource menu names it: its type and local time, escaped and short. */
export function meetingTitle(meeting: Meeting): string {
  return `${word(meeting.meetingType, TITLE_VALUE_MAX)} meeting, ${describeMeetingTime(meeting.meetingDate, meeting.timeZone)}`;
}

/** Who made a meeting: "owner", a user id, "api" (the API key, no user), or both. */
export function creatorToken(meeting: Meeting, ref: (id: string) => string = (id) => word(id)): string {
  const user = meeting.createdBy ? (meeting.createdBy === meeting.ownerId ? 'owner' : ref(meeting.createdBy)) : undefined;
  if (user && meeting.createdByApi) return `${user}+api`;
  return user ?? (meeting.createdByApi ? 'api' : '-');
}

/** Who made a meeting, in words: "the owner", "user <id>", "API key "Name"", "user <id> via API key …", or "unknown". */
export function describeCreator(meeting: Meeting): string {
  const user = meeting.createdBy ? (meeting.createdBy === meeting.ownerId ? 'the owner' : `user ${word(meeting.createdBy)}`) : '';
  const key = meeting.createdByApi
    ? `API key${meeting.createdByApiKeyName ? ` ${quote(meeting.createdByApiKeyName.slice(0, 200))}` : ''}`
    : '';
  return [user, key].filter(Boolean).join(' via ') || 'unknown';
}
