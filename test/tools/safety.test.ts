import type { ElicitResult } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';

const mutations = (h: Harness, from: number) => h.sandbox.requests.slice(from).filter((r) => r.method !== 'GET');

async function withHarness(options: Parameters<typeof startHarness>[0], run: (h: Harness) => Promise<void>): Promise<void> {
  const h = await startHarness({ seedCount: 5, ...options });
  try {
    await run(h);
  } finally {
    await h.close();
  }
}

describe('read-only mode and the allow-list', () => {
  it('read-only lists only list_meetings and get_meeting, and refuses the rest by name', () =>
    withHarness({ readOnly: true }, async (h) => {
      const { tools } = await h.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['list_meetings', 'get_meeting']);
      const from = h.sandbox.requests.length;
      for (const name of ['create_meeting', 'update_meeting', 'delete_meeting']) {
        const result = await h.call(name, { meetingId: h.seeded[0]!.id });
        expect(result.isError).toBe(true);
        expect(result.text).toMatch(new RegExp(`^${name} is disabled: this server runs in read-only mode`));
        expect(result.structured).toMatchObject({ error: { code: 'tool_disabled' } });
      }
      expect(h.sandbox.requests.length).toBe(from);
      expect((await h.call('get_meeting', { meetingId: h.seeded[0]!.id })).isError).toBe(false);
    }));

  it('an allow-list offers exactly its tools', () =>
    withHarness({ allow: ['get_meeting', 'update_meeting'] }, async (h) => {
      const { tools } = await h.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['get_meeting', 'update_meeting']);
      const hidden = await h.call('list_meetings', {});
      expect(hidden.text).toMatch(/list_meetings is not enabled on this server.*Available tools: get_meeting, update_meeting/);
    }));
});

describe('dryRun', () => {
  it('update_meeting shows before → after in local time and sends nothing', () =>
    withHarness({}, async (h) => {
      const meeting = h.seeded[0]!;
      const from = h.sandbox.requests.length;
      const result = await h.call('update_meeting', {
        meetingId: meeting.id,
        meetingDate: '2025-04-01T16:45',
        notes: 'Moved',
        dryRun: true,
      });
      expect(result.isError, result.text).toBe(false);
      expect(mutations(h, from)).toHaveLength(0);
      expect(h.sandbox.store.get(meeting.id)).toEqual(meeting);
      expect(result.text).toMatch(/^Dry run; nothing was sent\. update_meeting would change meeting/);
      expect(result.text).toMatch(new RegExp(`meetingDate: .* → 2025-04-01 Tue 16:45[+-]\\d{2}(:\\d{2})? ${meeting.timeZone}`));
      expect(result.text).toMatch(/notes: .* → Moved/);
      expect(result.structured).toMatchObject({
        dryRun: true,
        meeting: { id: meeting.id },
        changes: [{ field: 'meetingDate' }, { field: 'notes', to: 'Moved' }],
      });
    }));

  it('delete_meeting shows what would be deleted and sends nothing', () =>
    withHarness({}, async (h) => {
      const meeting = h.seeded[1]!;
      const from = h.sandbox.requests.length;
      const result = await h.call('delete_meeting', { meetingId: meeting.id, dryRun: 'true' });
      expect(result.isError, result.text).toBe(false);
      expect(mutations(h, from)).toHaveLength(0);
      expect(result.text).toContain(`would cancel the ${meeting.meetingType} meeting ${meeting.id}`);
      expect(result.structured).toMatchObject({ meetingId: meeting.id, deleted: false, dryRun: true });
    }));
});

describe('confirming deletes (MCP elicitation)', () => {
  const answering = (result: ElicitResult, asked: string[]) => (message: string) => {
    asked.push(message);
    return result;
  };

  it('asks, showing prospect, owner and local time, and deletes on accept', async () => {
    const asked: string[] = [];
    await withHarness({ elicit: answering({ action: 'accept', content: { confirm: true } }, asked) }, async (h) => {
      const meeting = h.seeded[0]!;
      const result = await h.call('delete_meeting', { meetingId: meeting.id });
      expect(result.isError, result.text).toBe(false);
      expect(result.structured).toMatchObject({ deleted: true });
      expect(asked).toHaveLength(1);
      expect(asked[0]).toContain(meeting.prospectId);
      expect(asked[0]).toContain(meeting.ownerId);
      expect(asked[0]).toMatch(new RegExp(`\\d{4}-\\d{2}-\\d{2} \\w{3} \\d{2}:\\d{2}[+-]\\d{2}(:\\d{2})? ${meeting.timeZone}`));
      expect(() => h.sandbox.store.get(meeting.id)).toThrow();
    });
  });

  it.each([
    [{ action: 'decline' } as ElicitResult, /user declined/],
    [{ action: 'cancel' } as ElicitResult, /user dismissed/],
    [{ action: 'accept', content: { confirm: false } } as ElicitResult, /user declined/],
  ])('sends nothing on %j and says so', async (answer, message) => {
    await withHarness({ elicit: () => answer }, async (h) => {
      const meeting = h.seeded[0]!;
      const from = h.sandbox.requests.length;
      const result = await h.call('delete_meeting', { meetingId: meeting.id });
      expect(result.isError).toBe(false);
      expect(result.text).toMatch(message);
      expect(result.text).toMatch(/Nothing was sent/);
      expect(result.structured).toMatchObject({ deleted: false });
      expect(mutations(h, from)).toHaveLength(0);
      expect(h.sandbox.store.get(meeting.id)).toMatchObject({ id: meeting.id });
    });
  });

  it('does not ask a client without elicitation, nor when HIRINGCENTER_CONFIRM_DELETES=never', async () => {
    await withHarness({}, async (h) => {
      expect((await h.call('delete_meeting', { meetingId: h.seeded[0]!.id })).structured).toMatchObject({ deleted: true });
    });
    const asked: string[] = [];
    await withHarness({ confirmDeletes: false, elicit: answering({ action: 'decline' }, asked) }, async (h) => {
      expect((await h.call('delete_meeting', { meetingId: h.seeded[0]!.id })).structured).toMatchObject({ deleted: true });
      expect(asked).toHaveLength(0);
    });
  });
});
