import type { Meeting } from '../api/schemas.js';
import { describeInstant, formatLocalTime } from '../time/describe-instant.js';
import { formatMeeting, quote } from './meeting-text.js';

export interface MeetingPageView {
  meetings: Meeting[];
  totalCount?: number;
  nextPageToken?: string;
  now: number;
  /** Show every time in this zone instead of each meeting's own. */
  displayZone?: string;
}

/** Header (count, total, now), one line per meeting, then exactly how to get the next page. */
export function formatMeetingPage(page: MeetingPageView): string {
  const shown = page.meetings.length;
  const of = page.totalCount !== undefined ? ` of ${page.totalCount}` : '';
  // "Now" to the minute: enough to reason about "next week", and stable within a minute.
  const nowText = formatLocalTime(describeInstant(page.now - (page.now % 60_000), page.displayZone ?? 'UTC'));
  const zoneText = page.displayZone ? `Times in ${page.displayZone}` : "Times in each meeting's own zone";
  const lines = [`${shown} meeting${shown === 1 ? '' : 's'}${of}, latest first. Now: ${nowText}. ${zoneText}.`];
  if (shown) {
    lines.push('Fields: id | local time | type | prospect | owner | location | notes | creator');
  }
  for (const meeting of page.meetings) lines.push(formatMeeting(meeting, page.displayZone));
  lines.push(
    page.nextPageToken
      ? `More: call list_meetings again with the same filters and pageToken ${quote(page.nextPageToken)}.`
      : shown
        ? 'No more pages.'
        : 'No meetings match these filters.',
  );
  return lines.join('\n');
}
