import { ApiHttpError, ApiNetworkError, ApiTimeoutError, type RetryStop } from './errors.js';
import { LIMITS } from './limits.js';

/**
 * The one retry policy every tool uses. Hand-written because neither undici's
 * RetryHandler (no jitter, no per-call budget) nor p-retry (no server-dictated
 * delay) can honour Retry-After *and* stop when it exceeds the call's budget.
 */
export interface RetryPolicy {
  /** Retries after the first attempt (HIRINGCENTER_MAX_RETRIES). */
  maxRetries: number;
  /** First backoff ceiling; doubles each retry up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Source of jitter in [0, 1). */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  random: Math.random,
};

// 408/425/429 ask to come back later; the 5xx listed are the transient ones. Other 4xx fail the same way again.
const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiHttpError) return RETRYABLE_STATUSES.has(error.status);
  // An unknown host or a failed TLS handshake fails the same way on every try.
  if (error instanceof ApiNetworkError) return error.trouble !== 'dns' && error.trouble !== 'tls';
  return error instanceof ApiTimeoutError;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; why: RetryStop };

/**
 * Whether to try again after `error` on attempt number `attempt` (1-based),
 * with `remainingMs` left of the call's budget, when an attempt needs at least
 * `minAttemptMs` to be worth sending. Exponential backoff with full jitter
 * (AWS architecture blog, "Exponential Backoff And Jitter"), unless the API
 * said how long to wait.
 */
export function decideRetry(
  error: unknown,
  attempt: number,
  remainingMs: number,
  policy: RetryPolicy,
  minAttemptMs: number = LIMITS.minReadAttemptMs,
): RetryDecision {
  if (!isRetryable(error)) return { retry: false, why: 'final' };
  if (attempt > policy.maxRetries) return { retry: false, why: 'exhausted' };
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const asked = error instanceof ApiHttpError ? error.retryAfterMs : undefined;
  const delayMs = asked ?? Math.floor(policy.random() * ceiling);
  // Waiting past the budget only to be cut off helps nobody: say when to come back instead.
  if (delayMs + minAttemptMs > remainingMs) return { retry: false, why: 'budget' };
  return { retry: true, delayMs };
}
