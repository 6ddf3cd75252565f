import { formatBytes } from '../byte-size.js';
import { newSpanId, traceHeaders, type TraceContext } from '../trace-context.js';
import { CallLimitError } from './errors.js';
import { LIMITS } from './limits.js';

/** Response bytes held by every call in flight, across the process. */
export class SharedByteBudget {
  held = 0;

  constructor(readonly limit: number = LIMITS.processResponseBytes) {}
}

/**
 * What the writes of one call did, as far as anyone can know: none was sent
 * (or each was refused), one was applied, or one may or may not have been
 * (sent, then no definite answer). "unknown" sticks: a later success of
 * another request cannot say what the uncertain one did.
 */
export type WriteOutcome = 'none' | 'applied' | 'unknown';

/**
 * One tool call's dealings with HiringCenter: its cancellation, one deadline
 * for all of its requests, how many requests and response bytes it may use,
 * and what its writes did. Made by HiringCenterClient.startCall(); the server
 * releases it when the call ends.
 */
export class CallScope {
  private deadline: number;
  private heldBytes = 0;
  private requests = 0;
  private writes: WriteOutcome = 'none';
  /** This call's span, named at its first request when the caller sent a trace. */
  private spanId: string | undefined;
  /** Whether an answer of this call contained a secret (an API that echoes the key): its answer is then redacted deep. */
  secretSeen = false;

  constructor(
    budgetMs: number,
    readonly signal: AbortSignal | undefined,
    private readonly shared: SharedByteBudget,
    /** The key this call's requests carry, when it is the caller's own (hosted mode: one per request); else the client's. */
    readonly apiKey?: string,
    /** The caller's trace, when it sent one: every request of this call carries it on. */
    private readonly trace?: TraceContext,
  ) {
    this.deadline = Date.now() + budgetMs;
  }

  /** traceparent (and tracestate) for this call's requests: one span, this call, as the caller's child. */
  traceHeaders(): Record<string, string> {
    if (!this.trace) return {};
    this.spanId ??= newSpanId();
    return traceHeaders(this.trace, this.spanId);
  }

  remainingMs(): number {
    return this.deadline - Date.now();
  }

  get outcome(): WriteOutcome {
    return this.writes;
  }

  /** HTTP requests made so far (attempts included). */
  get requestsMade(): number {
    return this.requests;
  }

  /** Records what one write request ended with. */
  recordWrite(outcome: 'applied' | 'unknown' | 'refused'): void {
    if (outcome === 'unknown') this.writes = 'unknown';
    else if (outcome === 'applied' && this.writes === 'none') this.writes = 'applied';
  }

  /**
   * Runs `wait` — a person answering a question — without spending the call's
   * time: deadlines belong to the network, not to people.
   */
  async notCounting<T>(wait: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await wait();
    } finally {
      this.deadline += Date.now() - started;
    }
  }

  /** Counts one HTTP request; past the per-call bound, the request is not made. */
  countRequest(method: string, path: string): void {
    this.requests += 1;
    if (this.requests > LIMITS.requestsPerCall) {
      throw new CallLimitError(
        method,
        path,
        'requests',
        `not sent: this call already made ${LIMITS.requestsPerCall} requests, the most one call may make`,
      );
    }
  }

  /** Holds `bytes` more of response body until release(); refused past the call's or the process's bound. */
  hold(bytes: number, method: string, path: string): void {
    if (this.heldBytes + bytes > LIMITS.callResponseBytes) {
      throw new CallLimitError(
        method,
        path,
        'callBytes',
        `HiringCenter's answers to this call passed ${formatBytes(LIMITS.callResponseBytes)}, the most one call may read`,
      );
    }
    if (this.shared.held + bytes > this.shared.limit) {
      throw new CallLimitError(
        method,
        path,
        'processBytes',
        `the calls in flight already hold ${formatBytes(this.shared.limit)} of HiringCenter's answers, the most this server keeps in memory at once`,
      );
    }
    this.heldBytes += bytes;
    this.shared.held += bytes;
  }

  /** Gives back `bytes` held for an answer that was thrown away (a failed attempt). */
  drop(bytes: number): void {
    const given = Math.min(bytes, this.heldBytes);
    this.heldBytes -= given;
    this.shared.held -= given;
  }

  /** The call ended: everything it held is given back. */
  release(): void {
    this.drop(this.heldBytes);
  }
}
