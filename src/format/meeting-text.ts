import type { Meeting } from '../api/schemas.js';
import { describeInstant, formatLocalTime } from '../time/describe-instant.js';

/**
 * One meeting on one line, fields separated by " | ". Ids are in full (the
 * model needs them for the next call); free text is JSON-quoted so newlines,
 * "|" and quotes inside notes can never break the line or be misread.
 */
export function formatMeeting(meeting: Meeting, displayZone?: string): string {
  const zone = displayZone ?? meeting.timeZone;
  const when = formatLocalTime(describeInstant(meeting.meetingDate, zone));
  const parts = [meeting.id, when, meeting.meetingType, `prospect ${meeting.prospectId}`, `owner ${meeting.ownerId}`];
  if (zone !== meeting.timeZone) parts.push(`meeting zone ${meeting.timeZone}`);
  if (meeting.location != null) parts.push(`location ${quote(meeting.location)}`);
  if (meeting.notes != null) parts.push(`notes ${quote(meeting.notes)}`);
  parts.push(createdByText(meeting));
  if (meeting.review != null) parts.push(`review ${JSON.stringify(meeting.review)}`);
  return parts.join(' | ');
}

function createdByText(meeting: Meeting): string {
  if (meeting.createdBy) return `created by ${meeting.createdBy}${meeting.createdByApi ? ' via API' : ''}`;
  if (meeting.createdByApi) {
    return meeting.createdByApiKeyName ? `created via API key ${quote(meeting.createdByApiKeyName)}` : 'created via API';
  }
  return 'creator unknown';
}

export function quote(text: string): string {
  return JSON.stringify(text);
}
