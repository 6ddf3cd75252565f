import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../../src/sandbox/seed.js';
import { BIN, RawSession, binEnv } from '../helpers/spawn-bin.js';

// Items 4, 5 and 15: a hostile or careless stdio client, and output that must arrive whole.

const KEY = 'hc_live_5d7e1f0a9b3c4d2e8f6a';
let api: SandboxApi;
beforeAll(async () => {
  api = await startSandboxApi({ apiKey: KEY });
  seedMeetings(api.store, { now: Date.now(), count: 1_000 });
});
afterAll(() => api.close());

const env = () => binEnv({ HIRINGCENTER_API_KEY: KEY, HIRINGCENTER_BASE_URL: api.baseUrl });

/** `promise`, or a rejection naming `what` if it takes over `ms`: a hang fails the test instead of stalling it. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms: ${what}`)), ms)),
  ]);
}

describe('call writes all of its output before exiting (item 4)', () => {
  it('a half-megabyte --json answer piped to a slow reader arrives whole, exit code 0', async () => {
    const child = spawn(process.execPath, [BIN, 'call', 'list_meetings', '{"maxResults": 1000}', '--json'], { env: env() });
    child.stdout.pause();
    const chunks: Buffer[] = [];
    // A reader that takes its time: the bin must wait for it, not exit with its output still buffered.
    setTimeout(() => {
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stdout.resume();
    }, 1_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.length).toBeGreaterThan(300_000);
    const parsed = JSON.parse(text) as { meetings: unknown[] };
    expect(parsed.meetings).toHaveLength(1_000);
    expect(code).toBe(0);
  });
});

describe('a stdin line larger than the server accepts (item 5)', () => {
  it('is answered with an error and the server keeps serving; it exits when stdin closes', async () => {
    const session = new RawSession([], env());
    await session.initialize();
    // 11 MiB in one line, sent in pieces.
    const piece = 'x'.repeat(1024 * 1024);
    session.write(`{"jsonrpc":"2.0","id":999,"method":"tools/call","params":{"name":"get_meeting","arguments":{"meetingId":"`);
    for (let i = 0; i < 11; i++) session.write(piece);
    session.write('"}}}\n');
    const pong = await within(10_000, 'ping after an oversized line', session.request('ping'));
    expect(pong.result).toEqual({});
    expect(session.others.some((m) => (m.error as { code?: number } | undefined)?.code === -32600)).toBe(true);
    const list = await within(
      10_000,
      'a tool call after an oversized line',
      session.request('tools/call', { name: 'list_meetings', arguments: { limit: 1 } }),
    );
    expect((list.result as { isError?: boolean }).isError).toBeUndefined();
    const { code } = await session.close();
    expect(code).toBe(0);
    for (const line of session.stdoutLines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('exits on its own when the transport closes, instead of lingering', async () => {
    const session = new RawSession([], env());
    await session.initialize();
    session.child.stdin.destroy();
    expect(await session.exited(5_000)).toBe(0);
  });
});

describe('the JSON-RPC lifecycle (item 15)', () => {
  it('refuses tools/list and tools/call before initialize', async () => {
    const session = new RawSession([], env());
    for (const [method, params] of [
      ['tools/list', {}],
      ['tools/call', { name: 'list_meetings', arguments: {} }],
    ] as const) {
      const answer = await within(5_000, method, session.request(method, params));
      expect(answer.error, method).toMatchObject({ code: -32600, message: expect.stringMatching(/initialize first/) });
    }
    // ping is allowed at any time, and the session works once initialized.
    expect((await session.request('ping')).result).toEqual({});
    await session.initialize();
    expect((await session.request('tools/list')).result).toHaveProperty('tools');
    await session.close();
  });

  it('answers a request with params: null, and invalid params with -32602', async () => {
    const session = new RawSession([], env());
    await session.initialize();
    const nullParams = await within(5_000, 'params: null', session.requestRaw('tools/list', 'null'));
    expect(nullParams.error).toMatchObject({ code: -32602 });
    for (const params of ['{"name": 5}', '{}', '{"name":"list_meetings","arguments":42}']) {
      const answer = await within(5_000, params, session.requestRaw('tools/call', params));
      expect(answer.error, params).toMatchObject({ code: -32602 });
    }
    const cursor = await session.requestRaw('tools/list', '{"cursor": 5}');
    expect(cursor.error).toMatchObject({ code: -32602 });
    // A line that is not JSON at all gets a parse error (id null), and the session goes on.
    session.write('this is not json\n');
    expect((await session.request('ping')).result).toEqual({});
    expect(session.others.some((m) => (m.error as { code?: number } | undefined)?.code === -32700)).toBe(true);
    await session.close();
  });
});
