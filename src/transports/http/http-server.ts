import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { createMcpHandler, Server } from '@modelcontextprotocol/server';
import { redactor, type Redactor } from '../../api/redact.js';
import type { Logger } from '../../log.js';
import type { KeyCheck, OAuthSettings } from '../../oauth/oauth-context.js';
import { startOAuth, type OAuthEndpoints } from '../../oauth/oauth-endpoints.js';
import { ISSUED_PREFIX } from '../../oauth/sealed-token.js';
import { formatBytes } from '../../byte-size.js';
import { HOSTED_LIMITS } from '../../hosted-limits.js';
import { LOOPBACK_HOSTNAMES } from '../../loopback.js';
import { notOk, ok, type Result } from '../../result.js';
import { readTraceContext, type TraceContext } from '../../trace-context.js';
import type { CredentialClass, HostedMetrics, Route } from './metrics.js';

// The bin loads this file for --http only; metrics come with it, never into the stdio path.
export { hostedMetrics } from './metrics.js';

export interface HttpOptions {
  host: string;
  port: number;
  /** Set when the server holds the HiringCenter key: clients then send this token instead of a key. */
  token: string | undefined;
  /** --sandbox without a token: the server holds only the emulator's key, and anyone may try it (no Authorization). */
  open?: boolean;
  /** Browser origins allowed to call (others are refused; requests without an Origin are not browsers). */
  allowedOrigins: readonly string[];
  /** The address clients reach, when it is not the one listened on (behind a load balancer). */
  publicUrl: string | undefined;
  /** Requests one credential may have in flight at once; past it, 429 with Retry-After. */
  maxPerCredential: number;
  /** Time a request body may take to arrive (default HOSTED_LIMITS.bodyDeadlineMs). */
  bodyDeadlineMs?: number;
  /** Be an OAuth 2.1 authorization server too: people sign in with their API key, clients get tokens (./oauth/). */
  oauth?: OAuthSettings | undefined;
}

export interface HostedServer {
  url: string;
  /** Set when the server signs people in: its issuer, and whether one-time use is shared across replicas. */
  oauth: { issuer: string; sharedStore: boolean } | undefined;
  /** Stops accepting, lets calls in flight finish within `graceMs`, then closes. */
  drain(graceMs: number): Promise<void>;
}

/** Who is calling: `credential` is what they presented, `apiKey` the key their calls spend (undefined: the server's own). */
interface Authenticated {
  credential: string;
  apiKey: string | undefined;
  /** What kind of credential it is, for the metrics. */
  kind: CredentialClass;
}

/** No usable credential: `invalidToken` says why a token was refused (RFC 6750 invalid_token); undefined asks for one. */
interface Unauthenticated {
  invalidToken: string | undefined;
}

/** Who one request is from, as the MCP server made for it needs to know. */
export interface RequestCaller {
  /** The request's own API key; undefined: the server-held one. */
  apiKey: string | undefined;
  /** What the client presented (its key, our token, the team token; 'sandbox' in open mode). */
  presented: string;
  /** What this caller's answers and log lines never show: the key its calls spend, and what it presented. */
  redactor: Redactor;
  onKeyRefused?: () => void;
  /** The trace the request's HTTP headers carried (a message's own `_meta` wins where its call runs). */
  trace?: TraceContext;
}

export interface HostedDeps {
  /** A fresh MCP server for one request (either era). */
  newServer(caller: RequestCaller): Server;
  /** The SDK's HTTP entry, from the bin: dist/http.js then holds no copy of the SDK, so every class has one identity. */
  createMcpHandler: typeof createMcpHandler;
  /** The key the server holds (HIRINGCENTER_API_KEY, or the sandbox's), used when clients send a token instead. */
  serverKey: string | undefined;
  log: Logger;
  /** With OAuth: whether HiringCenter accepts a key a person typed on the sign-in page. */
  checkKey?: (key: string) => Promise<KeyCheck>;
  /** With OAuth: the sign-in page says the access granted is read-only. */
  readOnly?: boolean;
  /** Counts requests, calls in flight and sign-ins (HIRINGCENTER_METRICS_PORT); default: nothing counts. */
  metrics?: HostedMetrics;
}

/**
 * MCP Streamable HTTP at /mcp, stateless: every POST gets a server of its own,
 * so any replica answers any request and nothing lives between requests. The
 * client's `Authorization: Bearer` is that request's HiringCenter API key
 * (held for the request only), or — when the server holds the key — a token
 * of the server's own. /healthz and /readyz are for load balancers.
 */
