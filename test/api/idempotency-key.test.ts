import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, deriveIdempotencyKey, stateFingerprint } from '../../src/api/idempotency-key.js';

describe('deriveIdempotencyKey', () => {
  const body = { prospectId: 'p1', meetingDate: 1741615200000, notes: 'a' };

  it('is the same for the same request, whatever the key order', async () => {
    const reordered = { notes: 'a', meetingDate: 1741615200000, prospectId: 'p1' };
    expect(await deriveIdempotencyKey('POST', '/meetings', body)).toBe(await deriveIdempotencyKey('post', '/meetings', reordered));
  });

  it('differs when method, path, any body value or the basis differs', async () => {
    const keys = new Set(
      await Promise.all([
        deriveIdempotencyKey('POST', '/meetings', body),
        deriveIdempotencyKey('POST', '/meetings/x', body),
        deriveIdempotencyKey('DELETE', '/meetings', body),
        deriveIdempotencyKey('POST', '/meetings', { ...body, notes: 'b' }),
        deriveIdempotencyKey('POST', '/meetings', { ...body, notes: null }),
        deriveIdempotencyKey('POST', '/meetings', undefined),
        deriveIdempotencyKey('POST', '/meetings', body, 'superseded abc'),
      ]),
    );
    expect(keys.size).toBe(7);
  });

  it('is a SHA-256 of the canonical request and fits the API limit of 512 characters', async () => {
    const key = await deriveIdempotencyKey('POST', '/meetings', { notes: 'x'.repeat(100_000) });
    expect(key.length).toBeLessThanOrEqual(512);
    expect(key).toMatch(/^hcmcp-v2-[0-9a-f]{64}$/);
    const expected = createHash('sha256')
      .update(`POST /meetings\n${canonicalJson(body)}\n`)
      .digest('hex');
    expect(await deriveIdempotencyKey('POST', '/meetings', body)).toBe(`hcmcp-v2-${expected}`);
    expect(await stateFingerprint(body)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('canonicalises nested objects', () => {
    expect(canonicalJson({ b: { d: 1, c: 2 }, a: [3, { f: 1, e: 2 }] })).toBe('{"a":[3,{"e":2,"f":1}],"b":{"c":2,"d":1}}');
  });
});
