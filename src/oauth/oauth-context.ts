import type { Result } from '../result.js';
import type { Logger } from '../log.js';
import type { ClientRegistry } from './client-registry.js';
import type { TokenSealer } from './sealed-token.js';
import type { UsedOnce } from './used-once.js';

/** What the authorization server's parts share: built once per process, the same on every replica. */
export interface OAuthContext {
  /** The public origin (HIRINGCENTER_PUBLIC_URL, or the address listened on). */
  origin: string;
  /** RFC 8414 issuer: the origin as a URL (`https://host/`), as the SDK's metadata writes it. */
  issuer: string;
  /** RFC 8707 resource this server's tokens are for: the MCP endpoint. */
  resource: string;
  sealer: TokenSealer;
  clients: ClientRegistry;
  usedOnce: UsedOnce;
  readOnly: boolean;
  /** One `GET /meetings?limit=1` with the key: whether HiringCenter accepts it, and its answer if not. */
  checkKey(key: string): Promise<KeyCheck>;
  log: Logger;
  /** Told how each sign-in form ended (hosted metrics). */
  onSignIn(outcome: SignInOutcome): void;
}

/** How one sent sign-in form ended: a code issued, or why not. A bounded set: a metric's labels. */
export type SignInOutcome = 'signed_in' | 'denied' | 'key_refused' | 'not_a_key' | 'too_many_tries' | 'form_refused' | 'unknown_client';

/** HiringCenter's word on a key: accepted; or not, with `refused` when it said the key itself is no good (401/403). */
export type KeyCheck = Result<void, { message: string; refused: boolean }>;

/** How long each sealed value lives. */
export const LIFETIMES = {
  /** The sign-in page's form. */
  signInSeconds: 10 * 60,
  codeSeconds: 60,
  accessSeconds: 60 * 60,
  /** Each refresh gives a new one: a connector in use stays signed in; one idle this long signs in again. */
  refreshSeconds: 30 * 24 * 60 * 60,
} as const;

/** From HIRINGCENTER_OAUTH_* and HIRINGCENTER_REDIS_URL (config.ts): no database, so everything lives in tokens sealed with these secrets. */
export interface OAuthSettings {
  secret: string;
  /** The secret before the last rotation: tokens it sealed are still read (never made) until it is removed. */
  previousSecret: string | undefined;
  /** Redis for what must be shared by replicas: codes and refresh tokens used once. Without it, this process alone. */
  redisUrl: string | undefined;
  /** Fetch Client ID Metadata Documents from private and loopback addresses too (clients inside the network). */
  allowPrivateClientDocuments: boolean;
}
