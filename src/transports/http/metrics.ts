import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { cacheSizes } from '../../bounded-cache.js';
import { HOSTED_LIMITS } from '../../hosted-limits.js';
import type { SignInOutcome } from '../../oauth/oauth-context.js';
import type { Telemetry } from '../../telemetry.js';

/** Who a hosted request is from, as a class: never the credential itself. */
export type CredentialClass = 'api_key' | 'oauth' | 'team_token' | 'open';

/** The HTTP routes a request's label may name; any other path is `other` (callers choose paths). */
export type Route = '/mcp' | '/healthz' | '/readyz' | 'oauth' | 'other';

/** Everything the hosted server counts: the MCP layer's events (Telemetry) and the HTTP layer's own. */
export interface HostedMetrics extends Telemetry {
  request(route: Route, rpc: string | undefined, status: number, seconds: number): void;
  inFlight(credential: CredentialClass, change: 1 | -1): void;
  signIn(outcome: SignInOutcome): void;
  /** A Bearer token of ours refused (expired, damaged, another secret or audience). */
  tokenRefused(): void;
  /** GET /metrics on its own listener (HIRINGCENTER_METRICS_PORT), never on the public one. */
  listen(host: string, port: number): Promise<{ url: string; close(): Promise<void> }>;
}

// JSON-RPC methods a label may name; anything else a caller sends is `other`, so labels stay a bounded set.
const RPC_METHODS = new Set([
  'initialize',
  'ping',
  'server/discover',
  'tools/list',
  'tools/call',
  'prompts/list',
  'prompts/get',
  'resources/list',
  'resources/read',
  'resources/templates/list',
  'completion/complete',
  'logging/setLevel',
  'notifications/initialized',
  'notifications/cancelled',
]);

// Seconds: a health probe (~1 ms) to a call that retries until its 30 s budget runs out.
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const PREFIX = 'hiringcenter_mcp_';

/**
 * Prometheus metrics with prom-client (the ecosystem's client): one registry per server, so nothing is global.
 * `moreCaches`: the bin's own copy of cacheSizes — the bin and dist/http.js each bundle bounded-cache.ts, and each
 * copy lists the caches made by its side (the same function, when run from source, is read once).
 */
export function hostedMetrics(moreCaches: () => ReturnType<typeof cacheSizes> = cacheSizes): HostedMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const registers = [registry];
  const requests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'HTTP requests answered, by route, JSON-RPC method and status.',
    labelNames: ['route', 'rpc', 'status'],
    registers,
  });
  const requestSeconds = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time to answer an HTTP request, by route and JSON-RPC method.',
    labelNames: ['route', 'rpc'],
    buckets: BUCKETS,
    registers,
  });
  const inFlight = new Gauge({
    name: `${PREFIX}http_requests_in_flight`,
    help: 'MCP requests being served, by class of credential.',
    labelNames: ['credential'],
    registers,
  });
  const toolCalls = new Counter({
    name: `${PREFIX}tool_calls_total`,
    help: 'Tool calls, by tool and outcome (ok, input_required, or the error code).',
    labelNames: ['tool', 'outcome'],
    registers,
  });
  const toolSeconds = new Histogram({
    name: `${PREFIX}tool_call_duration_seconds`,
    help: 'Time one tool call took, retries included, by tool.',
    labelNames: ['tool'],
    buckets: BUCKETS,
    registers,
  });
  const upstream = new Counter({
    name: `${PREFIX}hiringcenter_requests_total`,
    help: 'HTTP attempts at HiringCenter, by method and status (2xx, the status, timeout, network, cancelled).',
    labelNames: ['method', 'status'],
    registers,
  });
  const upstreamSeconds = new Histogram({
    name: `${PREFIX}hiringcenter_request_duration_seconds`,
    help: 'Time one attempt at HiringCenter took, by method.',
    labelNames: ['method'],
    buckets: BUCKETS,
    registers,
  });
  const retries = new Counter({
    name: `${PREFIX}hiringcenter_retries_total`,
    help: 'Attempts at HiringCenter repeated after a retryable failure, by method.',
    labelNames: ['method'],
    registers,
  });
  const signIns = new Counter({
    name: `${PREFIX}oauth_sign_ins_total`,
    help: 'Sign-in forms sent, by outcome (signed_in, or why not).',
    labelNames: ['outcome'],
    registers,
  });
  const tokenRefusals = new Counter({
    name: `${PREFIX}oauth_token_refusals_total`,
    help: 'Bearer tokens of this server refused at /mcp.',
    registers,
  });
  const caches = () => {
    const sizes = new Map<string, { entries: number; bytes: number }>();
    for (const read of new Set([cacheSizes, moreCaches])) {
      for (const { name, entries, bytes } of read()) {
        const sum = sizes.get(name) ?? { entries: 0, bytes: 0 };
        sizes.set(name, { entries: sum.entries + entries, bytes: sum.bytes + bytes });
      }
    }
    return sizes;
  };
  // Read at scrape time: what each bounded cache holds now, in entries and in estimated bytes.
  for (const [measure, help] of [
    ['entries', 'Entries held by each bounded cache a caller can grow.'],
    ['bytes', 'Estimated bytes held by each bounded cache a caller can grow.'],
  ] as const) {
    new Gauge({
      name: `${PREFIX}cache_${measure}`,
      help,
      labelNames: ['cache'],
      registers,
      collect() {
        this.reset();
        for (const [cache, size] of caches()) this.set({ cache }, size[measure]);
      },
    });
  }

  return {
    toolCall(tool, outcome, seconds) {
      toolCalls.inc({ tool, outcome });
      toolSeconds.observe({ tool }, seconds);
    },
    upstream(method, status, seconds) {
      upstream.inc({ method, status });
      upstreamSeconds.observe({ method }, seconds);
    },
    upstreamRetry(method) {
      retries.inc({ method });
    },
    request(route, rpc, status, seconds) {
      const method = rpc === undefined ? 'none' : RPC_METHODS.has(rpc) ? rpc : 'other';
      requests.inc({ route, rpc: method, status: String(status) });
      requestSeconds.observe({ route, rpc: method }, seconds);
    },
    inFlight(credential, change) {
      inFlight.inc({ credential }, change);
    },
    signIn(outcome) {
      signIns.inc({ outcome });
    },
    tokenRefused() {
      tokenRefusals.inc();
    },
    async listen(host, port) {
      const server = createServer((req, res) => void answer(req, res));
      // A scrape is one short GET: nothing here waits long on a slow client.
      server.requestTimeout = HOSTED_LIMITS.metricsRequestMs;
      server.headersTimeout = HOSTED_LIMITS.metricsRequestMs;
      async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const path = (req.url ?? '/').split('?')[0];
        if (path !== '/metrics') return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Metrics are at /metrics.\n');
        if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET' }).end();
        const text = await registry.metrics();
        res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      }
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, resolve);
      });
      const { port: bound } = server.address() as AddressInfo;
      return {
        url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}/metrics`,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      };
    },
  };
}
