import { readFileSync } from 'node:fs';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import type { Meeting } from '../../src/api/schemas.js';
import { describeMeetingTime } from '../../src/format/meeting-time.js';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../../src/sandbox/seed.js';
import { describeTools } from '../../src/mcp/describe-tools.js';
import { allTools } from '../../src/tools/index.js';
import { VERSION } from '../../src/version.js';
import { dayInTwoMonths, phoneCallLike } from '../helpers/fixtures.js';
import { BIN, RawSession, binEnv, runBin } from '../helpers/spawn-bin.js';

const KEY = 'hc_live_3f9a0c1d2e7b4a5f8c6d';
// The bin runs on the real clock, and refuses past dates: the meeting is two months from today, in London.
const day = dayInTwoMonths('Europe/London');
const shown = (time: string) =>
  describeMeetingTime(Temporal.PlainDateTime.from(`${day}T${time}`).toZonedDateTime('Europe/London').epochMilliseconds, 'Europe/London');

describe('the built bin over stdio', () => {
  it('carries the catalog baked in by the build (lazy-boundary.ts): the name the build defines is gone from the bin', () => {
    // Were the define lost, the bin would still work — describing the tools at every start, the slow way.
    const bin = readFileSync(BIN, 'utf8');
    expect(bin).not.toContain('HIRINGCENTER_PREBUILT_CATALOG');
    // Each published input schema is there as data (minified: unquoted keys).
    expect(bin.match(/inputSchema:\{type:"object"/g)).toHaveLength(allTools.length);
  });

  it('serves every tool on --sandbox through the SDK client, under a far-off TZ', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, '--sandbox'], env: binEnv(), stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      // The bin answers tools/list from the catalog baked in at build time: it must be exactly what the tools say.
      expect(tools).toEqual(describeTools(allTools));
      const text = (r: Awaited<ReturnType<typeof client.callTool>>) => (r.content as { text: string }[])[0]!.text;

      const list = await client.callTool({ name: 'list_meetings', arguments: { limit: 3 } });
      expect(text(list)).toMatch(/^3 of 60 meetings, latest first/);
      const [first] = (list.structuredContent as { meetings: Meeting[] }).meetings;

      const created = await client.callTool({
        name: 'create_meeting',
        arguments: phoneCallLike(first!, `${day}T09:15`, 'Europe/London'),
      });
      expect(text(created)).toMatch(
        new RegExp(
          `^Created meeting [0-9a-f]{32} at ${shown('09:15').replace(/[+]/g, '\\+')}, created by API key "Sandbox key"\\. Everything else as sent\\.`,
        ),
      );
      const id = (created.structuredContent as { meeting: Meeting }).meeting.id;
      const updated = await client.callTool({ name: 'update_meeting', arguments: { meetingId: id, meetingDate: `${day}T16:00` } });
      expect(text(updated)).toContain(shown('16:00'));
      const got = await client.callTool({ name: 'get_meeting', arguments: { meetingId: id } });
      expect(text(got).startsWith(`${shown('16:00')}, phone\n`)).toBe(true);
      const deleted = await client.callTool({ name: 'delete_meeting', arguments: { meetingId: id } });
      expect(text(deleted)).toMatch(/^Deleted/);
      expect(stderr).toMatch(/sandbox: 60 sample meetings/);

      // The rest of MCP, as the bundled bin serves it: prompts, resources, completion, the icon.
      expect(client.getServerVersion()?.icons).toHaveLength(1);
      expect((await client.listPrompts()).prompts.map((p) => p.name)).toEqual([
        'weekly_agenda',
        'schedule_interview',
        'reschedule_meeting',
      ]);
      const agenda = await client.getPrompt({ name: 'weekly_agenda', arguments: { ownerId: first!.ownerId, timeZone: 'Europe/London' } });
      expect((agenda.messages[0]!.content as { text: string }).text).toContain('Call list_meetings with');
      const read = await client.readResource({ uri: `hiringcenter://meetings/${first!.id}` });
      expect(read.contents.map((c) => c.mimeType)).toEqual(['text/plain', 'application/json']);
      const zones = await client.complete({
        ref: { type: 'ref/prompt', name: 'weekly_agenda' },
        argument: { name: 'timeZone', value: 'berl' },
      });
      expect(zones.completion.values).toEqual(['Europe/Berlin']);
      const owners = await client.complete({
        ref: { type: 'ref/prompt', name: 'weekly_agenda' },
        argument: { name: 'ownerId', value: '' },
      });
      expect(owners.completion.values).toContain(first!.ownerId);
    } finally {
      await client.close();
    }
  });

  describe('against an API that misbehaves', () => {
    let api: SandboxApi;
    beforeAll(async () => {
      api = await startSandboxApi({ apiKey: KEY });
      seedMeetings(api.store, { now: Date.now(), count: 5 });
    });
    afterAll(() => api.close());

    it('keeps stdout pure JSON-RPC, shows clear errors and never the key', async () => {
      // No retries here: each scripted fault should surface as its own error.
      const session = new RawSession(
        [],
        binEnv({
          HIRINGCENTER_API_KEY: KEY,
          HIRINGCENTER_BASE_URL: api.baseUrl,
          HIRINGCENTER_TIMEOUT_MS: '500',
          HIRINGCENTER_MAX_RETRIES: '0',
        }),
      );
      await session.initialize();
      api.faults.push(
        { status: 500, body: `{"error":{"message":"boom for ${KEY}"}}` },
        { status: 200, body: '<html>proxy</html>' },
        { drop: 'before' },
        { delayMs: 1_000 },
        { status: 401, body: `{"message":"Bearer ${KEY} revoked"}` },
      );
      const texts: string[] = [];
      for (let i = 0; i < 5; i++) {
        const answer = await session.request('tools/call', { name: 'list_meetings', arguments: {} });
        const result = answer.result as { isError?: boolean; content: { text: string }[] };
        expect(result.isError).toBe(true);
        texts.push(result.content[0]!.text);
      }
      expect(texts[0]).toMatch(/server error \(HTTP 500, 1 attempt\)/);
      expect(texts[1]).toMatch(/cannot trust.*HTML/);
      expect(texts[2]).toMatch(/The connection to 127\.0\.0\.1:\d+ broke before HiringCenter answered/);
      expect(texts[3]).toMatch(/timed out after 1 attempt on GET \/meetings \(each allowed up to 500 ms\)/);
      expect(texts[4]).toMatch(/rejected the API key/);
      // Hostile arguments: deep nesting, a huge string, path tricks. Each gets an error; nothing crashes.
      const deep = `${'['.repeat(10_000)}"x"${']'.repeat(10_000)}`;
      const hostile = [`{"meetingId":${deep}}`, JSON.stringify({ meetingId: 'x'.repeat(2_000_000) }), '{"meetingId":"%2e%2e%2fadmin"}'];
      for (const args of hostile) {
        const refused = await session.requestRaw('tools/call', `{"name":"get_meeting","arguments":${args}}`);
        expect((refused.result as { isError: boolean }).isError).toBe(true);
      }
      const ok = await session.request('tools/call', { name: 'list_meetings', arguments: { limit: 1 } });
      expect((ok.result as { isError?: boolean }).isError).toBeUndefined();
      const { code, ms } = await session.close();
      expect(code).toBe(0);
      expect(ms).toBeLessThan(1_500);

      for (const line of session.stdoutLines) expect(() => JSON.parse(line), line).not.toThrow();
      for (const line of session.stdoutLines) expect(JSON.parse(line).jsonrpc).toBe('2.0');
      expect(session.stdoutLines.join('\n')).not.toContain(KEY);
      expect(session.stderr).not.toContain(KEY);
    });

    it('ends within a second on SIGTERM, aborting the request in flight', async () => {
      const session = new RawSession([], binEnv({ HIRINGCENTER_API_KEY: KEY, HIRINGCENTER_BASE_URL: api.baseUrl }));
      await session.initialize();
      api.faults.push({ delayMs: 10_000 });
      const from = api.requests.length;
      const aborts = api.clientAborts();
      void session.request('tools/call', { name: 'list_meetings', arguments: {} });
      while (api.requests.length === from) await new Promise((resolve) => setTimeout(resolve, 10));
      const started = Date.now();
      const exited = new Promise<number | null>((resolve) => session.child.on('exit', resolve));
      session.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(1_000);
      while (api.clientAborts() === aborts) await new Promise((resolve) => setTimeout(resolve, 10));
      api.faults.clear();
    });

    it('on stdin closing, finishes the call in flight, writes its answer, then exits 0', async () => {
      const session = new RawSession([], binEnv({ HIRINGCENTER_API_KEY: KEY, HIRINGCENTER_BASE_URL: api.baseUrl }));
      await session.initialize();
      api.faults.push({ delayMs: 400 });
      const from = api.requests.length;
      const aborts = api.clientAborts();
      const answer = session.request('tools/call', { name: 'list_meetings', arguments: { limit: 1 } });
      while (api.requests.length === from) await new Promise((resolve) => setTimeout(resolve, 10));
      const { code } = await session.close();
      expect(code).toBe(0);
      expect(((await answer).result as { isError?: boolean }).isError).toBeUndefined();
      expect(api.clientAborts()).toBe(aborts);
      api.faults.clear();
    });
  });

  it('starts without a key, says so once on stderr, and every call names HIRINGCENTER_API_KEY', async () => {
    const session = new RawSession([], binEnv());
    await session.initialize();
    const answer = await session.request('tools/call', {
      name: 'get_meeting',
      arguments: { meetingId: 'f4d8a2c17b9e4f3aa6c01d5e7b2f9c44' },
    });
    const result = answer.result as { isError: boolean; content: { text: string }[] };
    expect(result.isError).toBe(true);
    expect(result.content[0]!.text).toMatch(/Set HIRINGCENTER_API_KEY/);
    await session.close();
    const lines = session.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/HIRINGCENTER_API_KEY is not set/);
  });

  it('--help prints usage with every variable and exits 0; --version prints the version', async () => {
    const help = await runBin(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['--sandbox', 'HIRINGCENTER_API_KEY', 'HIRINGCENTER_BASE_URL', 'HIRINGCENTER_TIMEOUT_MS', 'HIRINGCENTER_USER_ID']) {
      expect(help.stdout).toContain(name);
    }
    const version = await runBin(['--version']);
    expect(version.stdout.trim()).toBe(VERSION);
  });

  it('refuses an unknown flag or a malformed variable with one line on stderr and exit code 2', async () => {
    const flag = await runBin(['--sandbx']);
    expect(flag.code).toBe(2);
    expect(flag.stderr.trim().split('\n')).toHaveLength(1);
    expect(flag.stderr).toMatch(/unknown flag "--sandbx"/);
    expect(flag.stdout).toBe('');
    const variable = await runBin([], binEnv({ HIRINGCENTER_TIMEOUT_MS: 'fast' }));
    expect(variable.code).toBe(2);
    expect(variable.stderr).toMatch(/HIRINGCENTER_TIMEOUT_MS/);
  });
});
