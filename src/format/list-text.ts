import type { PagingNote } from '../api/meeting-pages.js';
import type { Meeting } from '../api/schemas.js';
import { describeInstant, displayProblem, formatLocalTime, isKnownTimeZone } from '../time/describe-instant.js';
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
  // This runs on every list: one pass gathers what the page shares, without intermediate arrays.
  let pageZone = page.displayZone;
  let mixedZones = false;
  const idValues: string[] = [];
  const placeValues: string[] = [];
  for (const m of meetings) {
    const zone = shownZone(m);
    if (!page.displayZone) {
      if (pageZone === undefined) pageZone = zone;
      else if (pageZone !== zone) mixedZones = true;
    }
    if (!filters.ownerId) idValues.push(m.ownerId);
    if (!filters.prospectId) idValues.push(m.prospectId);
    if (m.createdBy && m.createdBy !== m.ownerId) idValues.push(m.createdBy);
    if (m.location != null && m.location.length >= MIN_ALIASED_TEXT) placeValues.push(m.location);
  }
  if (mixedZones) pageZone = undefined;
  // Ids and locations each have their own stand-ins ("@1", "#1"), so a stand-in says what it stands for.
  const ids = new ValueLegend(idValues, '@');
  const places = new ValueLegend(placeValues, '#');
  const used = { inlineDate: false, ownZone: false, badZone: false, badDate: false, noLocation: false, creator: false, review: false };

  // Day lines only ever go back in time, so each date heads one block: a meeting whose local date is
  // later than the current day line (zones interleave, since meetings are ordered by instant) carries its own date.
  const body: string[] = [];
  let heading: string | undefined;
  for (const meeting of meetings) {
    const zone = shownZone(meeting);
    const known = isKnownTimeZone(meeting.timeZone);
    const local = displayProblem(meeting.meetingDate, zone) ? undefined : describeInstant(meeting.meetingDate, zone);
    let line = word(meeting.id);
    if (!local) {
      used.badDate = true;
      line += ` baddate=${String(meeting.meetingDate)}`;
    } else {
      if (heading === undefined || local.date < heading) {
        heading = local.date;
        body.push(local.day);
        line += ` ${local.clock}`;
      } else if (local.date === heading) {
        line += ` ${local.clock}`;
      } else {
        used.inlineDate = true;
        line += ` ${local.day} ${local.clock}`;
      }
    }
    if (!pageZone) line += ` ${zone}`;
    else if (known && meeting.timeZone !== pageZone) {
      used.ownZone = true;
      line += ` zone=${meeting.timeZone}`;
    }
    if (!filters.meetingType) line += ` ${word(meeting.meetingType)}`;
    if (!filters.ownerId) line += ` ${ids.ref(meeting.ownerId, word)}`;
    if (!filters.prospectId) line += ` ${ids.ref(meeting.prospectId, word)}`;
    // Tagged and only when they say something: most meetings are made by their owner and have no review.
    const creator = creatorToken(meeting, (id) => ids.ref(id, word));
    if (creator !== 'owner') {
      used.creator = true;
      line += ` by=${creator}`;
    }
    // Reviews are long-form and rarely what a list is for: flagged here, shown in full by get_meeting.
    if (meeting.review != null) {
      used.review = true;
      line += ' reviewed';
    }
    if (!known) {
      used.badZone = true;
      line += ` badzone=${word(meeting.timeZone)}`;
    }
    if (meeting.location == null) used.noLocation = true;
    const location = meeting.location == null ? word(null) : places.ref(meeting.location, word);
    line += ` ${location}`;
    // Where the location ends is never a guess: it is "-", a stand-in or a JSON string, or a bare word that " — "
    // separates from the notes. A line without notes ends at the location.
    if (meeting.notes != null) line += ` ${endsAsBareWord(location) ? '— ' : ''}${restOfLine(meeting.notes)}`;
    body.push(line);
  }

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
    ].filter(Boolean);
    // Only the conventions this page uses are explained.
    const apiKeys = keys.length ? ` ${keys.map((k) => word(k)).join('/')}` : '';
    const standIns = [ids.size > 0 && 'id', places.size > 0 && 'location'].filter(Boolean).join('/');
    const marks = [ids.size > 0 && '@n', places.size > 0 && '#n'].filter(Boolean);
    const conventions = [
      used.inlineDate && 'a time written with its own date is on that date',
      used.ownZone && `zone= the meeting's own zone`,
      used.creator && `by= creator if not the owner (api = API key${apiKeys})`,
      used.review && '"reviewed" = has a review (get_meeting shows it)',
      used.noLocation && '"-" = no location',
      standIns && `"${marks.join('="/"')}=" names a repeated ${standIns}, then "${marks.join('"/"')}" alone (calls need the value)`,
      used.badZone && `badzone= the zone HiringCenter gave is not a known IANA zone${page.displayZone ? '' : ' (time shown in UTC)'}`,
      used.badDate && 'baddate= HiringCenter gave a meetingDate that is not a showable date (epoch ms as sent)',
    ].filter(Boolean);
    lines.push(
      `${pageZone ? `Times in ${pageZone}. ` : ''}Each day: a "YYYY-MM-DD Day" line (local date), then per meeting: ${columns.join(' ')} notes (after " — " when the location is a bare word); ` +
        `time is local HH:MM with UTC offset.${conventions.length ? ` ${conventions.join('; ')}.` : ''}`,
    );
  }
  lines.push(...body);
  lines.push(...(page.notes ?? []).map(describePagingNote));
  if (page.nextPageToken) {
    lines.push(`More: call list_meetings again with the same filters and pageToken ${quote(page.nextPageToken)}.`);
  } else {
    lines.push(shown ? 'No more pages.' : 'No meetings match these filters.');
  }
  return lines.join('\n');
}

/** Whether a field ends in a bare word (alone or defining a stand-in), so text after it would read as part of it. */
function endsAsBareWord(field: string): boolean {
  return !/^(?:-|[#@]\d+|(?:[#@]\d+=)?".*)$/s.test(field);
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
