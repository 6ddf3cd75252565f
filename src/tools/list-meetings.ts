import * as z from 'zod/v4';
import { collectMeetings } from '../api/meeting-pages.js';
import type { MeetingQuery } from '../api/schemas.js';
import { formatMeetingPage } from '../format/list-text.js';
import { InputError } from '../input-error.js';
import { resolveDateInput } from '../time/resolve-date-input.js';
import { resolveTimeZone } from '../time/time-zone.js';
import { readOnly } from './annotations.js';
import { defineTool } from './define-tool.js';
import { dateBound, limit, maxResults, meetingType, ownerId, pageToken, prospectId, timeZone } from './arguments.js';
import { meetingPage } from './output-schemas.js';

export const listMeetings = defineTool({
  name: 'list_meetings',
  title: 'List meetings',
  description:
    'List meetings, latest first, filtered by prospect, owner, type and date window. One line per meeting with its id and local time. ' +
    'One page by default (limit, pageToken); maxResults fetches up to 1000 across pages at once.',
  annotations: readOnly,
  inputSchema: z.strictObject({
    prospectId: prospectId.optional(),
    ownerId: ownerId.optional(),
    meetingType: meetingType.optional(),
    meetingDateAfter: dateBound('meetingDateAfter').optional(),
    meetingDateBefore: dateBound('meetingDateBefore').optional(),
    timeZone: timeZone.optional().describe("Zone to show times in and read wall-clock bounds in. Default: each meeting's own."),
    limit: limit.optional(),
    pageToken: pageToken.optional(),
    maxResults: maxResults.optional(),
  }),
  example: {
    ownerId: '7c5700893a34bd83441aabe1f6f21057',
    meetingDateAfter: '2025-03-10',
    meetingDateBefore: '2025-03-24',
    timeZone: 'America/New_York',
  },
  outputSchema: meetingPage,
  async handle(input, { api, now, call, progress }) {
    const zone = input.timeZone === undefined ? undefined : resolveTimeZone(input.timeZone);
    const bound = (field: 'meetingDateAfter' | 'meetingDateBefore') => {
      const value = input[field];
      return value === undefined ? undefined : resolveDateInput(value, { field, timeZone: zone, allowDateOnly: true }).epochMs;
    };
    const after = bound('meetingDateAfter');
    const before = bound('meetingDateBefore');
    if (after !== undefined && before !== undefined && after >= before) {
      throw new InputError('meetingDateBefore', 'must be later than meetingDateAfter.', 'Swap the two bounds or widen the window.');
    }
    const query: MeetingQuery = {
      prospectId: input.prospectId,
      ownerId: input.ownerId,
      meetingType: input.meetingType,
      meetingDateAfter: after,
      meetingDateBefore: before,
    };
    const request = { pageToken: input.pageToken, limit: input.limit, maxResults: input.maxResults };
    const onPage = (fetched: number, total: number | undefined) =>
      progress?.(fetched, Math.max(fetched, Math.min(request.maxResults ?? fetched, total ?? Infinity)), `Fetched ${fetched} meetings`);
    const { meetings, totalCount, nextPageToken, notes } = await collectMeetings(api, query, request, call, onPage);

    const structured = {
      meetings,
      ...(totalCount != null ? { totalCount } : {}),
      ...(nextPageToken ? { nextPageToken } : {}),
    };
    const filters = { ownerId: input.ownerId, prospectId: input.prospectId, meetingType: input.meetingType };
    return { text: formatMeetingPage({ ...structured, now: now(), displayZone: zone, filters, notes }), structured };
  },
});
