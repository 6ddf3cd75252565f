import * as z from 'zod/v4';
import { updateMeetingOnce } from '../api/meeting-mutations.js';
import type { UpdateMeetingBody } from '../api/schemas.js';
import { formatUpdated, formatWouldUpdate } from '../format/mutation-text.js';
import { InputError } from '../input-error.js';
import { isZoneDependent, resolveDateInput } from '../time/resolve-date-input.js';
import { isKnownTimeZone } from '../time/describe-instant.js';
import { resolveTimeZone } from '../time/time-zone.js';
import { quote } from '../format/inert-text.js';
import { mutating } from './annotations.js';
import { defineTool } from './define-tool.js';
import { checkPlausibleDate, joinNotes } from './plausible-date.js';
import {
  confirmDate,
  dryRun,
  idempotencyKey,
  location,
  meetingDate,
  meetingId,
  meetingType,
  notes,
  ownerId,
  timeZone,
  userId,
} from './arguments.js';
import { meetingResult } from './output-schemas.js';

const CHANGEABLE = ['meetingDate', 'timeZone', 'meetingType', 'ownerId', 'location', 'notes'] as const;

export const updateMeeting = defineTool({
  name: 'update_meeting',
  title: 'Reschedule or edit meeting',
  description:
    'Reschedule or edit a meeting: send only fields to change (null clears location/notes; prospect is fixed). ' +
    "Wall-clock meetingDate is read in the new timeZone, else the meeting's. timeZone alone keeps the instant. dryRun previews.",
  annotations: mutating(true),
  inputSchema: z.strictObject({
    meetingId,
    meetingDate: meetingDate.optional(),
    timeZone: timeZone.optional(),
    meetingType: meetingType.optional(),
    ownerId: ownerId.optional(),
    location: location.optional(),
    notes: notes.optional(),
    userId: userId.optional(),
    confirmDate: confirmDate.optional(),
    dryRun: dryRun.optional(),
    idempotencyKey: idempotencyKey.optional(),
  }),
  example: { meetingId: 'add957ea5fa5d2501abfe7b2420479bc', meetingDate: '2025-03-11T15:30', notes: "Moved at the candidate's request" },
  outputSchema: meetingResult,
  async handle(input, { api, defaultUserId, call, now }) {
    const changed = CHANGEABLE.filter((field) => input[field] !== undefined);
    if (!changed.length) {
      throw new InputError(undefined, 'nothing to change.', `Give at least one of ${CHANGEABLE.join(', ')}.`);
    }
    const zone = input.timeZone === undefined ? undefined : resolveTimeZone(input.timeZone);
    const resolveIn = (timeZone: string | undefined) =>
      input.meetingDate === undefined ? undefined : resolveDateInput(input.meetingDate, { field: 'meetingDate', timeZone });
    // Whatever can be checked without the meeting is checked before any request.
    const early = input.meetingDate !== undefined && (zone || !isZoneDependent(input.meetingDate)) ? resolveIn(zone) : undefined;
    // The present state: it gives a wall-clock date its zone and the idempotency key its basis.
    const current = await api.getMeeting(input.meetingId, call);
    if (!early && input.meetingDate !== undefined && !isKnownTimeZone(current.timeZone)) {
      throw new InputError(
        'meetingDate',
        `is a wall-clock time, and the meeting's zone as HiringCenter gave it (${quote(current.timeZone.slice(0, 64))}) is not a known IANA zone, so it has no meaning there.`,
        'Pass timeZone with the zone the meeting is in, or send meetingDate with a UTC offset.',
      );
    }
    const when = early ?? resolveIn(current.timeZone);
    const shownZone = zone ?? (isKnownTimeZone(current.timeZone) ? current.timeZone : 'UTC');
    const note = when && joinNotes(when.note, checkPlausibleDate(when.epochMs, shownZone, now(), input.confirmDate));
    const actingUser = input.userId ?? defaultUserId;
    const body: UpdateMeetingBody = {
      ...(actingUser ? { userId: actingUser } : {}),
      ...(when ? { meetingDate: when.epochMs } : {}),
      ...(zone ? { timeZone: zone } : {}),
      ...(input.meetingType !== undefined ? { meetingType: input.meetingType } : {}),
      ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
      ...(input.location !== undefined ? { location: input.location } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
    };
    if (input.dryRun) {
      const changes = CHANGEABLE.filter((field) => body[field] !== undefined).map((field) => ({
        field,
        from: current[field] ?? null,
        to: body[field] ?? null,
      }));
      return { text: formatWouldUpdate(current, changes), structured: { meeting: current, dryRun: true as const, changes } };
    }
    const meeting = await updateMeetingOnce(api, input.meetingId, current, body, call, input.idempotencyKey);
    // What the caller asked for, in the form it was sent (the zone canonical, the date as given).
    const asked = Object.fromEntries(changed.map((field) => [field, field === 'timeZone' ? zone : input[field]]));
    return {
      text: formatUpdated(meeting, asked, note),
      structured: { meeting, ...(note ? { note } : {}) },
    };
  },
});
