import { getEncoding } from 'js-tiktoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_KEY, startHarness, type Harness } from '../helpers/harness.js';
import { toolsAsModelSees } from '../helpers/model-view.js';

// Guards for the budgets `npm run bench:tokens` reports: a change that bloats what the model reads fails here.
const tokens = (text: string) => getEncoding('o200k_base').encode(text).length;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedCount: 200 });
});
afterAll(() => h.close());

describe('token budget', () => {
  it('all tool definitions, as hosts give them to a model, fit in 1,500 tokens', async () => {
    const { tools } = await h.client.listTools();
    expect(tokens(JSON.stringify(toolsAsModelSees(tools)))).toBeLessThanOrEqual(1500);
  });

  it('a 50-meeting page costs at most 40% of the raw API JSON', async () => {
    const raw = await (await fetch(`${h.sandbox.baseUrl}/meetings?limit=50`, { headers: { authorization: `Bearer ${TEST_KEY}` } })).text();
    const text = (await h.call('list_meetings', { limit: 50 })).text;
    expect(tokens(text) / tokens(raw)).toBeLessThanOrEqual(0.4);
  });

  it('a 50-meeting page filtered by one owner costs at most 35% of the raw API JSON', async () => {
    const owner = h.seeded[0]!.ownerId;
    const raw = await (
      await fetch(`${h.sandbox.baseUrl}/meetings?limit=50&ownerId=${owner}`, { headers: { authorization: `Bearer ${TEST_KEY}` } })
    ).text();
    const text = (await h.call('list_meetings', { limit: 50, ownerId: owner })).text;
    expect(tokens(text) / tokens(raw)).toBeLessThanOrEqual(0.35);
  });

  it("prompts/list fits in 450 tokens and each prompt's text in 320 (icons are drawn, not read)", async () => {
    const { prompts } = await h.client.listPrompts();
    expect(tokens(JSON.stringify(prompts.map(({ icons: _icons, ...rest }) => rest)))).toBeLessThanOrEqual(450);
    const m = h.seeded[0]!;
    for (const [name, args] of [
      ['weekly_agenda', { ownerId: m.ownerId, timeZone: 'Europe/Berlin' }],
      [
        'schedule_interview',
        { prospectId: m.prospectId, ownerId: m.ownerId, day: '2025-03-12', timeZone: 'America/New_York', time: '14:30' },
      ],
      ['reschedule_meeting', { meetingId: m.id, meetingDate: '2025-03-14T11:00' }],
    ] as const) {
      const text = ((await h.client.getPrompt({ name, arguments: args })).messages[0]!.content as { text: string }).text;
      expect(tokens(text), name).toBeLessThanOrEqual(320);
    }
  });
});
