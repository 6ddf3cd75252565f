import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { EncryptJWT, errors as joseErrors, jwtDecrypt } from 'jose';
import { SEALED_KINDS, type SealedKind, type SealedValue } from './sealed-kinds.js';

/**
 * Everything OAuth hands out — client ids, the sign-in form's request, codes,
 * access and refresh tokens — is a JWE (`dir` + `A256GCM`) sealed with a key
 * derived from HIRINGCENTER_OAUTH_SECRET, so that every replica can open them all,
 * and nothing is stored. What a token is for is sealed inside it (`use`), so a
 * code is never taken as an access token. The prefix only says "ours": a
 * Bearer value that has it is never sent to HiringCenter as an API key. What
 * each kind holds is declared in sealed-kinds.ts, and checked both ways.
 */
export type SealedUse = SealedKind;

export const ISSUED_PREFIX = 'hcmcp_';
const PREFIXES: Record<SealedUse, string> = {
  client: `${ISSUED_PREFIX}client_`,
  'sign-in': `${ISSUED_PREFIX}signin_`,
  code: `${ISSUED_PREFIX}code_`,
  access: `${ISSUED_PREFIX}at_`,
  refresh: `${ISSUED_PREFIX}rt_`,
};

interface SealingKey {
  id: string;
  encryption: Uint8Array;
  /** For values derived from a sealed one (a confidential client's secret). */
  mac: Buffer;
}

export interface Opened<K extends SealedKind> {
  value: SealedValue<K>;
  /** This sealed value's own id (JWT `jti`): what "used once" is recorded by. */
  id: string;
  /** Epoch seconds, for values sealed with a lifetime. */
  expiresAt: number | undefined;
  /** The key that sealed it: derived values (a client's secret) are made with the same one. */
  keyId: string;
}

/** Why a sealed value was refused: its time is up, or it is not one of ours for this use (damaged, other secret, other audience). */
export class UnsealError extends Error {
  override readonly name = 'UnsealError';
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'has expired' : 'is not valid here (damaged, made with another secret, or for another server)');
  }
}

export class TokenSealer {
  private readonly current: SealingKey;
  private readonly keys: Map<string, SealingKey>;

  /** `previous`: the secret before the last rotation; what it sealed is still opened, never sealed again. */
  constructor(
    secret: string,
    previous: string | undefined,
    private readonly issuer: string,
  ) {
    this.current = deriveKey(secret);
    const older = previous === undefined ? [] : [deriveKey(previous)];
    this.keys = new Map([this.current, ...older].map((key) => [key.id, key]));
  }

  /** A sealed value for `use`, valid for `ttlSeconds` (none: until the secret is rotated out), for `audience` if given. */
  async seal<K extends SealedKind>(
    use: K,
    value: SealedValue<K>,
    options: { ttlSeconds?: number; audience?: string } = {},
  ): Promise<string> {
    const kind: { toClaims(value: SealedValue<K>): Record<string, unknown> } = SEALED_KINDS[use];
    const jwt = new EncryptJWT({ ...kind.toClaims(value), use })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: this.current.id })
      .setIssuer(this.issuer)
      .setIssuedAt()
      .setJti(randomBytes(16).toString('base64url'));
    if (options.ttlSeconds !== undefined) jwt.setExpirationTime(Math.floor(Date.now() / 1000) + options.ttlSeconds);
    if (options.audience !== undefined) jwt.setAudience(options.audience);
    return PREFIXES[use] + (await jwt.encrypt(this.current.encryption));
  }

  /** Opens a value sealed for `use` (and `audience`), or throws UnsealError. */
  async open<K extends SealedKind>(use: K, value: string, audience?: string): Promise<Opened<K>> {
    if (!value.startsWith(PREFIXES[use]) || value.length > MAX_SEALED_LENGTH) throw new UnsealError('invalid');
    let keyId = '';
    try {
      const { payload } = await jwtDecrypt(
        value.slice(PREFIXES[use].length),
        (header) => {
          const key = this.keys.get(String(header.kid));
          if (!key) throw new UnsealError('invalid');
          keyId = key.id;
          return key.encryption;
        },
        {
          issuer: this.issuer,
          audience,
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
          clockTolerance: 5,
        },
      );
      const kind: { fromClaims(claims: unknown): SealedValue<K> | undefined } = SEALED_KINDS[use];
      const opened = payload.use === use ? kind.fromClaims(payload) : undefined;
      if (opened === undefined || typeof payload.jti !== 'string') throw new UnsealError('invalid');
      return { value: opened, id: payload.jti, expiresAt: payload.exp, keyId };
    } catch (error) {
      if (error instanceof UnsealError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new UnsealError('expired');
      throw new UnsealError('invalid');
    }
  }

  /** A value only this server can derive from `data`, with the key that sealed it (e.g. a confidential client's secret). */
  derive(data: string, keyId = this.current.id): string {
    const key = this.keys.get(keyId) ?? this.current;
    return createHmac('sha256', key.mac).update(data).digest('base64url');
  }
}

/** What codes and tokens hold of their client: a digest, as a sealed client id is itself a few hundred bytes. */
export function clientRef(clientId: string): string {
  return createHash('sha256').update(clientId).digest('base64url').slice(0, 22);
}

// A sealed value is a few hundred bytes; anything far longer is refused before any crypto runs.
export const MAX_SEALED_LENGTH = 8192;

function deriveKey(secret: string): SealingKey {
  const material = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'hiringcenter-mcp oauth', info, 32));
  const encryption = new Uint8Array(material('token encryption v1'));
  return {
    id: createHash('sha256').update(encryption).digest('base64url').slice(0, 10),
    encryption,
    mac: material('derived values v1'),
  };
}
