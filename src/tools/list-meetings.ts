import { z } from 'zod';
import { HiringCenterError } from '../api/errors.js';
import type { Meeting, MeetingQuery } from '../api/schemas.js';
import { formatMeetingPage } from '../format/list-text.js';
import { InputError } from '../input-error.js';
import { resolveDateInput } from '../time/resolve-date-input.js';
import { resolveTimeZone } from '../time/time-zone.js';
import { readOnly } from './annotations.js';
import { defineTool } from './define-tool.js';
import { dateBound, limit, meetingType, ownerId, pageToken, prospectId, timeZone } from './input-fields.js';
import { meetingPage } from './output-schemas.js';

const API_MAX_PAGE = 200;

export const listMeetings = defineTool({
  name: 'list_meetings',
  title: 'List meetings',
  description:
    'List meetings, latest first, filtered by prospect, owner, type and date window. One line per meeting with its id and local time. ' +
    'One page by default (limit, pageToken); maxResults fetches up to 1000 across pages at once.',
  annotations: readOnly('List meetings'),
  inputSchema: z.strictObject({
    prospectId: prospectId.optional(),
    ownerId: ownerId.optional(),
    meetingType: meetingType.optional(),
    meetingDateAfter: dateBound('lower').optional(),
    meetingDateBefore: dateBound('upper').optional(),
    timeZone: timeZone.optional().describe("Zone to show times in and read wall-clock bounds in. Default: each meeting's own."),
    limit: limit.optional(),
    pageToken: pageToken.optional(),
    maxResults: z.number().int().min(1).max(1000).optional().describe('Fetch up to this many (1-1000), following pages.'),
  }),
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

    const meetings: Meeting[] = [];
    let totalCount: number | undefined;
    let nextPageToken = input.pageToken;
    let stoppedEarly: string | undefined;
    const wanted = input.maxResults ?? input.limit ?? 50;
    // Without maxResults this is one page, exactly as asked; with it, pages until enough or none left.
    do {
      const pageSize = input.maxResults ? Math.min(input.limit ?? API_MAX_PAGE, API_MAX_PAGE, wanted - meetings.length) : input.limit;
      let page;
      try {
        page = await api.listMeetings({ ...query, limit: pageSize, pageToken: nextPageToken }, call);
      } catch (error) {
        // A failure after some pages still returns them, with the way to continue.
        if (!meetings.length || !(error instanceof HiringCenterError)) throw error;
        stoppedEarly = `Stopped early after ${meetings.length} meetings: ${error.message}.`;
        break;
      }
      meetings.push(...page.items);
      totalCount = page.pagination?.totalCount ?? totalCount;
      nextPageToken = page.pagination?.nextPageToken ?? undefined;
      if (input.maxResults) await progress?.(meetings.length, Math.min(wanted, totalCount ?? wanted), `Fetched ${meetings.length} meetings`);
    } while (input.maxResults && nextPageToken && meetings.length < wanted);
    if (input.maxResults && nextPageToken && !stoppedEarly && totalCount !== undefined) {
      stoppedEarly = `Stopped at maxResults=${input.maxResults}; ${totalCount - meetings.length} more match.`;
    }

    const structured = {
      meetings,
      ...(totalCount != null ? { totalCount } : {}),
      ...(nextPageToken ? { nextPageToken } : {}),
    };
    const filters = { ownerId: input.ownerId, prospectId: input.prospectId, meetingType: input.meetingType };
    return { text: formatMeetingPage({ ...structured, now: now(), displayZone: zone, filters, stoppedEarly }), structured };
  },
});
