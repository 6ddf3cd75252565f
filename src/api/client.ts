import type { Dispatcher, Pool } from 'undici';
import type { z } from 'zod';
import {
  HiringCenterError,
  ApiCancelledError,
  ApiContractError,
  ApiHttpError,
  ApiNetworkError,
  ApiTimeoutError,
  MissingApiKeyError,
} from './errors.js';
import { deriveIdempotencyKey } from './idempotency-key.js';
import { redact } from './redact.js';
import { parseRetryAfter } from './retry-after.js';
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy } from './retry-policy.js';
import type {
  CreateMeetingBody,
  DeleteResult,
  Meeting,
  MeetingList,
  MeetingQuery,
  UpdateMeetingBody,
} from './schemas.js';

import { DeleteEnvelope, MeetingItemEnvelope, MeetingListEnvelope } from './schemas.js';

export interface ClientOptions {
  baseUrl: string;
  apiKey: string | undefined;
  timeoutMs: number;
  userAgent: string;
  /** Time one whole call may take, retries and waits included (a tool call passes its own deadline). */
  callBudgetMs: number;
  retry?: Partial<RetryPolicy>;
  /** Most sockets open to the API at once; calls beyond it queue on the pool. */
  maxConnections?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Epoch ms by which the call must be over, retries included; default now + callBudgetMs. */
  deadline?: number;
}

/** Counters for benchmarks and the soak. */
export interface ClientStats {
  attempts: number;
  retries: number;
}

export interface MutationOptions extends CallOptions {
  /** Overrides the derived key (a caller that manages its own retries). */
  idempotencyKey?: string;
}

// A proxy's error page or a runaway list should fail cleanly, not fill memory.
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * Typed HTTP client for ../shared/api/meetings.md. One keep-alive pool for the
 * process; every failure becomes one of the errors in ./errors.ts.
 */
