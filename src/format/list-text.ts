import type { PagingNote } from '../api/meeting-pages.js';
import type { Meeting } from '../api/schemas.js';
import {
  describeInstant,
  displayProblem,
  formatLocalTime,
  isKnownTimeZone,
  shortOffset,
  type LocalTime,
} from '../time/describe-instant.js';
import { inert, quote } from './inert-text.js';
import { creatorToken } from './meeting-text.js';
import { restOfLine, word } from './text-fields.js';
import { MIN_ALIASED_TEXT, ValueLegend } from './value-legend.js';

export interface MeetingPageView {
  meetings: Meeting[];
  totalCount?: number;
  nextPageToken?: string;
  now: number;
  /** Show every time in this zone instead of each meeting's own. */
  displayZone?: string;
  /** Filters in force: stated once in the header, their columns dropped. */
  filters?: { ownerId?: string; prospectId?: string; meetingType?: string };
  /** Why the listing holds fewer meetings or pages than the API offered. */
  notes?: readonly PagingNote[];
}

/**
 * A page as the model reads it, at about a third of the API's JSON: a header
 * (count, total, now, zone, legend, line layout), one line per meeting with
 * space-separated fields and JSON-quoted free text, a date line whenever the
 * local date changes, and exactly how to continue. Values shared by the page
 * (filter values, the zone, repeated ids, the date) are stated once. Values
 * the server cannot show as times (a zone it does not know, a date out of
 * range) are shown marked, never allowed to fail the page.
 */
export function formatMeetingPage(page: MeetingPageView): string {
  const { meetings, filters = {} } = page;
  // A meeting in a zone nobody knows is shown in UTC, and says so.
  const shownZone = (m: Meeting) => page.displayZone ?? (isKnownTimeZone(m.timeZone) ? m.timeZone : 'UTC');
  const zones = new Set(meetings.map(shownZone));
  const pageZone = page.displayZone ?? (zones.size === 1 ? [...zones][0] : undefined);
  const legend = new ValueLegend(
    meetings.flatMap((m) => [
      ...(filters.ownerId ? [] : [m.ownerId]),
      ...(filters.prospectId ? [] : [m.prospectId]),
      ...(m.createdBy && m.createdBy !== m.ownerId ? [m.createdBy] : []),
      ...(m.location != null && m.location.length >= MIN_ALIASED_TEXT ? [m.location] : []),
    ]),
  );

  const locals = meetings.map((m): LocalTime | undefined =>
    displayProblem(m.meetingDate, shownZone(m)) ? undefined : describeInstant(m.meetingDate, shownZone(m)),
  );
  const shown = meetings.length;
  // A total below what is shown is not a total: left out rather than repeated.
  const total = page.totalCount !== undefined && page.totalCount >= shown ? page.totalCount : undefined;
  const count = total !== undefined ? `${shown} of ${total}` : `${shown}`;
  // "Now" to the minute: enough to reason about "next week", and stable within a minute.
  const now = formatLocalTime(describeInstant(page.now - (page.now % 60_000), pageZone ?? 'UTC'));
  const filterText = [
    filters.ownerId && `owner ${word(filters.ownerId)}`,
    filters.prospectId && `prospect ${word(filters.prospectId)}`,
    filters.meetingType && `type ${word(filters.meetingType)}`,
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
    const apiKeys = keys.length ? ` ${keys.map((k) => word(k)).join('/')}` : '';
    const conventions = [
      meetings.some((m) => creatorToken(m) !== 'owner') && `by= creator if not the owner (api = API key${apiKeys})`,
      meetings.some((m) => m.review != null) && '"reviewed" = has a review (get_meeting shows it)',
      meetings.some((m) => m.location == null || m.notes == null) && '"-" none',
      legend.size > 0 && '"@n=<value>" names a repeated id or location once, later "@n" (calls need the full value)',
      meetings.some((m) => !isKnownTimeZone(m.timeZone)) &&
        `badzone= the zone HiringCenter gave is not a known IANA zone${page.displayZone ? '' : ' (time shown in UTC)'}`,
      locals.some((local) => !local) && 'baddate= HiringCenter gave a meetingDate that is not a showable date (epoch ms as sent)',
    ].filter(Boolean);
    lines.push(
      `${pageZone ? `Times in ${pageZone}. ` : ''}Each day: a "YYYY-MM-DD Day" line, then per meeting: ${columns.join(' ')}. ` +
        `time = local HH:MM and UTC offset.${conventions.length ? ` ${conventions.join('; ')}.` : ''}`,
    );
  }

  let currentDate = '';
  meetings.forEach((meeting, index) => {
    const local = locals[index];
    const zone = shownZone(meeting);
    const fields = [word(meeting.id)];
    if (local) {
      const dateLine = `${local.date} ${local.weekday}`;
      if (dateLine !== currentDate) {
        lines.push(dateLine);
        currentDate = dateLine;
      }
      fields.push(`${local.time}${shortOffset(local.offset)}`);
    } else {
      fields.push(`baddate=${String(meeting.meetingDate)}`);
    }
    const knownZone = isKnownTimeZone(meeting.timeZone);
    if (!pageZone) fields.push(zone);
    else if (meeting.timeZone !== pageZone && knownZone) fields[1] += `(${meeting.timeZone})`;
    if (!filters.meetingType) fields.push(word(meeting.meetingType));
    if (!filters.ownerId) fields.push(legend.ref(meeting.ownerId, word));
    if (!filters.prospectId) fields.push(legend.ref(meeting.prospectId, word));
    // Tagged and only when they say something: most meetings are made by their owner and have no review.
    const creator = creatorToken(meeting, (id) => legend.ref(id, word));
    if (creator !== 'owner') fields.push(`by=${creator}`);
    // Reviews are long-form and rarely what a list is for: flagged here, shown in full by get_meeting.
    if (meeting.review != null) fields.push('reviewed');
    if (!knownZone) fields.push(`badzone=${word(meeting.timeZone)}`);
    fields.push(meeting.location == null ? word(null) : legend.ref(meeting.location, word), restOfLine(meeting.notes));
    lines.push(fields.join(' '));
  });

  lines.push(...(page.notes ?? []).map(describePagingNote));
  if (page.nextPageToken) {
    lines.push(`More: call list_meetings again with the same filters and pageToken ${quote(page.nextPageToken)}.`);
  } else {
    lines.push(shown ? 'No more pages.' : 'No meetings match these filters.');
  }
  return lines.join('\n');
}

function describePagingNote(note: PagingNote): string {
  switch (note.kind) {
    case 'maxResults':
      return `Stopped at maxResults=${note.maxResults}${note.moreMatch ? `; ${note.moreMatch} more match` : ''}.`;
    case 'failed':
      return `Stopped early after ${note.after} meetings: ${inert(note.error.message)}.`;
    case 'stalled':
      return note.empty
        ? 'HiringCenter sent an empty page that offered another; stopped there.'
        : 'HiringCenter sent a page of meetings already listed that offered another; stopped there.';
    case 'repeatedToken':
      return 'HiringCenter repeated a page token it had already given; stopped there so the listing cannot loop.';
    case 'pageCap':
      return `Stopped after ${note.pages} pages, the most one call follows.`;
    case 'overfilled':
      return (
        `HiringCenter sent ${note.sent} meetings when ${note.asked} were asked for; only the first ${note.asked} are shown. ` +
        'Its next-page token is left out, since it would skip the rest; narrow the filters or the date window to see them.'
      );
    case 'duplicates':
      return `HiringCenter listed ${note.dropped} meeting${note.dropped === 1 ? '' : 's'} more than once; each is shown once.`;
  }
}
