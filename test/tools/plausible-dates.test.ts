import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_MEETING_FIELDS } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';

// "Now" in the harness is 2025-03-05 15:00 UTC, a Wednesday.
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedCount: 3 });
});
afterAll(() => h.close());

const writes = (from: number) => h.sandbox.requests.slice(from).filter((r) => r.method !== 'GET');

describe('a meetingDate in the past or more than a year ahead', () => {
  it.each([
    ['2024-03-10T10:00', /2024-03-10 Sun 10:00-04 America\/New_York is in the past; today is 2025-03-05 Wed in America\/New_York\./],
    ['2026-06-01T10:00', /is more than a year ahead; today is 2025-03-05 Wed in America\/New_York\./],
  ])("%s is refused, naming today in the meeting's zone and how to confirm", async (meetingDate, message) => {
    const from = h.sandbox.requests.length;
    const result = await h.call('create_meeting', { ...SAMPLE_MEETING_FIELDS, meetingDate });
    expect(result.isError).toBe(true);
    expect(result.structured).toMatchObject({ error: { code: 'invalid_argument', field: 'meetingDate' } });
    expect(result.text).toMatch(message);
    expect(result.text).toMatch(/call again with confirmDate: true/);
    expect(h.sandbox.requests.length).toBe(from);
  });

  it('is written when confirmed, and the answer still names today', async () => {
    const result = await h.call('create_meeting', { ...SAMPLE_MEETING_FIELDS, meetingDate: '2024-03-10T10:00', confirmDate: true });
    expect(result.isError, result.text).toBe(false);
    expect(result.text).toMatch(/Note: .*is in the past \(today is 2025-03-05 Wed in America\/New_York\), as confirmed\./);
    expect(result.structured).toMatchObject({ note: expect.stringMatching(/as confirmed/) });
  });

  it('applies to a reschedule too, and not to other edits of a past meeting', async () => {
    const meeting = h.seeded[0]!;
    const from = h.sandbox.requests.length;
    const moved = await h.call('update_meeting', { meetingId: meeting.id, meetingDate: '2024-12-01T10:00' });
    expect(moved.isError).toBe(true);
    expect(moved.text).toMatch(/is in the past; today is 2025-03-05 Wed in /);
    expect(moved.text).toMatch(/Nothing was changed\./);
    expect(writes(from)).toHaveLength(0);
    const edited = await h.call('update_meeting', { meetingId: meeting.id, notes: 'still fine' });
    expect(edited.isError, edited.text).toBe(false);
  });
});
