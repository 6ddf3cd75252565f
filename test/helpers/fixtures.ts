import { Temporal } from 'temporal-polyfill';

/** Who and what a sample meeting is, without its time: tools tests add a meetingDate of their own. */
export const SAMPLE_MEETING_FIELDS = {
  prospectId: 'c1a7e9d34b8f4c2aa6d15e0f7b3c9d42',
  ownerId: 'b2e7a1d94c3f4a8eb6d05c1f9a7e2d45',
  meetingType: 'virtual',
  timeZone: 'America/New_York',
};

/** A valid POST /meetings body, for tests of the client and emulator. */
export const SAMPLE_CREATE_BODY = { ...SAMPLE_MEETING_FIELDS, meetingDate: 1741615200000 };

/** The rejection of `promise` (and a failure if it resolves). */
export async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/**
 * A day two months from today in `timeZone` ("YYYY-MM-DD"): for tests that run the bin on the real clock,
 * which refuses meeting dates in the past or more than a year ahead.
 */
export function dayInTwoMonths(timeZone: string): string {
  return Temporal.Now.plainDateISO(timeZone).add({ months: 2 }).toString();
}

/** create_meeting arguments for another phone call with a listed meeting's prospect and owner. */
export function phoneCallLike(meeting: { prospectId: string; ownerId: string }, meetingDate: string, timeZone: string) {
  return { prospectId: meeting.prospectId, ownerId: meeting.ownerId, meetingType: 'phone', meetingDate, timeZone };
}
