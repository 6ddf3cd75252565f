import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/api/schemas.js';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../../src/sandbox/seed.js';
import { dayInTwoMonths, phoneCallLike } from '../helpers/fixtures.js';
import { fakeMeeting, startLyingApi, type LyingApi } from '../helpers/lying-api.js';
import { startHosted, type Hosted } from '../helpers/hosted.js';
import { BIN, binEnv } from '../helpers/spawn-bin.js';

async function connect(url: string, key: string): Promise<Client> {
  const client = new Client({ name: 'hosted-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
  return client;
}

const text = (result: Awaited<ReturnType<Client['callTool']>>) => (result.content as { text: string }[])[0]!.text;

describe('--http with the emulator: every tool, per-request key', () => {
  const KEY = 'hc_live_hosted_0123456789abcdef';
  let sandbox: SandboxApi;
  let hosted: Hosted;
  beforeAll(async () => {
    sandbox = await startSandboxApi({ apiKey: KEY });
    seedMeetings(sandbox.store, { now: Date.now(), count: 20 });
    hosted = await startHosted({ HIRINGCENTER_BASE_URL: sandbox.baseUrl });
  });
  afterAll(async () => {
    await hosted.stop();
    await sandbox.close();
  });

  it('lists, reads, creates, updates and deletes, with progress, and never logs the key', async () => {
    const client = await connect(hosted.url, KEY);
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual([
        'list_meetings',
        'get_meeting',
        'create_meeting',
        'update_meeting',
        'delete_meeting',
      ]);
      const progress: number[] = [];
      const list = await client.callTool(
        { name: 'list_meetings', arguments: { maxResults: 15, limit: 5 } },
        {
          onprogress: (p) => progress.push(p.progress),
        },
      );
      expect(text(list)).toMatch(/^15 of 20 meetings/);
      expect(progress).toEqual([5, 10, 15]);
      const [first] = (list.structuredContent as { meetings: Meeting[] }).meetings;
      const created = await client.callTool({
        name: 'create_meeting',
        arguments: phoneCallLike(first!, `${dayInTwoMonths('Europe/Paris')}T10:00`, 'Europe/Paris'),
      });
      expect(text(created)).toMatch(/^Created meeting [0-9a-f]{32}/);
      const id = (created.structuredContent as { meeting: Meeting }).meeting.id;
      expect(text(await client.callTool({ name: 'get_meeting', arguments: { meetingId: id } }))).toMatch(/Europe\/Paris, phone/);
      expect(text(await client.callTool({ name: 'update_meeting', arguments: { meetingId: id, notes: 'hosted' } }))).toMatch(
        /^Updated notes/,
      );
      // Stateless: nobody can be asked, so a delete relies on the client's own approval (destructiveHint) and just happens.
      expect(text(await client.callTool({ name: 'delete_meeting', arguments: { meetingId: id } }))).toMatch(/^Deleted/);
      expect(sandbox.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    } finally {
      await client.close();
    }
    expect(hosted.stderr()).not.toContain(KEY);
    // One JSON line per request, naming the method and tool, never the key or the notes.
    expect(hosted.stderr()).toMatch(
      /\{"request":"[0-9a-f]{12}","method":"POST","path":"\/mcp","rpc":"tools\/call","tool":"update_meeting","status":200,"ms":\d+,"bytes":\d+\}/,
    );
    expect(hosted.stderr()).not.toContain('hosted"');
  });

  it('serves prompts, resources, completion and logs over MCP too, each request on its own', async () => {
    const client = await connect(hosted.url, KEY);
    try {
      expect((await client.listPrompts()).prompts).toHaveLength(3);
      const list = await client.callTool({ name: 'list_meetings', arguments: { limit: 2 } });
      const [first] = (list.structuredContent as { meetings: Meeting[] }).meetings;
      const read = await client.readResource({ uri: `hiringcenter://owners/${first!.ownerId}/meetings` });
      expect(read.contents).toHaveLength(2);
      // Ids the key's own earlier answers showed (kept per key on this replica), and zones.
      const owners = await client.complete({
        ref: { type: 'ref/prompt', name: 'weekly_agenda' },
        argument: { name: 'ownerId', value: '' },
      });
      expect(owners.completion.values).toContain(first!.ownerId);
      const other = await connect(hosted.url, 'hc_live_someone_else_0123456789abcd');
      const theirs = await other.complete({ ref: { type: 'ref/prompt', name: 'weekly_agenda' }, argument: { name: 'ownerId', value: '' } });
      expect(theirs.completion.values).toEqual([]);
      await other.close();
    } finally {
      await client.close();
    }
  });

  it('answers refusals a person can act on: 401, 405, 404, 413, a foreign Origin or Host', async () => {
    const post = (headers: Record<string, string>, body = '{}') =>
      fetch(hosted.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
        body,
      });
    const unauthorized = await post({});
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('www-authenticate')).toBe('Bearer');
    expect(await unauthorized.text()).toMatch(/Send your HiringCenter API key as \\?"Authorization: Bearer <key>\\?"/);
    expect((await fetch(hosted.url, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(405);
    expect((await fetch(hosted.url.replace('/mcp', '/nope'))).status).toBe(404);
    expect((await post({ authorization: `Bearer ${KEY}` }, `"${'x'.repeat(2 * 1024 * 1024)}"`)).status).toBe(413);
    expect((await post({ authorization: `Bearer ${KEY}`, origin: 'http://evil.example' })).status).toBe(403);
    const list = '{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}';
    const oldProtocol = await post({ authorization: `Bearer ${KEY}`, 'mcp-protocol-version': '1999-01-01' }, list);
    expect(oldProtocol.status).toBe(400);
    expect(await oldProtocol.text()).toMatch(/Unsupported protocol version/);
    const url = new URL(hosted.url);
    const foreignHost = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: '/mcp',
          method: 'POST',
          headers: { host: 'evil.example', authorization: `Bearer ${KEY}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(foreignHost).toBe(403);
    expect((await fetch(hosted.url.replace('/mcp', '/healthz'))).status).toBe(200);
    expect((await fetch(hosted.url.replace('/mcp', '/readyz'))).status).toBe(200);
  });
});

describe('--http with two tenants at once', () => {
  const TENANTS = { a: 'hc_tenant_a_0123456789abcdef', b: 'hc_tenant_b_0123456789abcdef' } as const;
  const owned = { a: [fakeMeeting(), fakeMeeting()], b: [fakeMeeting(), fakeMeeting()] };
  let fake: LyingApi;
  let hosted: Hosted;
  beforeAll(async () => {
    fake = await startLyingApi((request) => {
      const tenant =
        request.headers.authorization === `Bearer ${TENANTS.a}`
          ? 'a'
          : request.headers.authorization === `Bearer ${TENANTS.b}`
            ? 'b'
            : undefined;
      if (!tenant) return { status: 401, body: { success: false, message: 'bad key' } };
      // A little latency so that calls of both tenants overlap.
      return new Promise((resolve) => setTimeout(() => resolve({ body: { success: true, items: owned[tenant] } }), 20));
    });
    hosted = await startHosted({ HIRINGCENTER_BASE_URL: fake.baseUrl, HIRINGCENTER_HTTP_MAX_CONCURRENT: '8' });
  });
  afterAll(async () => {
    await hosted.stop();
    await fake.close();
  });

  it("every API request carries its own tenant's key, and each tenant sees only its meetings", async () => {
    const clients = { a: await connect(hosted.url, TENANTS.a), b: await connect(hosted.url, TENANTS.b) };
    try {
      // 8 calls per tenant, all in flight at once: each key within its limit of 8, twice what one shared limit allows.
      const calls = Array.from({ length: 16 }, (_, i) => {
        const tenant: keyof typeof TENANTS = i % 2 ? 'a' : 'b';
        return clients[tenant].callTool({ name: 'list_meetings', arguments: {} }).then((result) => ({ tenant, result }));
      });
      for (const { tenant, result } of await Promise.all(calls)) {
        const ids = (result.structuredContent as { meetings: Meeting[] }).meetings.map((m) => m.id);
        expect(ids).toEqual(owned[tenant].map((m) => m.id));
      }
      expect(fake.requests).toHaveLength(16);
      expect(
        fake.requests.every((r) => r.headers.authorization === `Bearer ${TENANTS.a}` || r.headers.authorization === `Bearer ${TENANTS.b}`),
      ).toBe(true);
    } finally {
      await clients.a.close();
      await clients.b.close();
    }
    expect(hosted.stderr()).not.toMatch(/hc_tenant/);
  });

  it('answers 429 with Retry-After past 8 requests at once for one credential', async () => {
    fake.answer(() => new Promise((resolve) => setTimeout(() => resolve({ body: { success: true, items: [] } }), 500)));
    const clients = await Promise.all(Array.from({ length: 10 }, () => connect(hosted.url, TENANTS.a)));
    try {
      const outcomes = await Promise.allSettled(clients.map((c) => c.callTool({ name: 'list_meetings', arguments: {} })));
      const refused = outcomes.filter((o) => o.status === 'rejected');
      expect(refused.length).toBeGreaterThan(0);
      expect(String((refused[0] as PromiseRejectedResult).reason)).toMatch(/429|At most 8 requests/);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });
});

describe('--http and a client that gives up', () => {
  it('a cancelled call (notifications/cancelled, on the same replica) aborts the API request in flight', async () => {
    const KEY = 'hc_live_cancel_0123456789abcdef';
    const fake = await startLyingApi(
      () => new Promise((resolve) => setTimeout(() => resolve({ body: { success: true, items: [] } }), 5_000)),
    );
    const hosted = await startHosted({ HIRINGCENTER_BASE_URL: fake.baseUrl });
    const client = await connect(hosted.url, KEY);
    try {
      const controller = new AbortController();
      const pending = client.callTool({ name: 'list_meetings', arguments: {} }, { signal: controller.signal });
      while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      controller.abort();
      await expect(pending).rejects.toThrow();
      for (let i = 0; i < 100 && fake.aborted() === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fake.aborted()).toBe(1);
    } finally {
      await client.close().catch(() => undefined);
      await hosted.stop();
      await fake.close();
    }
  });
});

describe('--http shutting down', () => {
  it('on SIGTERM stops taking work, lets the call in flight finish, and exits 0', async () => {
    const KEY = 'hc_live_drain_0123456789abcdef';
    const fake = await startLyingApi(
      () => new Promise((resolve) => setTimeout(() => resolve({ body: { success: true, items: [fakeMeeting()] } }), 800)),
    );
    const hosted = await startHosted({ HIRINGCENTER_BASE_URL: fake.baseUrl });
    const client = await connect(hosted.url, KEY);
    try {
      const inFlight = client.callTool({ name: 'list_meetings', arguments: {} });
      while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const exited = new Promise<number | null>((resolve) => hosted.child.once('exit', resolve));
      hosted.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const ready = await fetch(hosted.url.replace('/mcp', '/readyz')).catch(() => undefined);
      // Draining: either not ready, or no longer accepting connections at all.
      expect(ready === undefined || ready.status === 503).toBe(true);
      const result = await inFlight;
      expect(text(result)).toMatch(/^1 meetings/);
      expect(await exited).toBe(0);
    } finally {
      await client.close().catch(() => undefined);
      await fake.close();
    }
  });
});

describe('--http configuration', () => {
  it("--sandbox without a token takes any client (the only key it holds is the emulator's)", async () => {
    const sandboxed = await new Promise<Hosted>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, '--http', '--sandbox', '--port', '0'], { env: binEnv() });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const match = /listening on (http:\/\/\S+\/mcp) \(sandbox data, open/.exec(stderr);
        if (match)
          resolve({
            child,
            url: match[1]!,
            stderr: () => stderr,
            stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))),
          });
      });
      setTimeout(() => reject(new Error(stderr)), 10_000);
    });
    try {
      const client = new Client({ name: 'open', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(sandboxed.url)));
      const listed = text(await client.callTool({ name: 'list_meetings', arguments: { maxResults: 60 } }));
      expect(listed).toMatch(/^60 of 60 meetings/);
      // Nothing was presented, so nothing but the emulator's key is treated as secret: the text is whole.
      expect(listed).not.toContain('[redacted]');
      expect(listed).toContain('"Sandbox key"');
      await client.close();
    } finally {
      await sandboxed.stop();
    }
  });

  it('refuses to start with a server-held key and no client token, and says why', async () => {
    const child = spawn(process.execPath, [BIN, '--http', '--port', '0'], {
      env: binEnv({ HIRINGCENTER_API_KEY: 'hc_live_team_key_0123456789' }),
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/needs HIRINGCENTER_HTTP_TOKEN/);
    expect(stderr).not.toContain('hc_live_team_key');
  });
});
