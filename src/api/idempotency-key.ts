/**
 * How X-Idempotency-Key is made — the whole rule, in one place.
 *
 * The API replays the *original* response to a repeated key for 24 h, even if
 * the meeting changed or was deleted since. A key made from the call's content
 * alone therefore dedupes retries but swallows deliberate repeats:
 *   (1) notes X, then Y, then X again: the third call would replay the first;
 *   (2) create, delete, create the same again: the re-create would replay the
 *       first and "return" a meeting that no longer exists.
 * So every key is a hash of the request (method, path, canonical JSON body)
 * plus the state it acts on, which anyone can re-derive after a restart:
 *   - update: + a fingerprint of the meeting as read just before. A retry sees
 *     the same state (same key: deduplicated) or, if the first attempt landed,
 *     the state it made — re-sending the same values then changes nothing.
 *     A deliberate repeat after other changes sees another state: it applies.
 *   - create: + the id of the meeting a previous identical create made, once
 *     that meeting is gone or no longer at that time/prospect/owner/type/zone.
 *     After each create the result is read back (see meeting-mutations.ts): a
 *     live match is the answer (a retry, deduplicated); a stale replay moves on
 *     to the next key in the chain, which is the same for everyone.
 *   - delete: the request alone; a deleted meeting cannot come back.
 * Every attempt of one call reuses its key, which is what makes retrying a
 * mutation safe. A caller's own idempotencyKey replaces all of this.
 * Keys are "hcmcp-v2-" + 64 hex chars: far under the API's 512.
 */
export async function deriveIdempotencyKey(method: string, path: string, body: unknown, basis = ''): Promise<string> {
  return `hcmcp-v2-${await sha256Hex(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}\n${basis}`)}`;
}

/** A short, stable digest of a meeting's present state (the basis of an update's key). */
export async function stateFingerprint(state: unknown): Promise<string> {
  return (await sha256Hex(canonicalJson(state))).slice(0, 32);
}

// Web Crypto (a global in Node 20): node:crypto would be loaded at every start-up for a hash only mutations need.
async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
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
