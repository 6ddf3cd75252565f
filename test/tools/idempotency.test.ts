import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/api/schemas.js';
import { SAMPLE_MEETING_FIELDS } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedCount: 0 });
});
afterAll(() => h.close());
beforeEach(() => h.sandbox.faults.clear());

const slot = { ...SAMPLE_MEETING_FIELDS, timeZone: 'Europe/Berlin' };
let day = 1;
const freshSlot = () => ({ ...slot, meetingDate: `2025-06-${String(day++).padStart(2, '0')}T10:00` });
const meetingOf = (result: { structured: Record<string, unknown> | undefined }) => (result.structured as { meeting: Meeting }).meeting;
const mutations = (from: number) => h.sandbox.requests.slice(from).filter((r) => r.method !== 'GET');

describe('idempotency: retries dedupe, deliberate repeats take effect', () => {
  it('trap 1: notes X, then Y, then X again leaves the meeting at X', async () => {
    const meeting = meetingOf(await h.call('create_meeting', freshSlot()));
    for (const notes of ['X', 'Y', 'X']) {
      const result = await h.call('update_meeting', { meetingId: meeting.id, notes });
      expect(result.isError, result.text).toBe(false);
      expect(meetingOf(result).notes).toBe(notes);
      expect(h.sandbox.store.get(meeting.id).notes).toBe(notes);
    }
  });

  it('trap 2: create, delete, create the same again makes a new meeting that exists', async () => {
    const args = freshSlot();
    const first = meetingOf(await h.call('create_meeting', args));
    await h.call('delete_meeting', { meetingId: first.id });
    const again = await h.call('create_meeting', args);
    expect(again.isError, again.text).toBe(false);
    const second = meetingOf(again);
    expect(second.id).not.toBe(first.id);
    expect(h.sandbox.store.get(second.id)).toMatchObject({ prospectId: slot.prospectId });
    // And a third round still works: delete the second, create again.
    await h.call('delete_meeting', { meetingId: second.id });
    const third = meetingOf(await h.call('create_meeting', args));
    expect([first.id, second.id]).not.toContain(third.id);
    expect(h.sandbox.store.all().filter((m) => m.meetingDate === first.meetingDate)).toHaveLength(1);
  });

  it('a create moved away and then asked for again is a new meeting in the old slot', async () => {
    const args = freshSlot();
    const first = meetingOf(await h.call('create_meeting', args));
    await h.call('update_meeting', { meetingId: first.id, meetingDate: '2025-07-30T10:00' });
    const again = meetingOf(await h.call('create_meeting', args));
    expect(again.id).not.toBe(first.id);
    expect(again.meetingDate).toBe(first.meetingDate);
  });

  it('an identical create repeated while the meeting stands is the same meeting', async () => {
    const args = freshSlot();
    const first = meetingOf(await h.call('create_meeting', args));
    const second = meetingOf(await h.call('create_meeting', args));
    expect(second.id).toBe(first.id);
    expect(h.sandbox.store.all().filter((m) => m.meetingDate === first.meetingDate)).toHaveLength(1);
  });

  it('a create whose answer was lost is retried with the same key and made once', async () => {
    const from = h.sandbox.requests.length;
    h.sandbox.faults.push({ method: 'POST', drop: 'after' }, { method: 'POST', status: 503, afterCommit: true });
    const result = await h.call('create_meeting', freshSlot());
    expect(result.isError, result.text).toBe(false);
    const posts = mutations(from);
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((r) => r.headers['x-idempotency-key'])).size).toBe(1);
    expect(h.sandbox.store.all().filter((m) => m.meetingDate === meetingOf(result).meetingDate)).toHaveLength(1);
  });

  it('an agent repeating a create it never got an answer to, after a server restart, gets the same meeting', async () => {
    const args = freshSlot();
    const impatient = await startHarness({ sandbox: h.sandbox, maxRetries: 0 });
    h.sandbox.faults.push({ method: 'POST', drop: 'after' });
    const lost = await impatient.call('create_meeting', args);
    expect(lost.isError).toBe(true);
    expect(lost.text).toMatch(/may have been applied: check with list_meetings with prospectId.*Repeating the exact same call is safe/);
    await impatient.close();

    const restarted = await startHarness({ sandbox: h.sandbox });
    const repeated = await restarted.call('create_meeting', args);
    await restarted.close();
    expect(repeated.isError, repeated.text).toBe(false);
    expect(h.sandbox.store.all().filter((m) => m.meetingDate === meetingOf(repeated).meetingDate)).toHaveLength(1);
  });

  it('an update whose answer was lost, repeated after a restart, leaves exactly the asked-for state', async () => {
    const meeting = meetingOf(await h.call('create_meeting', freshSlot()));
    const impatient = await startHarness({ sandbox: h.sandbox, maxRetries: 0 });
    h.sandbox.faults.push({ method: 'POST', drop: 'after' });
    expect((await impatient.call('update_meeting', { meetingId: meeting.id, notes: 'moved', location: 'Room 4' })).isError).toBe(true);
    await impatient.close();
    const repeated = await h.call('update_meeting', { meetingId: meeting.id, notes: 'moved', location: 'Room 4' });
    expect(repeated.isError, repeated.text).toBe(false);
    expect(h.sandbox.store.get(meeting.id)).toMatchObject({ notes: 'moved', location: 'Room 4' });
  });

  it('a delete whose answer was lost is retried and succeeds once', async () => {
    const meeting = meetingOf(await h.call('create_meeting', freshSlot()));
    h.sandbox.faults.push({ method: 'DELETE', drop: 'after' });
    const result = await h.call('delete_meeting', { meetingId: meeting.id });
    expect(result.isError, result.text).toBe(false);
    expect(() => h.sandbox.store.get(meeting.id)).toThrow();
  });

  it("a caller's own idempotencyKey wins, and a stale replay of it is explained", async () => {
    const args = { ...freshSlot(), idempotencyKey: 'agent-key-0001' };
    const from = h.sandbox.requests.length;
    const first = meetingOf(await h.call('create_meeting', args));
    expect(mutations(from)[0]!.headers['x-idempotency-key']).toBe('agent-key-0001');
    await h.call('delete_meeting', { meetingId: first.id });
    const stale = await h.call('create_meeting', args);
    expect(stale.isError).toBe(true);
    expect(stale.text).toMatch(new RegExp(`already used to create meeting ${first.id}.*send a new idempotencyKey`));
  });

  it('refuses an idempotencyKey that could not be a header value', async () => {
    const result = await h.call('delete_meeting', { meetingId: 'abcdef0123', idempotencyKey: 'bad key\r\nX-Evil: 1' });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/Invalid idempotencyKey/);
  });
});
