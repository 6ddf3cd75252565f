import { z } from 'zod';
import { formatMeetingPage } from '../format/list-text.js';
import { InputError } from '../input-error.js';
import { resolveDateInput } from '../time/resolve-date-input.js';
import { resolveTimeZone } from '../time/time-zone.js';
import { readOnly } from './annotations.js';
import { defineTool } from './define-tool.js';
import { dateBound, limit, meetingType, ownerId, pageToken, prospectId, timeZone } from './input-fields.js';
import { meetingPage } from './output-schemas.js';

export const listMeetings = defineTool({
  name: 'list_meetings',
  title: 'List meetings',
  description:
    'List HiringCenter meetings, latest first, optionally filtered by prospect, owner, type and a date window. ' +
    'Returns one line per meeting with its full id and local time. Pages hold up to `limit` (default 50); ' +
    'when more exist the answer gives a pageToken to pass back with the same filters.',
  annotations: readOnly('List meetings'),
  inputSchema: z.strictObject({
    prospectId: prospectId.optional(),
    ownerId: ownerId.optional(),
    meetingType: meetingType.optional(),
    meetingDateAfter: dateBound('lower').optional(),
    meetingDateBefore: dateBound('upper').optional(),
    timeZone: timeZone
      .optional()
      .describe('IANA zone to show times in and to read wall-clock bounds in; default: each meeting\'s own zone.'),
    limit: limit.optional(),
    pageToken: pageToken.optional(),
  }),
  outputSchema: meetingPage,
  async handle(input, { api, now, call }) {
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
    const page = await api.listMeetings(
      {
        prospectId: input.prospectId,
        ownerId: input.ownerId,
        meetingType: input.meetingType,
        meetingDateAfter: after,
        meetingDateBefore: before,
        limit: input.limit,
        pageToken: input.pageToken,
      },
      call,
    );
    const structured = {
      meetings: page.items,
      ...(page.pagination?.totalCount != null ? { totalCount: page.pagination.totalCount } : {}),
      ...(page.pagination?.nextPageToken ? { nextPageToken: page.pagination.nextPageToken } : {}),
    };
    const filters = { ownerId: input.ownerId, prospectId: input.prospectId, meetingType: input.meetingType };
    return { text: formatMeetingPage({ ...structured, now: now(), displayZone: zone, filters }), structured };
  },
});
