import { describe, expect, it } from 'vitest';
import { canonicalJson, deriveIdempotencyKey } from '../../src/api/idempotency-key.js';

describe('deriveIdempotencyKey', () => {
  const body = { prospectId: 'p1', meetingDate: 1741615200000, notes: 'a' };

  it('is the same for the same request, whatever the key order', () => {
    const reordered = { notes: 'a', meetingDate: 1741615200000, prospectId: 'p1' };
    expect(deriveIdempotencyKey('POST', '/meetings', body)).toBe(deriveIdempotencyKey('post', '/meetings', reordered));
  });

  it('differs when method, path or any body value differs', () => {
    const keys = new Set([
      deriveIdempotencyKey('POST', '/meetings', body),
      deriveIdempotencyKey('POST', '/meetings/x', body),
      deriveIdempotencyKey('DELETE', '/meetings', body),
      deriveIdempotencyKey('POST', '/meetings', { ...body, notes: 'b' }),
      deriveIdempotencyKey('POST', '/meetings', { ...body, notes: null }),
      deriveIdempotencyKey('POST', '/meetings', undefined),
    ]);
    expect(keys.size).toBe(6);
  });

  it('fits the API limit of 512 characters', () => {
    const key = deriveIdempotencyKey('POST', '/meetings', { notes: 'x'.repeat(100_000) });
    expect(key.length).toBeLessThanOrEqual(512);
    expect(key).toMatch(/^hcmcp-v2-[0-9a-f]{64}$/);
  });

  it('canonicalises nested objects', () => {
    expect(canonicalJson({ b: { d: 1, c: 2 }, a: [3, { f: 1, e: 2 }] })).toBe('{"a":[3,{"e":2,"f":1}],"b":{"c":2,"d":1}}');
  });
});
