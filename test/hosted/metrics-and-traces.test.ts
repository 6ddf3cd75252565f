import { randomBytes } from 'node:crypto';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../../src/sandbox/seed.js';
import { SIGN_IN_PATH } from '../../src/oauth/sign-in-request.js';
import { startHosted, type Hosted } from '../helpers/hosted.js';

const KEY = 'hc_live_metrics_0123456789abcdef';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const HEADER_TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

async function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'metrics-test', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${KEY}`, ...headers } } }),
  );
  return client;
}

/** One sample's value from the Prometheus text, by its exact name and labels as written. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('hosted metrics (HIRINGCENTER_METRICS_PORT) and trace context', () => {
  let api: SandboxApi;
  let hosted: Hosted;
  let metricsUrl: string;
  beforeAll(async () => {
    api = await startSandboxApi({ apiKey: KEY });
    seedMeetings(api.store, { now: Date.now(), count: 20 });
    hosted = await startHosted({
      HIRINGCENTER_BASE_URL: api.baseUrl,
      HIRINGCENTER_METRICS_PORT: '0',
      HIRINGCENTER_OAUTH_SECRET: randomBytes(48).toString('base64'),
      HIRINGCENTER_STATE_SECRET: randomBytes(48).toString('base64'),
    });
    for (let i = 0; i < 100 && !/metrics: (\S+)/.test(hosted.stderr()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    metricsUrl = /metrics: (\S+)/.exec(hosted.stderr())?.[1] ?? '';
  });
  afterAll(async () => {
    await hosted.stop();
    await api.close();
  });

  it('counts a mixed run: tools by outcome, HTTP by status, HiringCenter by status and retries, sign-ins, caches', async () => {
    const client = await connect(hosted.url);
    try {
      expect((await client.callTool({ name: 'list_meetings', arguments: { limit: 2, timeZone: 'Europe/Berlin' } })).isError).toBeFalsy();
      const missing = await client.callTool({ name: 'get_meeting', arguments: { meetingId: 'f'.repeat(32) } });
      expect(missing.isError).toBe(true);
      const bad = await client.callTool({ name: 'create_meeting', arguments: { prospectId: 'p' } });
      expect(bad.isError).toBe(true);
      // One 503 then the answer: one retry.
      api.faults.push({ method: 'GET', status: 503, headers: { 'retry-after': '0' } });
      expect((await client.callTool({ name: 'list_meetings', arguments: { limit: 1 } })).isError).toBeFalsy();
    } finally {
      await client.close();
    }
    const origin = new URL(hosted.url).origin;
    expect((await fetch(hosted.url, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await fetch(hosted.url, { method: 'POST', body: '{}', headers: { authorization: 'Bearer hcmcp_forged' } })).status).toBe(401);
    const form = await fetch(`${origin}${SIGN_IN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'request=forged&api_key=x',
    });
    expect(form.status).toBe(400);

    const scraped = await fetch(metricsUrl);
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await scraped.text();
    const p = 'hiringcenter_mcp_';
    expect(sample(text, `${p}tool_calls_total{tool="list_meetings",outcome="ok"}`)).toBe(2);
    expect(sample(text, `${p}tool_calls_total{tool="get_meeting",outcome="not_found"}`)).toBe(1);
    expect(sample(text, `${p}tool_calls_total{tool="create_meeting",outcome="invalid_argument"}`)).toBe(1);
    expect(sample(text, `${p}tool_call_duration_seconds_count{tool="list_meetings"}`)).toBe(2);
    expect(sample(text, `${p}http_requests_total{route="/mcp",rpc="tools/call",status="200"}`)).toBe(4);
    expect(sample(text, `${p}http_requests_total{route="/mcp",rpc="none",status="401"}`)).toBe(2);
    expect(sample(text, `${p}http_requests_total{route="oauth",rpc="none",status="400"}`)).toBe(1);
    expect(sample(text, `${p}hiringcenter_requests_total{method="GET",status="503"}`)).toBe(1);
    expect(sample(text, `${p}hiringcenter_requests_total{method="GET",status="404"}`)).toBe(1);
    expect(sample(text, `${p}hiringcenter_requests_total{method="GET",status="2xx"}`)).toBe(2);
    expect(sample(text, `${p}hiringcenter_retries_total{method="GET"}`)).toBe(1);
    expect(sample(text, `${p}http_requests_in_flight{credential="api_key"}`)).toBe(0);
    expect(sample(text, `${p}oauth_sign_ins_total{outcome="form_refused"}`)).toBe(1);
    expect(sample(text, `${p}oauth_token_refusals_total`)).toBe(1);
    expect(sample(text, `${p}cache_entries{cache="zone_formatters"}`)).toBeGreaterThanOrEqual(1);
    expect(sample(text, `${p}process_resident_memory_bytes`)).toBeGreaterThan(0);
    // Never a credential, an id or free text in a label.
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('f'.repeat(32));
    // Metrics are on their own listener only.
    expect((await fetch(`${origin}/metrics`)).status).toBe(404);
    expect((await fetch(metricsUrl, { method: 'POST' })).status).toBe(405);
  });

  it("carries a trace from the call's _meta into the log line and on to HiringCenter, as a child span", async () => {
    const client = await connect(hosted.url);
    try {
      const before = api.requests.length;
      const result = await client.callTool({
        name: 'list_meetings',
        arguments: { limit: 1 },
        _meta: { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`, tracestate: 'congo=t61rcWkgMzE' },
      });
      expect(result.isError).toBeFalsy();
      const sent = api.requests.slice(before);
      expect(sent).toHaveLength(1);
      const traceparent = String(sent[0]?.headers.traceparent);
      expect(traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
      expect(traceparent).not.toContain('00f067aa0ba902b7');
      expect(sent[0]?.headers.tracestate).toBe('congo=t61rcWkgMzE');
    } finally {
      await client.close();
    }
    await expect.poll(() => hosted.stderr()).toMatch(new RegExp(`"tool":"list_meetings","trace":"${TRACE_ID}"`));
  });

  it('takes the trace from the HTTP headers when _meta has none, and ignores a malformed one', async () => {
    const client = await connect(hosted.url, { traceparent: `00-${HEADER_TRACE_ID}-b7ad6b7169203331-00` });
    const forged = await connect(hosted.url, { traceparent: `00-${'0'.repeat(32)}-b7ad6b7169203331-01` });
    try {
      let before = api.requests.length;
      await client.callTool({ name: 'get_meeting', arguments: { meetingId: api.store.all()[0]!.id } });
      expect(String(api.requests[before]?.headers.traceparent)).toMatch(new RegExp(`^00-${HEADER_TRACE_ID}-[0-9a-f]{16}-00$`));
      before = api.requests.length;
      await forged.callTool({ name: 'list_meetings', arguments: { limit: 1 } });
      expect(api.requests[before]?.headers.traceparent).toBeUndefined();
    } finally {
      await client.close();
      await forged.close();
    }
    await expect.poll(() => hosted.stderr()).toMatch(new RegExp(`"tool":"get_meeting","trace":"${HEADER_TRACE_ID}"`));
  });
});
