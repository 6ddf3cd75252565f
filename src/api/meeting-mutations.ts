import type { CallOptions, HiringCenterClient } from './client.js';
import { ApiHttpError, HiringCenterError, StaleReplayError } from './errors.js';
import { deriveIdempotencyKey, stateFingerprint } from './idempotency-key.js';
import type { CreateMeetingBody, DeleteResult, Meeting, UpdateMeetingBody } from './schemas.js';

// Each stale replay costs one POST and one GET; real chains are 1-2 links long.
const MAX_CREATE_CHAIN = 8;

/**
 * Creates a meeting exactly once per intent, following the key rule in
 * idempotency-key.ts: read each answer back, accept it only if that meeting
 * still exists in the slot it was created in, else move along the key chain.
 */
export async function createMeetingOnce(
  api: HiringCenterClient,
  body: CreateMeetingBody,
  call: CallOptions,
  callerKey?: string,
): Promise<Meeting> {
  let basis = '';
  for (let link = 0; link < MAX_CREATE_CHAIN; link++) {
    const idempotencyKey = callerKey ?? (await deriveIdempotencyKey('POST', '/meetings', body, basis));
    const answered = await api.createMeeting(body, { ...call, idempotencyKey });
    const current = await readIfExists(api, answered.id, call);
    if (current && sameSlot(current, answered)) return current;
    if (callerKey) throw new StaleReplayError('POST', '/meetings', answered.id);
    basis = `superseded ${answered.id}`;
  }
  throw new HiringCenterError('POST', '/meetings', `gave up after ${MAX_CREATE_CHAIN} replays of meetings that no longer exist`);
}

/** Updates with a key tied to `current`, the meeting as read just before (see idempotency-key.ts). */
export async function updateMeetingOnce(
  api: HiringCenterClient,
  current: Meeting,
  body: UpdateMeetingBody,
  call: CallOptions,
  callerKey?: string,
): Promise<Meeting> {
  const idempotencyKey =
    callerKey ?? (await deriveIdempotencyKey('POST', `/meetings/${current.id}`, body, await stateFingerprint(current)));
  return api.updateMeeting(current.id, body, { ...call, idempotencyKey });
}

export async function deleteMeetingOnce(
  api: HiringCenterClient,
  meetingId: string,
  call: CallOptions,
  callerKey?: string,
): Promise<DeleteResult> {
  const idempotencyKey = callerKey ?? (await deriveIdempotencyKey('DELETE', `/meetings/${meetingId}`, undefined));
  return api.deleteMeeting(meetingId, { ...call, idempotencyKey });
}

async function readIfExists(api: HiringCenterClient, meetingId: string, call: CallOptions): Promise<Meeting | undefined> {
  try {
    return await api.getMeeting(meetingId, call);
  } catch (error) {
    if (error instanceof ApiHttpError && error.status === 404) return undefined;
    throw error;
  }
}

// Compared with the create's own answer, not the request, so fields the API normalises cannot cause a second create.
function sameSlot(a: Meeting, b: Meeting): boolean {
  return (
    a.prospectId === b.prospectId &&
    a.ownerId === b.ownerId &&
    a.meetingType === b.meetingType &&
    a.meetingDate === b.meetingDate &&
    a.timeZone === b.timeZone
  );
}
