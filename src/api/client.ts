import type * as z from 'zod/v4';
import { apiKeyProblem } from './api-key.js';
import { CallScope, SharedByteBudget } from './call-scope.js';
import {
  ApiCancelledError,
  ApiContractError,
  ApiHttpError,
  ApiNetworkError,
  ApiNotSentError,
  ApiTimeoutError,
  HiringCenterError,
  InvalidApiKeyError,
  MissingApiKeyError,
} from './errors.js';
import { attempt, type Outgoing } from './http-attempt.js';
import { openHttpPool, type HttpPool } from './http-pool.js';
import { deriveIdempotencyKey } from './idempotency-key.js';
import { LIMITS } from './limits.js';
import { redactor } from './redact.js';
import { SocketShare } from './socket-share.js';
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy } from './retry-policy.js';
import type * as Schemas from './schemas.js';
import type { CreateMeetingBody, DeleteResult, Meeting, MeetingList, MeetingQuery, UpdateMeetingBody } from './schemas.js';
import { MEETING_ID, SAFE_PATH_SEGMENT, sameMeetingId } from './meeting-id.js';
import { NO_TELEMETRY, type Telemetry } from '../telemetry.js';
import type { TraceContext } from '../trace-context.js';

// The response schemas load with the first request, not at start-up (they are zod objects, a few ms to build).
type ResponseSchemas = typeof Schemas;
const responseSchemas = (): Promise<ResponseSchemas> => import('./schemas.js');

/** Sockets open to the API at once unless the client is made with another maxConnections (benchmarks do). */
const DEFAULT_MAX_CONNECTIONS = 16;

export interface ClientOptions {
  baseUrl: string;
  apiKey: string | undefined;
  timeoutMs: number;
  userAgent: string;
  /** Time one whole call may take, retries and waits included (a tool call passes its own scope). */
  callBudgetMs: number;
  retry?: Partial<RetryPolicy>;
  /** Most sockets open to the API at once; calls beyond it wait their turn (socket-share.ts). */
  maxConnections?: number;
  /** The setting that chose `baseUrl` ("HIRINGCENTER_BASE_URL"), when a person chose it: errors then name it. */
  baseUrlSetting?: string;
  /** One hosted caller's fair share of the sockets (default LIMITS.socketsPerCredential); the server's own key may use all. */
  socketsPerCredential?: number;
  /** Told about every attempt and retry (hosted metrics); default: nobody. */
  telemetry?: Telemetry;
}

/** Counters for benchmarks and the soak. */
export interface ClientStats {
  attempts: number;
  retries: number;
}

/**
 * Typed HTTP client for the HiringCenter meetings API (docs/hiringcenter-api.md). One
 * keep-alive pool for the process; every failure becomes one of the errors in
 * ./errors.ts; every bound on what the API can make it do is in ./limits.ts.
 */
export class HiringCenterClient {
  readonly stats: ClientStats = { attempts: 0, retries: 0 };
  /** Response bytes held by all calls in flight (see limits.ts). */
  readonly heldBytes = new SharedByteBudget();
  private poolReady: Promise<HttpPool> | undefined;
  /** Who may send next: hosted callers share the pool's sockets fairly, and waiting is not part of an attempt. */
  readonly sockets: SocketShare;
  readonly baseUrlSetting: string | undefined;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly retry: RetryPolicy;
  private readonly keyProblem: string | undefined;

  constructor(private readonly options: ClientOptions) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const url = new URL(options.baseUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.keyProblem = options.apiKey === undefined ? undefined : apiKeyProblem(options.apiKey);
    this.baseUrlSetting = options.baseUrlSetting;
    this.sockets = new SocketShare(this.maxConnections, options.socketsPerCredential ?? LIMITS.socketsPerCredential);
  }

  private get maxConnections(): number {
    return this.options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  }

  /** The one keep-alive pool (at most maxConnections sockets), made at the first request. */
  private pool(): Promise<HttpPool> {
    this.poolReady ??= openHttpPool(this.origin, this.maxConnections);
    return this.poolReady;
  }

