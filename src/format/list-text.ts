import type { Meeting } from '../api/schemas.js';
import { describeInstant, formatLocalTime, shortOffset } from '../time/describe-instant.js';
import { MIN_ALIASED_TEXT, ValueLegend } from './value-legend.js';
import { creatorToken } from './meeting-text.js';
import { restOfLine, word } from './text-fields.js';

export interface MeetingPageView {
  meetings: Meeting[];
  totalCount?: number;
  nextPageToken?: string;
  now: number;
  /** Show every time in this zone instead of each meeting's own. */
  displayZone?: string;
  /** Filters in force: stated once in the header, their columns dropped. */
  filters?: { ownerId?: string; prospectId?: string; meetingType?: string };
  /** Why the listing ended before the last page, when it did (maxResults, an error). */
  stoppedEarly?: string;
}

/**
 * A page as the model reads it, at about a third of the API's JSON: a header
 * (count, total, now, zone, legend, line layout), one line per meeting with
 * space-separated fields and JSON-quoted free text, a date line whenever the
 * local date changes, and exactly how to continue. Values shared by the page
 * (filter values, the zone, repeated ids, the date) are stated once.
 */
export function formatMeetingPage(page: MeetingPageView): string {
  const { meetings, filters = {} } = page;
  const zones = new Set(meetings.map((m) => m.timeZone));
  const pageZone = page.displayZone ?? (zones.size === 1 ? [...zones][0] : undefined);
  const legend = new ValueLegend(
    meetings.flatMap((m) => [
      ...(filters.ownerId ? [] : [m.ownerId]),
      ...(filters.prospectId ? [] : [m.prospectId]),
      ...(m.createdBy && m.createdBy !== m.ownerId ? [m.createdBy] : []),
      ...(m.location != null && m.location.length >= MIN_ALIASED_TEXT ? [m.location] : []),
    ]),
  );

  const locals = meetings.map((m) => describeInstant(m.meetingDate, page.displayZone ?? m.timeZone));
  const shown = meetings.length;
  const count = page.totalCount !== undefined ? `${shown} of ${page.totalCount}` : `${shown}`;
  // "Now" to the minute: enough to reason about "next week", and stable within a minute.
  const now = formatLocalTime(describeInstant(page.now - (page.now % 60_000), pageZone ?? 'UTC'));
  const filterText = [
    filters.ownerId && `owner ${filters.ownerId}`,
    filters.prospectId && `prospect ${filters.prospectId}`,
    filters.meetingType && `type ${filters.meetingType}`,
  ].filter(Boolean);
  const lines = [`${count} meetings, latest first. Now ${now}.${filterText.length ? ` All with ${filterText.join(', ')}.` : ''}`];
  if (shown) {
    const keys = [...new Set(meetings.map((m) => m.createdByApiKeyName).filter((k): k is string => !!k))];
    const columns = [
      'id',
      pageZone ? 'time' : 'time zone',
      filters.meetingType ? '' : 'type',
      filters.ownerId ? '' : 'owner',
      filters.prospectId ? '' : 'prospect',
      'location',
      'notes',
    ].filter(Boolean);
    // Only the conventions this page uses are explained.
    const apiKeys = keys.length ? ` ${keys.map((k) => JSON.stringify(k)).join('/')}` : '';
    const conventions = [
      meetings.some((m) => creatorToken(m) !== 'owner') && `by= creator if not the owner (api = API key${apiKeys})`,
      meetings.some((m) => m.review != null) && '"reviewed" = has a review (get_meeting shows it)',
      meetings.some((m) => m.location == null || m.notes == null) && '"-" none',
      legend.size > 0 && '"@n=<value>" names a repeated id or location once, later "@n" (calls need the full value)',
    ].filter(Boolean);
    lines.push(
      `${pageZone ? `Times in ${pageZone}. ` : ''}Each day: a "YYYY-MM-DD Day" line, then per meeting: ${columns.join(' ')}. ` +
        `time = local HH:MM and UTC offset.${conventions.length ? ` ${conventions.join('; ')}.` : ''}`,
    );
  }

  let currentDate = '';
  meetings.forEach((meeting, index) => {
    const local = locals[index]!;
    const dateLine = `${local.date} ${local.weekday}`;
    if (dateLine !== currentDate) {
      lines.push(dateLine);
      currentDate = dateLine;
    }
    const fields = [meeting.id, `${local.time}${shortOffset(local.offset)}`];
    if (!pageZone) fields.push(meeting.timeZone);
    else if (meeting.timeZone !== pageZone) fields[1] += `(${meeting.timeZone})`;
    if (!filters.meetingType) fields.push(word(meeting.meetingType));
    if (!filters.ownerId) fields.push(legend.ref(meeting.ownerId));
    if (!filters.prospectId) fields.push(legend.ref(meeting.prospectId));
    // Tagged and only when they say something: most meetings are made by their owner and have no review.
    const creator = creatorToken(meeting, (id) => legend.ref(id));
    if (creator !== 'owner') fields.push(`by=${creator}`);
    // Reviews are long-form and rarely what a list is for: flagged here, shown in full by get_meeting.
    if (meeting.review != null) fields.push('reviewed');
    fields.push(meeting.location == null ? word(null) : legend.ref(meeting.location, word), restOfLine(meeting.notes));
    lines.push(fields.join(' '));
  });

  if (page.stoppedEarly) lines.push(page.stoppedEarly);
  if (page.nextPageToken) {
    lines.push(`More: call list_meetings again with the same filters and pageToken ${JSON.stringify(page.nextPageToken)}.`);
  } else {
    lines.push(shown ? 'No more pages.' : 'No meetings match these filters.');
  }
  return lines.join('\n');
}

