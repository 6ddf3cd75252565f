import * as z from 'zod/v4';
import { createMeetingOnce } from '../api/meeting-mutations.js';
import type { CreateMeetingBody } from '../api/schemas.js';
import { formatCreated } from '../format/mutation-text.js';
import { resolveDateInput } from '../time/resolve-date-input.js';
import { resolveTimeZone } from '../time/time-zone.js';
import { mutating } from './annotations.js';
import { defineTool } from './define-tool.js';
import { checkPlausibleDate, joinNotes } from './plausible-date.js';
import {
  confirmDate,
  idempotencyKey,
  location,
  meetingDate,
  meetingType,
  notes,
  ownerId,
  prospectId,
  timeZone,
  userId,
} from './arguments.js';
import { meetingResult } from './output-schemas.js';

export const createMeeting = defineTool({
  name: 'create_meeting',
  title: 'Schedule meeting',
  description:
    'Schedule a meeting with a prospect, best as wall-clock time in its timeZone ("2025-03-10T10:00" + "America/New_York"). ' +
    'A time skipped by DST is refused with the nearest valid ones; a repeated fall-back time means the first. Repeating an identical call never duplicates.',
  annotations: mutating(false),
  inputSchema: z.strictObject({
    prospectId,
    ownerId,
    meetingType,
    meetingDate,
    timeZone: timeZone.describe('IANA zone of the meeting, e.g. "America/New_York" (not "EST").'),
    location: location.optional(),
    notes: notes.optional(),
    userId: userId.optional(),
    confirmDate: confirmDate.optional(),
    idempotencyKey: idempotencyKey.optional(),
  }),
  example: {
    prospectId: 'a32b51509376bec72d8de729c368f7dd',
    ownerId: '9e1be4b28d1f9e69595b47dbfe6841b5',
    meetingType: 'virtual',
    meetingDate: '2025-03-10T10:00',
    timeZone: 'America/New_York',
    location: 'Zoom',
  },
  outputSchema: meetingResult,
  async handle(input, { api, defaultUserId, call, now }) {
    const zone = resolveTimeZone(input.timeZone);
    const when = resolveDateInput(input.meetingDate, { field: 'meetingDate', timeZone: zone });
    const note = joinNotes(when.note, checkPlausibleDate(when.epochMs, zone, now(), input.confirmDate));
    const actingUser = input.userId ?? defaultUserId;
    const body: CreateMeetingBody = {
      prospectId: input.prospectId,
      meetingDate: when.epochMs,
      timeZone: zone,
      meetingType: input.meetingType,
      ownerId: input.ownerId,
      ...(actingUser ? { userId: actingUser } : {}),
      ...(input.location !== undefined ? { location: input.location } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
    };
    const meeting = await createMeetingOnce(api, body, call, input.idempotencyKey);
    return {
      text: formatCreated(meeting, body, note),
      structured: { meeting, ...(note ? { note } : {}) },
    };
  },
});