export async function startHttpServer(options: HttpOptions, deps: HostedDeps): Promise<HostedServer> {
  // The SDK's entry serves both eras per request: 2026-07-28 (enveloped; server/discover, input_required, standard
  // headers checked) and 2025 (stateless, each POST a fresh server). Who is calling reaches its factory with the
  // Request object this file makes, so the caller is looked up by that object and never travels as a header.
  const callers = new WeakMap<Request, RequestCaller & { servers: Server[] }>();
  const mcpHandler = deps.createMcpHandler(
    ({ requestInfo }) => {
      const caller = requestInfo && callers.get(requestInfo);
      if (!caller) throw new Error('an MCP request reached the handler without its caller');
      const server = deps.newServer(caller);
      caller.servers.push(server);
      return server;
    },
    {
      legacy: 'stateless',
      maxRequestBodySize: HOSTED_LIMITS.bodyBytes,
      onerror: (error) => deps.log.debug(`mcp: ${error.message}`),
    },
  );
  const inFlightByCredential = new Map<string, number>();
  // Calls in flight on this replica, by credential and JSON-RPC id: a notifications/cancelled that lands here can stop its call.
  const cancellable = new Map<string, () => void>();
  // What the log line says about a request's MCP message: its method and tool, names only, and its trace.
  const logged = new WeakMap<IncomingMessage, { rpc?: string; tool?: string; trace?: TraceContext }>();
  let inFlight = 0;
  // Request bodies being received right now, across every caller (HOSTED_LIMITS.receivingBytes).
  const receiving = { bytes: 0 };
  let draining = false;
  // The Host values this server answers to, known once it listens (the port may be the system's choice).
  let allowedHosts = new Set<string>();
  let oauth: OAuthEndpoints | undefined;

  const server = createHttpServer((req, res) => {
    const started = Date.now();
    const id = createHash('sha256').update(`${started}${Math.random()}`).digest('hex').slice(0, 12);
    const sentBefore = req.socket.bytesWritten;
    // Read now: the OAuth routes (express) rewrite req.url as they route.
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // The trace the HTTP headers carry, read once: the log line names it, and a message without its own passes it on.
    const headerTrace = readTraceContext(req.headers.traceparent, req.headers.tracestate);
    // One JSON line per request: what happened, to whom it can matter — never the key, notes or locations.
    res.on('close', () => {
      const message = logged.get(req);
      const trace = message?.trace ?? headerTrace;
      const ms = Date.now() - started;
      deps.log.info(
        JSON.stringify({
          request: id,
          method: req.method,
          path,
          rpc: message?.rpc,
          tool: message?.tool,
          trace: trace?.traceId,
          status: res.statusCode,
          ms,
          bytes: req.socket.bytesWritten - sentBefore,
        }),
      );
      deps.metrics?.request(routeOf(path), message?.rpc, res.statusCode, ms / 1000);
    });
    void handle(req, res, path, headerTrace).catch((error: unknown) => {
      deps.log.error(`request ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(res, 500, { error: 'internal error; see the server log' });
      else res.destroy();
    });
  });
  server.requestTimeout = HOSTED_LIMITS.requestDeadlineMs;
  server.headersTimeout = HOSTED_LIMITS.headersDeadlineMs;

  async function handle(req: IncomingMessage, res: ServerResponse, path: string, headerTrace: TraceContext | undefined): Promise<void> {
    if (path === '/healthz') return send(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      if (draining) return send(res, 503, { ready: false, reason: 'draining' });
      if (oauth && !(await oauth.ready()))
        return send(res, 503, { ready: false, reason: 'Redis (HIRINGCENTER_REDIS_URL) does not answer' });
      return send(res, 200, { ready: true });
    }
    // DNS rebinding: a browser tricked into calling us names another host, or an origin we do not know.
    if (!allowedHost(req.headers.host))
      return send(res, 403, { error: `Host "${req.headers.host ?? ''}" is not this server; call it by its own address.` });
    if (oauth?.serves(path)) return oauth.handle(req, res);
    if (path !== '/mcp') return send(res, 404, { error: `No ${path} here: MCP is served at /mcp.` });
    const origin = req.headers.origin;
    if (origin !== undefined && !options.allowedOrigins.includes(origin)) {
      return send(res, 403, { error: `Origin ${origin} may not call this server; add it to HIRINGCENTER_ALLOWED_ORIGINS if it should.` });
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return send(res, 405, {
        error: `${req.method ?? ''} is not served: this server is stateless, so /mcp takes POST only (no SSE stream, no sessions).`,
      });
    }
    const caller = await authenticate(req.headers.authorization);
    if (!caller.ok) return unauthorized(res, caller.error.invalidToken);
    const { credential, apiKey, kind } = caller.value;
    if (draining) {
      res.setHeader('retry-after', '1');
      return send(res, 503, { error: 'This server is shutting down; try again (another replica will answer).' });
    }
    // One person's limit, whichever of their tokens they present. Counted and reserved before the body is read and
    // before any await: a count read, then awaited, then stored would let every concurrent request through.
    const slot = digest(apiKey ?? credential);
    const busy = inFlightByCredential.get(slot) ?? 0;
    if (busy >= options.maxPerCredential) {
      res.setHeader('retry-after', '1');
      return send(res, 429, { error: `At most ${options.maxPerCredential} requests per credential at once; try again in a second.` });
    }
    inFlightByCredential.set(slot, busy + 1);
    inFlight += 1;
    deps.metrics?.inFlight(kind, 1);
    try {
      await serveMcp(req, res, { credential, apiKey }, headerTrace);
    } finally {
      deps.metrics?.inFlight(kind, -1);
      const left = (inFlightByCredential.get(slot) ?? 1) - 1;
      if (left) inFlightByCredential.set(slot, left);
      else inFlightByCredential.delete(slot);
      inFlight -= 1;
    }
  }

  /** RFC 6750 §3 and RFC 9728 §5.1: 401 saying where to sign in, and, for a token that failed (`failed`), that it is the token. */
  function unauthorized(res: ServerResponse, failed: string | undefined): void {
    const challenge = [
      failed && `error="invalid_token", error_description="${failed.replace(/["\\]/g, "'")}"`,
      oauth && `resource_metadata="${oauth.resourceMetadataUrl}"`,
    ];
    res.setHeader('www-authenticate', `Bearer ${challenge.filter(Boolean).join(', ')}`.trim());
    send(res, 401, {
      error: failed
        ? `${failed} Refresh it, or sign in again.`
        : oauth
          ? 'Sign in: this server is an OAuth authorization server (see WWW-Authenticate), or send a HiringCenter API key as "Authorization: Bearer <key>".'
          : options.token
            ? 'Send this server\'s access token as "Authorization: Bearer <token>".'
            : 'Send your HiringCenter API key as "Authorization: Bearer <key>".',
    });
  }

  async function serveMcp(
    req: IncomingMessage,
    res: ServerResponse,
    caller: { credential: string; apiKey: string | undefined },
    headerTrace: TraceContext | undefined,
  ): Promise<void> {
    const { credential, apiKey } = caller;
    const body = await readJson(req, res, receiving, options.bodyDeadlineMs ?? HOSTED_LIMITS.bodyDeadlineMs);
    if (body === undefined) return;
    if (Array.isArray(body) && body.length > HOSTED_LIMITS.batchMessages)
      return send(res, 400, { error: `A batch may hold at most ${HOSTED_LIMITS.batchMessages} messages.` });
    // The log line's trace: the first message's own _meta (the MCP convention) wins over the HTTP headers'. Each
    // message's own _meta is read again where its call runs (call-tool.ts): in a batch, messages may differ.
    const described = describeMessage(body);
    const trace =
      described.meta?.traceparent === undefined ? headerTrace : readTraceContext(described.meta.traceparent, described.meta.tracestate);
    logged.set(req, { rpc: described.rpc, tool: described.tool, trace });

    // A cancel reaches only calls made with the very credential that sends it. A team token (or open --sandbox) is
    // shared by everyone, and JSON-RPC ids are small numbers every client reuses: there a cancel could stop another
    // member's call, so it is not honoured by id (a client that hangs up still stops its own call).
    const shared = apiKey === undefined;
    const cancelScope = shared ? undefined : digest(credential);
    const cancelled = cancelledRequestId(body);
    if (cancelled !== undefined && cancelScope) cancellable.get(`${cancelScope} ${cancelled}`)?.();

    // The request's key reaches the API client through this server only; it is never stored past the request.
    // Never shown: the key the calls spend, and what the client presented (its key or our token; open mode presents nothing).
    const callerRedactor = redactor([apiKey ?? deps.serverKey, options.open ? undefined : credential]);
    let keyRefused = false;
    const hangUp = new AbortController();
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const request = new Request(`http://mcp.invalid${req.url ?? '/mcp'}`, { method: 'POST', headers, signal: hangUp.signal });
    const servedBy: Server[] = [];
    callers.set(request, {
      apiKey,
      presented: credential,
      redactor: callerRedactor,
      onKeyRefused: () => (keyRefused = true),
      trace: headerTrace,
      servers: servedBy,
    });
    // Closing the request's servers aborts their handlers, and so the API request in flight.
    const stop = () => {
      hangUp.abort();
      for (const server of servedBy) void server.close().catch(() => undefined);
    };
    const callId = requestId(body);
    const registered = callId === undefined || !cancelScope ? undefined : `${cancelScope} ${callId}`;
    if (registered) cancellable.set(registered, stop);
    res.on('close', () => {
      if (registered && cancellable.get(registered) === stop) cancellable.delete(registered);
      stop();
    });
    const response = await mcpHandler.fetch(request, { parsedBody: body });
    if (!credential.startsWith(ISSUED_PREFIX)) return relay(response, res);
    // A token of ours whose key HiringCenter no longer accepts (the person replaced it) must send the connector back to
    // sign-in: its answer is read whole before a status is chosen, so a refused key becomes HTTP 401 rather than a 200
    // with an error. A call is bounded (8 MiB of answer, its deadline), so holding one costs little.
    const text = await response.text();
    if (keyRefused) return unauthorized(res, 'HiringCenter no longer accepts the API key this sign-in holds.');
    if (res.headersSent || !res.writable) return;
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(text);
  }

  /** Who is calling. A value with our tokens' prefix is one of our tokens or nothing — never sent on as an API key. */
  async function authenticate(header: string | undefined): Promise<Result<Authenticated, Unauthenticated>> {
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
    if (presented?.startsWith(ISSUED_PREFIX)) {
      const verified = oauth ? await oauth.verify(presented) : notOk('This server does not issue tokens now (OAuth is off).');
      if (verified.ok) return ok({ credential: presented, apiKey: verified.value, kind: 'oauth' });
      deps.metrics?.tokenRefused();
      return notOk({ invalidToken: verified.error });
    }
    if (options.open) return ok({ credential: 'sandbox', apiKey: undefined, kind: 'open' });
    if (!presented) return notOk({ invalidToken: undefined });
    if (!options.token) return ok({ credential: presented, apiKey: presented, kind: 'api_key' });
    const a = Buffer.from(presented);
    const b = Buffer.from(options.token);
    if (a.length === b.length && timingSafeEqual(a, b)) return ok({ credential: presented, apiKey: undefined, kind: 'team_token' });
    // A wrong team token is answered as a missing one: "invalid_token" tells an OAuth client to refresh, and a team
    // token cannot be refreshed; the answer says what to send instead.
    return notOk({ invalidToken: undefined });
  }

  function routeOf(path: string): Route {
    if (path === '/mcp' || path === '/healthz' || path === '/readyz') return path;
    return oauth?.serves(path) ? 'oauth' : 'other';
  }

  function allowedHost(host: string | undefined): boolean {
    return host !== undefined && allowedHosts.has(host.toLowerCase());
  }

  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`${options.host}:${port}`, ...LOOPBACK_HOSTNAMES.map((name) => `${name}:${port}`)]);
  if (options.publicUrl) allowedHosts.add(new URL(options.publicUrl).host);
  const listenedOn = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  const publicOrigin = options.publicUrl ?? listenedOn;
  if (options.oauth) {
    if (!deps.checkKey) throw new Error('OAuth needs a way to check API keys');
    oauth = await startOAuth({
      settings: options.oauth,
      origin: publicOrigin,
      readOnly: deps.readOnly ?? false,
      checkKey: deps.checkKey,
      log: deps.log,
      onSignIn: deps.metrics && ((outcome) => deps.metrics?.signIn(outcome)),
    }).catch((error: unknown) => {
      server.close();
      throw error;
    });
  }
  return {
    url: `${listenedOn}/mcp`,
    oauth: oauth && { issuer: publicOrigin, sharedStore: options.oauth?.redisUrl !== undefined },
    async drain(graceMs) {
      draining = true;
      server.close();
      const until = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      // Only now: closing the SDK's entry aborts the 2026-07-28 exchanges still in flight.
      await mcpHandler.close();
      server.closeAllConnections();
      await oauth?.close();
    },
  };
}

