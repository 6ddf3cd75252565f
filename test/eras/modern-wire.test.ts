import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../../src/sandbox/seed.js';
import { startHosted, type Hosted } from '../helpers/hosted.js';
import { modernPost } from '../helpers/modern-request.js';

const KEY = 'hc_live_wire_0123456789abcdef';

/** What the 2026-07-28 revision puts on the wire, checked on the hosted bin: the SDK's parts reach it, ours too. */
describe('2026-07-28 on the wire (hosted)', () => {
  let sandbox: SandboxApi;
  let hosted: Hosted;
  beforeAll(async () => {
    sandbox = await startSandboxApi({ apiKey: KEY });
    seedMeetings(sandbox.store, { now: Date.now(), count: 30 });
    // One retry: a failed call warns the client after it, quickly.
    hosted = await startHosted({ HIRINGCENTER_BASE_URL: sandbox.baseUrl, HIRINGCENTER_MAX_RETRIES: '1' });
  });
  afterAll(async () => {
    await hosted.stop();
    await sandbox.close();
  });

  it('warns once at start that, without a shared secret, a confirmation must come back to this process', () => {
    expect(hosted.stderr().match(/neither HIRINGCENTER_STATE_SECRET nor HIRINGCENTER_OAUTH_SECRET is set/g)).toHaveLength(1);
  });

  it('server/discover answers versions, capabilities and identity without calling the API', async () => {
    const before = sandbox.requests.length;
    const { status, response } = await modernPost(hosted.url, { key: KEY, method: 'server/discover' });
    expect(status).toBe(200);
    expect(response?.result).toMatchObject({
      resultType: 'complete',
      supportedVersions: expect.arrayContaining(['2026-07-28']),
      capabilities: { tools: {}, prompts: {}, resources: {}, completions: {}, logging: {} },
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'hiringcenter-mcp' } },
    });
    expect(sandbox.requests.length).toBe(before);
  });

  it('every result carries resultType and the server identity; lists carry the cache hints chosen for them', async () => {
    const hints: Record<string, { ttlMs: number; cacheScope: string }> = {
      'tools/list': { ttlMs: 3_600_000, cacheScope: 'public' },
      'prompts/list': { ttlMs: 3_600_000, cacheScope: 'public' },
      'resources/templates/list': { ttlMs: 3_600_000, cacheScope: 'public' },
      'resources/list': { ttlMs: 30_000, cacheScope: 'private' },
    };
    for (const [method, hint] of Object.entries(hints)) {
      const { response } = await modernPost(hosted.url, { key: KEY, method });
      expect(response?.result, method).toMatchObject({ resultType: 'complete', ...hint });
      expect(response?.result?._meta, method).toMatchObject({ 'io.modelcontextprotocol/serverInfo': { name: 'hiringcenter-mcp' } });
    }
    const listed = await modernPost(hosted.url, { key: KEY, method: 'resources/list' });
    const uri = (listed.response?.result?.resources as { uri: string }[])[0]!.uri;
    const read = await modernPost(hosted.url, { key: KEY, method: 'resources/read', params: { uri } });
    expect(read.response?.result).toMatchObject({ resultType: 'complete', ttlMs: 0, cacheScope: 'private' });
    const call = await modernPost(hosted.url, {
      key: KEY,
      method: 'tools/call',
      params: { name: 'list_meetings', arguments: { limit: 1 } },
    });
    expect(call.response?.result).toMatchObject({ resultType: 'complete', structuredContent: { meetings: [expect.anything()] } });
  });

  it('refuses standard headers that disagree with the body (400, -32020), or are missing', async () => {
    const params = { name: 'list_meetings', arguments: { limit: 1 } };
    for (const headers of [{ 'mcp-method': 'tools/list' }, { 'mcp-name': 'get_meeting' }, { 'mcp-method': undefined }]) {
      const { status, response } = await modernPost(hosted.url, { key: KEY, method: 'tools/call', params, headers });
      expect(status, JSON.stringify(headers)).toBe(400);
      expect(response?.error?.code, JSON.stringify(headers)).toBe(-32020);
    }
  });

  it('a missing resource is -32602', async () => {
    const { response } = await modernPost(hosted.url, {
      key: KEY,
      method: 'resources/read',
      params: { uri: 'hiringcenter://meetings/0000' },
    });
    expect(response?.error?.code).toBe(-32602);
    expect(response?.error?.message).toMatch(/^No meeting with id 0000/);
  });

  it('logs to the client only when the request asks, at the level it asks', async () => {
    const failing = () => sandbox.faults.push({ status: 503 }, { status: 503 });
    const call = { name: 'list_meetings', arguments: { limit: 1 } };
    const logged = (messages: Record<string, unknown>[]) => messages.filter((m) => m.method === 'notifications/message');

    failing();
    const silent = await modernPost(hosted.url, { key: KEY, method: 'tools/call', params: call });
    expect(silent.response?.result).toMatchObject({ isError: true });
    expect(logged(silent.messages)).toEqual([]);

    failing();
    const asked = await modernPost(hosted.url, { key: KEY, method: 'tools/call', params: call, logLevel: 'warning' });
    expect(logged(asked.messages)).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ level: 'warning', logger: 'hiringcenter-mcp' }) }),
    ]);
    expect(JSON.stringify(asked.messages)).not.toContain(KEY);

    failing();
    const above = await modernPost(hosted.url, { key: KEY, method: 'tools/call', params: call, logLevel: 'error' });
    expect(logged(above.messages)).toEqual([]);
    sandbox.faults.clear();
  });

  it('SIGTERM lets a 2026-07-28 call in flight finish before the replica stops', async () => {
    const own = await startHosted({ HIRINGCENTER_BASE_URL: sandbox.baseUrl });
    sandbox.faults.push({ delayMs: 800 });
    const pending = modernPost(own.url, { key: KEY, method: 'tools/call', params: { name: 'list_meetings', arguments: { limit: 1 } } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopped = own.stop();
    const answer = await pending;
    expect(answer.status).toBe(200);
    expect(answer.response?.result).toMatchObject({ resultType: 'complete', structuredContent: { meetings: [expect.anything()] } });
    expect(await stopped).toBe(0);
  });
});
