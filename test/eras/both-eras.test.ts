import { Client, StreamableHTTPClientTransport, type ElicitResult } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/api/schemas.js';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../../src/sandbox/seed.js';
import { dayInTwoMonths, phoneCallLike } from '../helpers/fixtures.js';
import { startHosted, type Hosted } from '../helpers/hosted.js';
import { BIN, binEnv } from '../helpers/spawn-bin.js';

const KEY = 'hc_live_eras_0123456789abcdef';
const MODERN = { versionNegotiation: { mode: { pin: '2026-07-28' } } } as const;

type Era = 'modern' | 'legacy';
type Wire = 'stdio' | 'http';

/**
 * The built bin, spawned under a far-off TZ, with the official v2 client in each era — pinned to 2026-07-28, and
 * left on its default 2025 handshake — over stdio and hosted HTTP: every tool, the prompts and the templates.
 */
describe.each([
  ['stdio', 'modern'],
  ['stdio', 'legacy'],
  ['http', 'modern'],
  ['http', 'legacy'],
] as [Wire, Era][])('%s, %s era', (wire, era) => {
  let sandbox: SandboxApi;
  let hosted: Hosted | undefined;
  let seeded: Meeting[];
  const answers: ElicitResult[] = [];
  const questions: string[] = [];

  async function connect(options: { elicitation: boolean }): Promise<Client> {
    const client = new Client(
      { name: `eras-${wire}-${era}`, version: '1.0.0' },
      { ...(era === 'modern' ? MODERN : {}), capabilities: options.elicitation ? { elicitation: { form: {} } } : {} },
    );
    if (options.elicitation) {
      client.setRequestHandler('elicitation/create', (request) => {
        questions.push(request.params.message);
        return answers.shift() ?? { action: 'cancel' };
      });
    }
    const transport =
      wire === 'stdio'
        ? new StdioClientTransport({
            command: process.execPath,
            args: [BIN],
            env: binEnv({ HIRINGCENTER_API_KEY: KEY, HIRINGCENTER_BASE_URL: sandbox.baseUrl }),
            stderr: 'ignore',
          })
        : new StreamableHTTPClientTransport(new URL(hosted!.url), { requestInit: { headers: { authorization: `Bearer ${KEY}` } } });
    await client.connect(transport);
    return client;
  }

  beforeAll(async () => {
    sandbox = await startSandboxApi({ apiKey: KEY });
    seeded = seedMeetings(sandbox.store, { now: Date.now(), count: 12 });
    if (wire === 'http') hosted = await startHosted({ HIRINGCENTER_BASE_URL: sandbox.baseUrl });
  });
  afterAll(async () => {
    await hosted?.stop();
    await sandbox.close();
  });

  const deletes = () => sandbox.requests.filter((r) => r.method === 'DELETE').length;
  const text = (result: Awaited<ReturnType<Client['callTool']>>) => (result.content as { text: string }[])[0]!.text;

  it('negotiates the era it asked for, and uses all five tools', async () => {
    const client = await connect({ elicitation: false });
    try {
      expect(client.getProtocolEra()).toBe(era);
      expect(client.getServerVersion()?.name).toBe('hiringcenter-mcp');
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual([
        'list_meetings',
        'get_meeting',
        'create_meeting',
        'update_meeting',
        'delete_meeting',
      ]);
      const list = await client.callTool({ name: 'list_meetings', arguments: { limit: 3 } });
      expect(text(list)).toMatch(/^3 of 12 meetings/);
      const first = (list.structuredContent as { meetings: Meeting[] }).meetings[0]!;
      const got = await client.callTool({ name: 'get_meeting', arguments: { meetingId: first.id } });
      expect(got.structuredContent).toMatchObject({ meeting: { id: first.id } });
      const day = dayInTwoMonths('Asia/Kolkata');
      const created = await client.callTool({
        name: 'create_meeting',
        arguments: phoneCallLike(seeded[0]!, `${day}T10:00`, 'Asia/Kolkata'),
      });
      expect(text(created)).toContain(`${day} ${weekday(day)} 10:00+05:30 Asia/Kolkata`);
      const id = (created.structuredContent as { meeting: Meeting }).meeting.id;
      const moved = await client.callTool({ name: 'update_meeting', arguments: { meetingId: id, meetingDate: `${day}T09:30` } });
      expect(text(moved)).toContain(`${day} ${weekday(day)} 09:30+05:30`);
      // No elicitation declared: the client's own approval prompt guards the delete, which goes straight through.
      const before = deletes();
      expect(text(await client.callTool({ name: 'delete_meeting', arguments: { meetingId: id } }))).toMatch(/^Deleted/);
      expect(deletes()).toBe(before + 1);
    } finally {
      await client.close();
    }
  });

  it('serves the prompts and the resource templates', async () => {
    const client = await connect({ elicitation: false });
    try {
      expect((await client.listPrompts()).prompts.map((p) => p.name)).toEqual([
        'weekly_agenda',
        'schedule_interview',
        'reschedule_meeting',
      ]);
      const prompt = await client.getPrompt({
        name: 'weekly_agenda',
        arguments: { ownerId: seeded[0]!.ownerId, timeZone: 'Europe/Berlin' },
      });
      expect(JSON.stringify(prompt.messages)).toContain('list_meetings');
      const templates = (await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
      expect(templates).toContain('hiringcenter://meetings/{meetingId}');
      const read = await client.readResource({ uri: `hiringcenter://meetings/${seeded[1]!.id}` });
      expect(read.contents.map((c) => c.mimeType)).toEqual(['text/plain', 'application/json']);
      const missing = await client.readResource({ uri: 'hiringcenter://meetings/0000' }).catch((error: unknown) => error);
      expect(missing).toMatchObject({ code: -32602 });
    } finally {
      await client.close();
    }
  });

  it('a delete the person confirms is sent once; one they decline is not sent', async () => {
    // Hosted 2025 clients are served statelessly: no request can reach them mid-call, so they are not asked.
    const asked = !(wire === 'http' && era === 'legacy');
    const client = await connect({ elicitation: true });
    try {
      const before = deletes();
      answers.push({ action: 'decline' });
      const declined = await client.callTool({ name: 'delete_meeting', arguments: { meetingId: seeded[2]!.id } });
      if (asked) {
        expect(text(declined)).toMatch(/^Not deleted: the user declined/);
        expect(deletes()).toBe(before);
        expect(questions.at(-1)).toMatch(/^Delete the [\w-]+ meeting on \d{4}-\d{2}-\d{2} \w{3} \d{2}:\d{2}/);
      } else {
        expect(text(declined)).toMatch(/^Deleted/);
        answers.length = 0;
      }
      answers.push({ action: 'accept', content: { confirm: true } });
      const accepted = await client.callTool({ name: 'delete_meeting', arguments: { meetingId: seeded[3]!.id } });
      expect(text(accepted)).toMatch(/^Deleted/);
      expect(deletes()).toBe(before + (asked ? 1 : 2));
    } finally {
      await client.close();
    }
  });
});

function weekday(isoDay: string): string {
  return new Date(`${isoDay}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', timeZone: 'UTC' });
}