export class HiringCenterClient {
  readonly stats: ClientStats = { attempts: 0, retries: 0 };
  private poolReady: Promise<PooledRequest> | undefined;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: ClientOptions) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const url = new URL(options.baseUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
  }

  /** The one keep-alive pool (at most maxConnections sockets), made at the first request. */
  private pool(): Promise<PooledRequest> {
    this.poolReady ??= loadPool(this.origin, this.options.maxConnections ?? 16);
    return this.poolReady;
  }

  listMeetings(query: MeetingQuery, options: CallOptions = {}): Promise<MeetingList> {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) params.set(name, String(value));
    }
    const search = params.size ? `?${params.toString()}` : '';
    return this.send('GET', `/meetings${search}`, undefined, MeetingListEnvelope, options);
  }

  async getMeeting(meetingId: string, options: CallOptions = {}): Promise<Meeting> {
    return (await this.send('GET', meetingPath(meetingId), undefined, MeetingItemEnvelope, options)).item;
  }

  async createMeeting(body: CreateMeetingBody, options: MutationOptions = {}): Promise<Meeting> {
    return (await this.send('POST', '/meetings', body, MeetingItemEnvelope, options)).item;
  }

  async updateMeeting(meetingId: string, body: UpdateMeetingBody, options: MutationOptions = {}): Promise<Meeting> {
    return (await this.send('POST', meetingPath(meetingId), body, MeetingItemEnvelope, options)).item;
  }

  deleteMeeting(meetingId: string, options: MutationOptions = {}): Promise<DeleteResult> {
    return this.send('DELETE', meetingPath(meetingId), undefined, DeleteEnvelope, options);
  }

  /** Options for one tool call: its cancellation, and one deadline shared by all of its requests. */
  callOptions(signal?: AbortSignal): CallOptions {
    return { signal, deadline: Date.now() + this.options.callBudgetMs };
  }

  /** Waits for requests in flight, then closes the sockets. */
  async close(): Promise<void> {
    await (await this.poolReady)?.pool.close();
  }

  /** Aborts requests in flight (shutdown). */
  async destroy(): Promise<void> {
    await (await this.poolReady)?.pool.destroy();
  }

  /**
   * One logical request under the retry policy. Every attempt carries the same
   * X-Idempotency-Key, which is what makes retrying a mutation safe.
   */
  private async send<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body: unknown,
    schema: S,
    options: MutationOptions,
  ): Promise<z.output<S>> {
    const { apiKey, timeoutMs, callBudgetMs, userAgent } = this.options;
    if (!apiKey) throw new MissingApiKeyError();
    // Everything an attempt sends is fixed here, once: every retry is the same request, key included.
    const headers: Record<string, string> = { authorization: `Bearer ${apiKey}`, accept: 'application/json', 'user-agent': userAgent };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['x-idempotency-key'] = options.idempotencyKey ?? (await deriveIdempotencyKey(method, path, body));
    const outgoing: Outgoing<S> = { method, path: this.basePath + path, label: path.split('?')[0] ?? path, headers, payload, schema, apiKey };
    const deadline = options.deadline ?? Date.now() + callBudgetMs;
    for (let attempt = 1; ; attempt++) {
      const remaining = deadline - Date.now();
      try {
        this.stats.attempts += 1;
        return await this.attempt(outgoing, Math.max(1, Math.min(timeoutMs, remaining)), options.signal);
      } catch (error) {
        const decision = decideRetry(error, attempt, deadline - Date.now(), this.retry);
        if (!decision.retry || options.signal?.aborted) {
          if (error instanceof HiringCenterError) {
            error.attempts = attempt;
            error.stoppedBecause = decision.retry ? 'final' : decision.why;
          }
          throw error;
        }
        this.stats.retries += 1;
        await sleep(decision.delayMs, options.signal, method, outgoing.label);
      }
    }
  }

  private async attempt<S extends z.ZodType>(
    { method, path, label, headers, payload, schema, apiKey }: Outgoing<S>,
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
  ): Promise<z.output<S>> {
    // One controller per attempt, its timer cleared as soon as the attempt ends: AbortSignal.timeout()
    // would keep every finished request's signal alive for the full timeout (memory grows under load).
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const cancel = () => controller.abort();
    if (callerSignal?.aborted) cancel();
    callerSignal?.addEventListener('abort', cancel, { once: true });
    let status: number;
    let responseHeaders: Dispatcher.ResponseData['headers'];
    let text: string;
    try {
      const { request } = await this.pool();
      const response = await request({ method, path, headers, body: payload, signal: controller.signal });
      status = response.statusCode;
      responseHeaders = response.headers;
      text = await readCapped(response.body, response.headers['content-length'], method, label);
    } catch (error) {
      if (error instanceof ApiContractError) throw error;
      if (callerSignal?.aborted) throw new ApiCancelledError(method, label, 'cancelled by the client', { cause: error });
      if (timedOut) throw new ApiTimeoutError(method, label, timeoutMs);
      throw new ApiNetworkError(method, label, this.describeNetworkError(error), { cause: error });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', cancel);
    }
    const secrets = [apiKey];
    if (status < 200 || status > 299) {
      const { code, message } = parseErrorBody(text);
      const retryAfter = headerValue(responseHeaders['retry-after']);
      throw new ApiHttpError(
        method,
        label,
        status,
        code && redact(code, secrets),
        message && redact(message, secrets),
        parseRetryAfter(retryAfter, Date.now()),
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const kind = /^\s*</.test(text) ? 'HTML (likely a proxy or gateway page)' : text.trim() ? 'not JSON' : 'empty';
      throw new ApiContractError(method, label, `HTTP ${status} but the body was ${kind}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || 'body';
      throw new ApiContractError(method, label, `HTTP ${status} with a body that does not match the contract (at ${where})`);
    }
    return parsed.data;
  }

  private describeNetworkError(error: unknown): string {
    const parts: string[] = [];
    let current: unknown = error;
    for (let depth = 0; current instanceof Error && depth < 3; depth++) {
      const code = (current as NodeJS.ErrnoException).code;
      parts.push(code ? `${code}` : current.message);
      current = current.cause;
    }
    if ((error as { code?: string } | undefined)?.code === 'UND_ERR_SOCKET') parts.unshift('socket closed');
    return redact(parts.join(': ') || 'network failure', this.options.apiKey ? [this.options.apiKey] : []);
  }
}

/** One logical request, as every attempt of it sends it. */
interface Outgoing<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'DELETE';
  /** Full request path, base path and query included. */
  path: string;
  /** Method-free path without the query, for messages. */
  label: string;
  headers: Record<string, string>;
  payload: string | undefined;
  schema: S;
  apiKey: string;
}

interface PooledRequest {
  pool: Pool;
  request: (options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;
}

/**
 * undici's Pool and its request() by module path, loaded at the first request.
 * The package index also brings fetch, WebSocket, caches and mocks — half of
 * the bundle, never used here, and parsed at every start (npm run bench).
 */
async function loadPool(origin: string, connections: number): Promise<PooledRequest> {
  const [{ default: UndiciPool }, { default: request }] = await Promise.all([
    import('undici/lib/dispatcher/pool.js'),
    import('undici/lib/api/api-request.js'),
  ]);
  const pool = new UndiciPool(origin, { connections, keepAliveTimeout: 30_000 });
  return { pool, request: (options) => request.call(pool, options) };
}

/** Waits between attempts; a cancellation ends the wait (and so the retries) at once. */
function sleep(ms: number, signal: AbortSignal | undefined, method: string, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => {
      clearTimeout(timer);
      reject(new ApiCancelledError(method, label, 'cancelled by the client'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', cancelled);
      resolve();
    }, ms);
    if (signal?.aborted) cancelled();
    else signal?.addEventListener('abort', cancelled, { once: true });
  });
}

/** Ids go into the path, so only a single safe segment may pass (the tools already checked). */
function meetingPath(meetingId: string): string {
  return `/meetings/${encodeURIComponent(meetingId)}`;
}

async function readCapped(
  body: Dispatcher.ResponseData['body'],
  contentLength: string | string[] | undefined,
  method: string,
  path: string,
): Promise<string> {
  // A declared length is checked before reading; text() then avoids the chunk-by-chunk copy (hot path).
  const declared = Number(headerValue(contentLength));
  if (Number.isFinite(declared) && declared >= 0) {
    if (declared > MAX_RESPONSE_BYTES) {
      body.destroy();
      throw new ApiContractError(method, path, `response larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`);
    }
    return body.text();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_RESPONSE_BYTES) {
      body.destroy();
      throw new ApiContractError(method, path, `response larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Error bodies have no fixed shape (contract: "Errors"); take what is recognisable. */
function parseErrorBody(text: string): { code?: string; message?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  if (!json || typeof json !== 'object') return {};
  const record = json as Record<string, unknown>;
  const nested = record.error && typeof record.error === 'object' ? (record.error as Record<string, unknown>) : undefined;
  const pick = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 500) : undefined);
  return {
    code: pick(nested?.code) ?? pick(record.code),
    message: pick(nested?.message) ?? pick(record.message) ?? pick(record.error),
  };
}
