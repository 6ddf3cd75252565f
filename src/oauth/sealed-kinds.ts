import * as z from 'zod/v4';

/**
 * What each kind of sealed value holds, read and written with readable names. Sealed, every field has a short
 * claim name (`cid`, `ru`, …): a token travels in every request's Authorization header, so its bytes count. Each
 * kind is a zod codec between the two, so a value is checked both when it is sealed and when it is opened.
 */

/** A registration as a sealed client id keeps it (RFC 7591 fields; the SDK reads them back by these names). */
const registration = z.object({
  redirect_uris: z.array(z.string()),
  client_name: z.string().optional(),
  token_endpoint_auth_method: z.string().optional(),
  grant_types: z.array(z.string()).optional(),
  response_types: z.array(z.string()).optional(),
  scope: z.string().optional(),
});

/** One sign-in and every token refreshed from it. */
const grant = z.object({
  /** clientRef() of the client it was issued to. */
  clientRef: z.string(),
  /** The person's HiringCenter API key: what every call made with the grant spends. */
  apiKey: z.string(),
  /** The sign-in's family id: using a code or refresh token twice revokes the whole family. */
  family: z.string(),
});
const grantOnWire = z.object({ cid: z.string(), key: z.string(), fam: z.string() });
const grantCodec = z.codec(grantOnWire, grant, {
  decode: ({ cid, key, fam }) => ({ clientRef: cid, apiKey: key, family: fam }),
  encode: ({ clientRef, apiKey, family }) => ({ cid: clientRef, key: apiKey, fam: family }),
});

const authorizationCode = grant.extend({ redirectUri: z.string(), codeChallenge: z.string() });

/** An authorization request between the sign-in page and its form post (sign-in-request.ts says how it is guarded). */
const signInRequest = z.object({
  /** The client id as the client sent it (sealed registration or metadata document URL). */
  clientId: z.string(),
  redirectUri: z.string(),
  codeChallenge: z.string(),
  state: z.string().optional(),
  /** Also set as the cookie `cookieName`, which only this site sends. */
  csrf: z.string(),
  cookieName: z.string(),
});

const KINDS = {
  client: z.codec(z.object({ meta: registration }), z.object({ registration }), {
    decode: ({ meta }) => ({ registration: meta }),
    encode: ({ registration }) => ({ meta: registration }),
  }),
  'sign-in': z.codec(
    z.object({ cid: z.string(), ru: z.string(), cc: z.string(), st: z.string().optional(), csrf: z.string(), ck: z.string() }),
    signInRequest,
    {
      decode: ({ cid, ru, cc, st, csrf, ck }) => ({ clientId: cid, redirectUri: ru, codeChallenge: cc, state: st, csrf, cookieName: ck }),
      encode: ({ clientId, redirectUri, codeChallenge, state, csrf, cookieName }) => ({
        cid: clientId,
        ru: redirectUri,
        cc: codeChallenge,
        st: state,
        csrf,
        ck: cookieName,
      }),
    },
  ),
  code: z.codec(grantOnWire.extend({ ru: z.string(), cc: z.string() }), authorizationCode, {
    decode: ({ ru, cc, ...rest }) => ({ ...grantCodec.decode(rest), redirectUri: ru, codeChallenge: cc }),
    encode: ({ redirectUri, codeChallenge, ...rest }) => ({ ...grantCodec.encode(rest), ru: redirectUri, cc: codeChallenge }),
  }),
  access: grantCodec,
  refresh: grantCodec,
};

export type SealedKind = keyof typeof KINDS;
/** What a sealed value of kind K holds. */
export type SealedValue<K extends SealedKind> = z.output<(typeof KINDS)[K]>;
export type Grant = z.output<typeof grant>;
export type SignInRequest = z.output<typeof signInRequest>;
export type Registration = z.output<typeof registration>;

/** One kind's way to and from its claims; typed by kind, so a sealer needs no casts. */
interface KindCodec<V> {
  toClaims(value: V): Record<string, unknown>;
  /** The value, or undefined when the claims do not hold one of this kind. */
  fromClaims(claims: unknown): V | undefined;
}

function codecOf<V>(codec: {
  encode(value: V): Record<string, unknown>;
  safeDecode(claims: unknown): z.ZodSafeParseResult<V>;
}): KindCodec<V> {
  return {
    toClaims: (value) => codec.encode(value),
    fromClaims: (claims) => {
      const decoded = codec.safeDecode(claims);
      return decoded.success ? decoded.data : undefined;
    },
  };
}

export const SEALED_KINDS: { [K in SealedKind]: KindCodec<SealedValue<K>> } = {
  client: codecOf(KINDS.client),
  'sign-in': codecOf(KINDS['sign-in']),
  code: codecOf(KINDS.code),
  access: codecOf(KINDS.access),
  refresh: codecOf(KINDS.refresh),
};