/** The id of a JSON-RPC request (not a notification), as a string key. */
function requestId(body: unknown): string | undefined {
  const message = body as { id?: unknown; method?: unknown } | null;
  return message && typeof message.method === 'string' && (typeof message.id === 'string' || typeof message.id === 'number')
    ? String(message.id)
    : undefined;
}

/** The request a notifications/cancelled names, if the body is one. */
function cancelledRequestId(body: unknown): string | undefined {
  const message = body as { method?: unknown; params?: { requestId?: unknown } } | null;
  if (message?.method !== 'notifications/cancelled') return undefined;
  const id = message.params?.requestId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/** A JSON-RPC message's method and, for tools/call, the tool (short names only, bounded, for the log), and its `_meta`. */
function describeMessage(body: unknown): { rpc?: string; tool?: string; meta?: { traceparent?: unknown; tracestate?: unknown } } {
  const message = (Array.isArray(body) ? body[0] : body) as {
    method?: unknown;
    params?: { name?: unknown; _meta?: { traceparent?: unknown; tracestate?: unknown } | null };
  } | null;
  const name = (value: unknown) => (typeof value === 'string' ? value.replace(/[^\w/.-]/g, '?').slice(0, 64) : undefined);
  const meta = message?.params?._meta;
  return { rpc: name(message?.method), tool: name(message?.params?.name), meta: typeof meta === 'object' && meta ? meta : undefined };
}

/** A web Response onto Node's: status, headers, and the body as it streams (SSE answers arrive in parts). */
async function relay(response: Response, res: ServerResponse): Promise<void> {
  if (res.headersSent || !res.writable) return void (await response.body?.cancel());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  res.on('close', () => body.destroy());
  try {
    for await (const chunk of body) if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    res.end();
  } catch {
    // The client hung up mid-stream: the body was destroyed with its connection, and there is nobody to answer.
  }
}

function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * The request's JSON body, or undefined once the answer is sent. Bounded in bytes (one body, and all bodies
 * being received by the process) and in time (`bodyDeadlineMs` from now): a client that stalls
 * mid-upload gives its memory and its slot back within seconds, not at the 120 s request deadline.
 */
