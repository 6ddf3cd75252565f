import { describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';

// Item 1: deadlines belong to the network, not to people.

const mutations = (h: Harness, from: number) => h.sandbox.requests.slice(from).filter((r) => r.method !== 'GET');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a person answering a confirmation', () => {
  it('does not spend the call budget: a slow "yes" still deletes, with a full per-attempt timeout', async () => {
    // The call may take 2 s of network time; the person takes 2.5 s to click "yes".
    const h = await startHarness({
      seedCount: 3,
      callBudgetMs: 2_000,
      timeoutMs: 1_000,
      elicit: async () => {
        await sleep(2_500);
        return { action: 'accept', content: { confirm: true } };
      },
    });
    try {
      const meeting = h.seeded[0]!;
      const from = h.sandbox.requests.length;
      const result = await h.call('delete_meeting', { meetingId: meeting.id });
      expect(result.isError, result.text).toBe(false);
      expect(result.structured).toMatchObject({ deleted: true });
      expect(result.text).toMatch(/^Deleted/);
      expect(mutations(h, from)).toHaveLength(1);
      expect(() => h.sandbox.store.get(meeting.id)).toThrow();
    } finally {
      await h.close();
    }
  });

  it('a person who never answers gets "not deleted", nothing is sent, and it is not an internal error', async () => {
    const h = await startHarness({
      seedCount: 3,
      confirmTimeoutMs: 300,
      elicit: () => new Promise(() => {}),
    });
    try {
      const meeting = h.seeded[0]!;
      const from = h.sandbox.requests.length;
      const result = await h.call('delete_meeting', { meetingId: meeting.id });
      expect(result.isError).toBe(false);
      expect(result.text).toMatch(/^Not deleted: no answer to the confirmation within/);
      expect(result.text).toMatch(/Nothing was sent/);
      expect(result.structured).toMatchObject({ deleted: false });
      expect(mutations(h, from)).toHaveLength(0);
      expect(h.sandbox.store.get(meeting.id)).toMatchObject({ id: meeting.id });
    } finally {
      await h.close();
    }
  });
});

describe('too little time left for a mutation', () => {
  it('is not sent, and the answer says nothing was changed', async () => {
    // The read before the update eats most of the budget: what is left is under the 1 s minimum a write gets.
    const h = await startHarness({ seedCount: 3, callBudgetMs: 1_500, timeoutMs: 1_000, maxRetries: 0 });
    try {
      const meeting = h.seeded[0]!;
      h.sandbox.faults.push({ method: 'GET', delayMs: 800 });
      const from = h.sandbox.requests.length;
      const result = await h.call('update_meeting', { meetingId: meeting.id, notes: 'late' });
      expect(result.isError).toBe(true);
      expect(mutations(h, from)).toHaveLength(0);
      expect(result.text).toMatch(/not sent/i);
      expect(result.text).toMatch(/Nothing was changed/);
      expect(result.structured).toMatchObject({ error: { code: 'timeout', retryable: true } });
      expect(h.sandbox.store.get(meeting.id).notes).toBe(meeting.notes);
    } finally {
      await h.close();
    }
  });
});

describe('a mutation whose outcome is unknown', () => {
  it('says it may have been applied and how to check', async () => {
    const h = await startHarness({ seedCount: 3, timeoutMs: 300, callBudgetMs: 5_000, maxRetries: 0 });
    try {
      const meeting = h.seeded[0]!;
      h.sandbox.faults.push({ method: 'POST', delayMs: 600 });
      const result = await h.call('update_meeting', { meetingId: meeting.id, notes: 'maybe' });
      expect(result.isError).toBe(true);
      expect(result.text).toMatch(/may have been applied/);
      expect(result.text).toContain(`get_meeting with meetingId ${meeting.id}`);
      h.sandbox.faults.push({ method: 'POST', delayMs: 600 });
      const created = await h.call('create_meeting', {
        prospectId: meeting.prospectId,
        ownerId: meeting.ownerId,
        meetingType: 'phone',
        meetingDate: '2025-04-01T10:00',
        timeZone: 'Europe/Berlin',
      });
      expect(created.text).toMatch(/may have been applied/);
      expect(created.text).toContain(`list_meetings with prospectId ${meeting.prospectId}`);
    } finally {
      await h.close();
    }
  });

  it('a failure before anything was written says nothing was changed', async () => {
    const h = await startHarness({ seedCount: 3, timeoutMs: 300, maxRetries: 0 });
    try {
      h.sandbox.faults.push({ method: 'GET', delayMs: 600 });
      const result = await h.call('update_meeting', { meetingId: h.seeded[0]!.id, notes: 'x' });
      expect(result.isError).toBe(true);
      expect(result.text).toMatch(/Nothing was changed/);
      expect(result.text).not.toMatch(/may have been applied/);
    } finally {
      await h.close();
    }
  });
});
