import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import * as z from 'zod/v4';

/**
 * The MRTR `requestState` of a confirmation (MCP 2026-07-28): what the person
 * is being asked to approve travels through the client and comes back with
 * the answer, so any replica can finish the call. The client can read and
 * change it, so it is sealed (JWE `dir` + `A256GCM`) and binds who asked (a
 * digest of the credential, never the credential), the tool, the meeting and
 * an expiry. Replicas open each other's states when they share
 * HIRINGCENTER_STATE_SECRET (or HIRINGCENTER_OAUTH_SECRET).
 */
export const PendingConfirmation = z.strictObject({
  /** sha256 of the credential the call spends. */
  principal: z.string().length(43),
  tool: z.string().max(64),
  meetingId: z.string().max(256),
});
export type PendingConfirmation = z.infer<typeof PendingConfirmation>;

// A person reads the question and decides within this; a retry after it is asked again.
export const CONFIRMATION_TTL_SECONDS = 10 * 60;
// A sealed confirmation is about 300 bytes; anything far longer is refused before any crypto runs.
const MAX_STATE_LENGTH = 4096;
const ALGORITHMS = { alg: 'dir', enc: 'A256GCM' } as const;

export interface StateSealer {
  seal(pending: PendingConfirmation): Promise<string>;
  /** The pending confirmation, or undefined when the state is not one of ours, damaged, or expired. */
  open(state: string): Promise<PendingConfirmation | undefined>;
}

/** `secret`: shared by every replica; undefined makes a random key, so only this process opens what it sealed. */
export function stateSealer(secret: string | undefined, now: () => number = Date.now): StateSealer {
  const key = new Uint8Array(hkdfSync('sha256', secret ?? randomBytes(32), 'hiringcenter-mcp requestState', 'confirmation v1', 32));
  // jose loads with the first confirmation: a server that is never asked one never parses it.
  const jose = () => import('jose');
  return {
    async seal(pending) {
      const { EncryptJWT } = await jose();
      const seconds = Math.floor(now() / 1000);
      return new EncryptJWT({ ...pending })
        .setProtectedHeader(ALGORITHMS)
        .setIssuedAt(seconds)
        .setExpirationTime(seconds + CONFIRMATION_TTL_SECONDS)
        .encrypt(key);
    },
    async open(state) {
      if (state.length > MAX_STATE_LENGTH) return undefined;
      const { jwtDecrypt } = await jose();
      try {
        const { payload } = await jwtDecrypt(state, key, {
          keyManagementAlgorithms: [ALGORITHMS.alg],
          contentEncryptionAlgorithms: [ALGORITHMS.enc],
          currentDate: new Date(now()),
          maxTokenAge: CONFIRMATION_TTL_SECONDS,
          requiredClaims: ['exp', 'iat'],
        });
        const { exp: _exp, iat: _iat, ...claims } = payload;
        const parsed = PendingConfirmation.safeParse(claims);
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** Who a confirmation belongs to: a digest of the credential, so the state never holds the credential itself. */
export function principalOf(credential: string): string {
  return createHash('sha256').update(credential).digest('base64url');
}
