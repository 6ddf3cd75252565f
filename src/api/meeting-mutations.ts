import type { CallScope } from './call-scope.js';
import type { HiringCenterClient } from './client.js';
import { ApiContractError, ApiHttpError, HiringCenterError, StaleReplayError } from './errors.js';
import { deriveIdempotencyKey, stateFingerprint } from './idempotency-key.js';
import { MEETING_ID } from './meeting-id.js';
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
  call: CallScope,
  callerKey?: string,
): Promise<Meeting> {
  let basis = '';
  for (let link = 0; link < MAX_CREATE_CHAIN; link++) {
    const idempotencyKey = callerKey ?? (await deriveIdempotencyKey('POST', '/meetings', body, basis));
    const answered = await api.createMeeting(body, call, idempotencyKey);
    // The new id is read back and handed to the model: it must be an id, not a path or a sentence.
    if (!MEETING_ID.test(answered.id)) {
      throw new ApiContractError(
        'POST',
        '/meetings',
        `HiringCenter answered with ${JSON.stringify(answered.id.slice(0, 80))}, which is not a meeting id (32 hex characters)`,
      );
    }
    const current = await readIfExists(api, answered.id, call);
    if (current && sameSlot(current, answered)) return current;
    if (callerKey) throw new StaleReplayError('POST', '/meetings', answered.id);
    basis = `superseded ${answered.id}`;
  }
  throw new HiringCenterError('POST', '/meetings', `gave up after ${MAX_CREATE_CHAIN} replays of meetings that no longer exist`);
}

/**
 * Updates meeting `meetingId` — the id asked for, never one the API's read
 * returned — with a key tied to `current`, the meeting as read just before
 * (see idempotency-key.ts).
 */
export async function updateMeetingOnce(
  api: HiringCenterClient,
  meetingId: string,
  current: Meeting,
  body: UpdateMeetingBody,
  call: CallScope,
  callerKey?: string,
): Promise<Meeting> {
  const idempotencyKey = callerKey ?? (await deriveIdempotencyKey('POST', `/meetings/${meetingId}`, body, await stateFingerprint(current)));
  return api.updateMeeting(meetingId, body, call, idempotencyKey);
}

export async function deleteMeetingOnce(
  api: HiringCenterClient,
  meetingId: string,
  call: CallScope,
  callerKey?: string,
): Promise<DeleteResult> {
  const idempotencyKey = callerKey ?? (await deriveIdempotencyKey('DELETE', `/meetings/${meetingId}`, undefined));
  return api.deleteMeeting(meetingId, call, idempotencyKey);
}

async function readIfExists(api: HiringCenterClient, meetingId: string, call: CallScope): Promise<Meeting | undefined> {
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