async function readJson(req: IncomingMessage, res: ServerResponse, receiving: { bytes: number }, bodyDeadlineMs: number): Promise<unknown> {
  const { bodyBytes, receivingBytes } = HOSTED_LIMITS;
  const declared = Number(req.headers['content-length']);
  const known = Number.isSafeInteger(declared) && declared >= 0;
  const tooLarge = () => `The request body is over ${formatBytes(bodyBytes)}; send one MCP message at a time.`;
  if (known && declared > bodyBytes) return refuse(req, res, 413, tooLarge(), { drainMs: bodyDeadlineMs });
  let reserved = 0;
  // A declared length is reserved whole before a byte is read; an undeclared one chunk by chunk.
  const reserve = (bytes: number) => {
    if (receiving.bytes + bytes > receivingBytes) return false;
    receiving.bytes += bytes;
    reserved += bytes;
    return true;
  };
  const busy = 'This server is receiving too much at once; try again in a second.';
  if (known && !reserve(declared)) return refuse(req, res, 503, busy, { retryAfter: '1', drainMs: bodyDeadlineMs });
  let late = false;
  // Answered at once, then the connection closed: the loop below ends with it.
  const timer = setTimeout(() => {
    late = true;
    refuse(req, res, 408, `The request body did not arrive within ${bodyDeadlineMs / 1000} s; send it again.`);
  }, bodyDeadlineMs);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > bodyBytes || (known && size > declared)) return refuse(req, res, 413, tooLarge());
      if (!known && !reserve((chunk as Buffer).length)) return refuse(req, res, 503, busy, { retryAfter: '1' });
      chunks.push(chunk as Buffer);
    }
  } catch {
    // The client hung up, or the deadline closed the connection (already answered).
    return undefined;
  } finally {
    clearTimeout(timer);
    receiving.bytes -= reserved;
  }
  if (late) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    send(res, 400, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error: the body is not JSON.' } });
    return undefined;
  }
}

/**
 * Answers `status`; returns undefined for readJson. `drainMs`: the rest of the body is read and thrown away (nothing
 * held), so a client still sending gets the answer instead of a reset connection; one still sending after `drainMs`
 * is cut off. Without it, the connection is closed once the answer is out (a client that stalled is not waited for).
 */
function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  error: string,
  options: { retryAfter?: string; drainMs?: number } = {},
): undefined {
  if (!res.headersSent && res.writable) {
    if (options.drainMs === undefined) res.setHeader('connection', 'close');
    if (options.retryAfter) res.setHeader('retry-after', options.retryAfter);
    send(res, status, { error });
  }
  if (options.drainMs !== undefined) {
    const cutOff = setTimeout(() => req.destroy(), options.drainMs);
    req.once('close', () => clearTimeout(cutOff));
    req.resume();
    return undefined;
  }
  res.once('finish', () => req.destroy());
  if (res.writableFinished || !res.writable) req.destroy();
  return undefined;
}
