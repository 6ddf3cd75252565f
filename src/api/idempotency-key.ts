import { createHash } from 'node:crypto';

/**
 * X-Idempotency-Key for a mutation, derived only from what is sent (method,
 * path, canonical JSON body): repeating the same call yields the same key, so
 * a retry can never create a second meeting; any change to the request yields
 * a different key, so the API never answers 409 for key reuse. 77 chars, far
 * under the API's 512 limit.
 */
export function deriveIdempotencyKey(method: string, path: string, body: unknown): string {
  const digest = createHash('sha256').update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`).digest('hex');
  return `hcmcp-v1-${digest}`;
}

/** JSON with object keys sorted at every level, so key order in a call never changes the key. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
