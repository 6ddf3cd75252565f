import { describe, expect, it } from 'vitest';
import { ApiContractError, ApiHttpError, ApiNetworkError, ApiTimeoutError } from '../../src/api/errors.js';
import { decideRetry, isRetryable, type RetryPolicy } from '../../src/api/retry-policy.js';

const http = (status: number, retryAfterMs?: number) => new ApiHttpError('GET', '/meetings', status, undefined, undefined, retryAfterMs);
const policy = (random = 0.999): RetryPolicy => ({ maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1_000, random: () => random });

describe('retry policy', () => {
  it.each([408, 425, 429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(isRetryable(http(status))).toBe(true);
  });

  it.each([400, 401, 403, 404, 405, 409, 422, 501])('never retries HTTP %i', (status) => {
    expect(isRetryable(http(status))).toBe(false);
    expect(decideRetry(http(status), 1, 10_000, policy())).toEqual({ retry: false, why: 'final' });
  });

  it('retries network failures and per-attempt timeouts, not untrustworthy answers', () => {
    expect(isRetryable(new ApiNetworkError('GET', '/m', 'ECONNRESET', false))).toBe(true);
    expect(isRetryable(new ApiTimeoutError('GET', '/m', 100))).toBe(true);
    expect(isRetryable(new ApiContractError('GET', '/m', 'HTML'))).toBe(false);
    expect(isRetryable(new Error('bug'))).toBe(false);
  });

  it('backs off exponentially with full jitter, capped', () => {
    const ceilings = [1, 2, 3].map((attempt) => (decideRetry(http(503), attempt, 60_000, policy()) as { delayMs: number }).delayMs);
    expect(ceilings).toEqual([99, 199, 399]);
    const capped = decideRetry(http(503), 3, 60_000, { ...policy(), baseDelayMs: 800 }) as { delayMs: number };
    expect(capped.delayMs).toBeLessThan(1_000);
    expect(decideRetry(http(503), 1, 60_000, policy(0))).toEqual({ retry: true, delayMs: 0 });
  });

  it('stops after maxRetries', () => {
    expect(decideRetry(http(503), 3, 60_000, policy()).retry).toBe(true);
    expect(decideRetry(http(503), 4, 60_000, policy())).toEqual({ retry: false, why: 'exhausted' });
  });

  it('waits exactly as long as Retry-After asks, and stops when that outlasts the budget', () => {
    expect(decideRetry(http(429, 2_000), 1, 10_000, policy())).toEqual({ retry: true, delayMs: 2_000 });
    expect(decideRetry(http(503, 0), 1, 10_000, policy())).toEqual({ retry: true, delayMs: 0 });
    expect(decideRetry(http(429, 120_000), 1, 10_000, policy())).toEqual({ retry: false, why: 'budget' });
    expect(decideRetry(http(503), 1, 50, policy())).toEqual({ retry: false, why: 'budget' });
  });
});
