import { LIMITS } from './limits.js';

/**
 * Retry-After as milliseconds from `now`: delta-seconds or an HTTP date
 * (RFC 9110 §10.2.3), at most LIMITS.maxRetryAfterMs — a header from the API
 * is input, and "come back in 3 million years" must still make a valid time.
 */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  let ms: number;
  if (/^\d+$/.test(value)) ms = Number(value) * 1000;
  else {
    const at = Date.parse(value);
    if (Number.isNaN(at)) return undefined;
    ms = Math.max(0, at - now);
  }
  return Math.min(ms, LIMITS.maxRetryAfterMs);
}