  /**
   * A scope for one tool call: its cancellation, one deadline for all its requests, its bounds —
   * and, in hosted mode, the caller's own API key, used for this call's requests only.
   */
  startCall(signal?: AbortSignal, apiKey?: string, trace?: TraceContext): CallScope {
    return new CallScope(this.options.callBudgetMs, signal, this.heldBytes, apiKey, trace);
  }

  listMeetings(query: MeetingQuery, call?: CallScope): Promise<MeetingList> {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) params.set(name, String(value));
    }
    const search = params.size ? `?${params.toString()}` : '';
    return this.send('GET', `/meetings${search}`, undefined, (schemas) => schemas.MeetingListEnvelope, call);
  }

  async getMeeting(meetingId: string, call?: CallScope): Promise<Meeting> {
    const { item } = await this.send('GET', meetingPath(meetingId), undefined, (schemas) => schemas.MeetingItemEnvelope, call);
    return expectId(item, meetingId, 'GET');
  }

  async createMeeting(body: CreateMeetingBody, call?: CallScope, idempotencyKey?: string): Promise<Meeting> {
    return (await this.send('POST', '/meetings', body, (schemas) => schemas.MeetingItemEnvelope, call, idempotencyKey)).item;
  }

  async updateMeeting(meetingId: string, body: UpdateMeetingBody, call?: CallScope, idempotencyKey?: string): Promise<Meeting> {
    const { item } = await this.send('POST', meetingPath(meetingId), body, (schemas) => schemas.MeetingItemEnvelope, call, idempotencyKey);
    return expectId(item, meetingId, 'POST');
  }

  deleteMeeting(meetingId: string, call?: CallScope, idempotencyKey?: string): Promise<DeleteResult> {
    return this.send('DELETE', meetingPath(meetingId), undefined, (schemas) => schemas.DeleteEnvelope, call, idempotencyKey);
  }

  /** Closes the sockets, aborting requests still in flight (shutdown; tests once their calls are done). */
  async close(): Promise<void> {
    (await this.poolReady)?.destroy();
  }

  /**
   * One logical request under the retry policy. Every attempt carries the same
   * X-Idempotency-Key, which is what makes retrying a mutation safe. A write
   * is never sent with less than LIMITS.minWriteAttemptMs left: one that could
   * only be cut off mid-flight would leave its outcome unknown for nothing.
   */
  private async send<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body: unknown,
    envelope: (schemas: ResponseSchemas) => S,
    scope: CallScope | undefined,
    idempotencyKey?: string,
  ): Promise<z.output<S>> {
    const schema = envelope(await responseSchemas());
    const { timeoutMs, userAgent, telemetry = NO_TELEMETRY } = this.options;
    const call = scope ?? this.startCall();
    const apiKey = call.apiKey ?? this.options.apiKey;
    // The path without its query: what messages and errors name.
    const label = path.split('?')[0] ?? path;
    if (!apiKey) throw new MissingApiKeyError(method, label);
    const keyProblem = call.apiKey === undefined ? this.keyProblem : apiKeyProblem(call.apiKey);
    if (keyProblem) throw new InvalidApiKeyError(method, label, keyProblem);
    const writing = method !== 'GET';
    // Everything an attempt sends is fixed here, once: every retry is the same request, key included.
    const headers: Record<string, string> = {
      authorization: `Bearer ${apiKey}`,
      accept: 'application/json',
      'user-agent': userAgent,
      ...call.traceHeaders(),
    };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    if (writing) headers['x-idempotency-key'] = idempotencyKey ?? (await deriveIdempotencyKey(method, path, body));
    const outgoing: Outgoing<S> = { method, path: this.basePath + path, label, headers, payload, schema, redactor: redactor([apiKey]) };
    const minimumMs = Math.min(timeoutMs, writing ? LIMITS.minWriteAttemptMs : LIMITS.minReadAttemptMs);
    const pool = await this.pool();
    // Whether an attempt of this write may have reached HiringCenter without a definite answer.
    let uncertain = false;
    for (let attemptNumber = 1; ; attemptNumber++) {
      const remaining = call.remainingMs();
      try {
        if (remaining < minimumMs) throw new ApiNotSentError(method, label, remaining, minimumMs);
        // Waiting for a socket is not part of an attempt: its timeout starts once the request can be sent.
        const turn = await this.sockets.turn(call.apiKey ?? '', call.signal, remaining - minimumMs);
        if (turn === 'cancelled') throw new ApiCancelledError(method, label, 'cancelled by the client');
        if (turn === 'out-of-time') throw new ApiNotSentError(method, label, call.remainingMs(), minimumMs);
        let answer: z.output<S>;
        try {
          const left = call.remainingMs();
          if (left < minimumMs) throw new ApiNotSentError(method, label, left, minimumMs);
          call.countRequest(method, label);
          this.stats.attempts += 1;
          const sent = performance.now();
          try {
            answer = await attempt(pool, outgoing, Math.min(timeoutMs, left), call);
            telemetry.upstream(method, '2xx', (performance.now() - sent) / 1000);
          } catch (error) {
            telemetry.upstream(method, attemptStatus(error), (performance.now() - sent) / 1000);
            throw error;
          }
        } finally {
          turn();
        }
        if (writing) call.recordWrite('applied');
        return answer;
      } catch (error) {
        if (writing && mayHaveLanded(error)) uncertain = true;
        const decision = decideRetry(error, attemptNumber, call.remainingMs(), this.retry, minimumMs);
        if (!decision.retry || call.signal?.aborted) {
          if (error instanceof HiringCenterError) {
            error.attempts = attemptNumber - (error instanceof ApiNotSentError ? 1 : 0);
            error.stoppedBecause = decision.retry ? 'final' : decision.why;
          }
          if (writing) call.recordWrite(uncertain ? 'unknown' : 'refused');
          throw error;
        }
        this.stats.retries += 1;
        telemetry.upstreamRetry(method);
        try {
          await sleep(decision.delayMs, call.signal, method, label);
        } catch (cancelled) {
          if (writing) call.recordWrite(uncertain ? 'unknown' : 'refused');
          throw cancelled;
        }
      }
    }
  }
}

/** What a failed attempt came to, as a metric's label: the HTTP status, or what happened instead (a bounded set). */
function attemptStatus(error: unknown): string {
  if (error instanceof ApiHttpError) return String(error.status);
  if (error instanceof ApiTimeoutError) return 'timeout';
  if (error instanceof ApiCancelledError) return 'cancelled';
  if (error instanceof ApiNetworkError) return 'network';
  return 'unusable_answer';
}

/** Whether a failed attempt of a write may still have been applied: anything but a definite refusal. */
function mayHaveLanded(error: unknown): boolean {
  if (error instanceof ApiHttpError) return error.status >= 500;
  if (error instanceof ApiNetworkError) return !error.beforeSending;
  return !(error instanceof ApiNotSentError || error instanceof ApiCancelledError || error instanceof MissingApiKeyError);
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

/**
 * Ids go into the path, so only a single safe segment may pass: the tools
 * check ids from the model, the mutations check ids from the API, and this is
 * the last guard before a URL ("..", "/", "%" or "?" never reach one).
 */
function meetingPath(meetingId: string): string {
  if (!SAFE_PATH_SEGMENT.test(meetingId)) {
    throw new ApiContractError(
      'GET',
      '/meetings/{meetingId}',
      `refused to put ${JSON.stringify(meetingId.slice(0, 80))} into a URL: it is not a meeting id`,
    );
  }
  return `/meetings/${meetingId}`;
}

/** The API answered about the meeting asked for, or the answer cannot be used: acting on another id would write to the wrong meeting. */
function expectId(item: Meeting, asked: string, method: string): Meeting {
  if (!sameMeetingId(item.id, asked)) {
    const answered = MEETING_ID.test(item.id) ? item.id : JSON.stringify(item.id.slice(0, 80));
    throw new ApiContractError(
      method,
      `/meetings/${asked}`,
      `HiringCenter answered a request for meeting ${asked} with meeting ${answered}`,
    );
  }
  return item;
}
