import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import type { AuthInfo, OAuthClientInformationFull, OAuthTokenRevocationRequest, OAuthTokens } from '@modelcontextprotocol/server';
import { InvalidGrantError, InvalidTargetError, InvalidTokenError } from '@modelcontextprotocol/server-legacy/auth';
import type { AuthorizationParams, OAuthServerProvider } from '@modelcontextprotocol/server-legacy/auth';
import { LIFETIMES, type OAuthContext } from './oauth-context.js';
import type { Grant, SignInRequest } from './sealed-kinds.js';
import { clientRef, UnsealError, type Opened } from './sealed-token.js';
import { csrfCookie } from './sign-in-request.js';
import { send, signInPage, unknownReturnAddress } from './sign-in-page.js';

/**
 * The SDK's OAuthServerProvider over sealed values: the SDK's handlers parse
 * requests, authenticate clients, check PKCE and write OAuth errors; this
 * decides what a code, access token and refresh token hold and when they are
 * refused. A grant ("family": one sign-in and every token refreshed from it)
 * is revoked as a whole when a code or refresh token is used twice.
 */
export function sealedGrantProvider(ctx: OAuthContext): OAuthServerProvider & { openAccess: OpenAccess } {
  const { sealer, usedOnce } = ctx;

  async function issueTokens({ clientRef, apiKey, family }: Grant): Promise<OAuthTokens> {
    const grant = { clientRef, apiKey, family };
    const [access, refresh] = await Promise.all([
      sealer.seal('access', grant, { ttlSeconds: LIFETIMES.accessSeconds, audience: ctx.resource }),
      sealer.seal('refresh', grant, { ttlSeconds: LIFETIMES.refreshSeconds, audience: ctx.resource }),
    ]);
    return { access_token: access, token_type: 'Bearer', expires_in: LIFETIMES.accessSeconds, refresh_token: refresh };
  }

  async function openGrant<K extends 'code' | 'refresh'>(use: K, value: string, client: OAuthClientInformationFull): Promise<Opened<K>> {
    try {
      const opened = await sealer.open(use, value, ctx.resource);
      if (opened.value.clientRef !== clientRef(client.client_id))
        throw new InvalidGrantError(`This ${WHAT[use]} was issued to another client.`);
      return opened;
    } catch (error) {
      if (!(error instanceof UnsealError)) throw error;
      throw new InvalidGrantError(`The ${WHAT[use]} ${error.message}; sign in again.`);
    }
  }

  /** The grant inside one of our access tokens: what the SDK's verifier and the hosted server's sign-in check both read. */
  async function openAccess(token: string): Promise<Grant & { expiresAt: number | undefined }> {
    const { value, expiresAt } = await sealer.open('access', token, ctx.resource);
    return { ...value, expiresAt };
  }

  function checkResource(resource: URL | undefined): void {
    if (resource !== undefined && !sameResource(resource.href, ctx.resource)) {
      throw new InvalidTargetError(`This server's tokens are for ${ctx.resource} only, not ${resource.href}.`);
    }
  }

  const revoke = (family: string) => usedOnce.claim(`revoked:${family}`, LIFETIMES.refreshSeconds * 1000);

  return {
    clientsStore: ctx.clients,
    openAccess,

    async authorize(client, params: AuthorizationParams, res: Response) {
      // The SDK lets a loopback redirect differ in port (RFC 8252 §7.3); here it must be exactly one registered.
      if (!client.redirect_uris.includes(params.redirectUri)) {
        return send(res, unknownReturnAddress());
      }
      checkResource(params.resource);
      const request: SignInRequest = {
        clientId: client.client_id,
        redirectUri: params.redirectUri,
        codeChallenge: params.codeChallenge,
        state: params.state,
        csrf: randomBytes(18).toString('base64url'),
        cookieName: `hcmcp_csrf_${randomBytes(6).toString('hex')}`,
      };
      const sealed = await sealer.seal('sign-in', request, { ttlSeconds: LIFETIMES.signInSeconds });
      res.setHeader('set-cookie', csrfCookie(request.cookieName, request.csrf, ctx.origin.startsWith('https:'), LIFETIMES.signInSeconds));
      send(
        res,
        signInPage({
          clientName: client.client_name,
          redirectUri: params.redirectUri,
          request: sealed,
          readOnly: ctx.readOnly,
        }),
      );
    },

    async challengeForAuthorizationCode(client, code) {
      return (await openGrant('code', code, client)).value.codeChallenge;
    },

    async exchangeAuthorizationCode(client, code, _verifier, redirectUri, resource) {
      const { value: grant, id } = await openGrant('code', code, client);
      if (redirectUri !== undefined && redirectUri !== grant.redirectUri) {
        throw new InvalidGrantError('redirect_uri is not the one the authorization request named.');
      }
      checkResource(resource);
      if (!(await usedOnce.claim(`code:${id}`, LIFETIMES.codeSeconds * 2000))) {
        // OAuth 2.1 §4.1.2: a code used twice may have been stolen; what it gave is revoked.
        await revoke(grant.family);
        throw new InvalidGrantError('This authorization code was already used; sign in again.');
      }
      return issueTokens(grant);
    },

    async exchangeRefreshToken(client, refreshToken, _scopes, resource) {
      const { value: grant, id, expiresAt } = await openGrant('refresh', refreshToken, client);
      checkResource(resource);
      if (await usedOnce.claimed(`revoked:${grant.family}`)) throw new InvalidGrantError('This sign-in was revoked; sign in again.');
      // Checked once per refresh (hourly at most): a key the person replaced ends the sign-in, so the connector asks
      // them to sign in again. A check that could not reach HiringCenter does not end it.
      const check = await ctx.checkKey(grant.apiKey);
      if (!check.ok && check.error.refused) {
        await revoke(grant.family);
        throw new InvalidGrantError('HiringCenter no longer accepts the API key this sign-in holds; sign in again.');
      }
      const remainingMs = Math.max(1000, (expiresAt ?? 0) * 1000 - Date.now());
      if (!(await usedOnce.claim(`refresh:${id}`, remainingMs))) {
        await revoke(grant.family);
        throw new InvalidGrantError('This refresh token was already used (each works once); sign in again.');
      }
      return issueTokens(grant);
    },

    async verifyAccessToken(token): Promise<AuthInfo> {
      try {
        const grant = await openAccess(token);
        return {
          token,
          clientId: grant.clientRef,
          scopes: [],
          expiresAt: grant.expiresAt,
          resource: new URL(ctx.resource),
          extra: { apiKey: grant.apiKey },
        };
      } catch (error) {
        if (!(error instanceof UnsealError)) throw error;
        throw new InvalidTokenError(`The access token ${error.message}.`);
      }
    },

    // RFC 7009: revoking either token ends the sign-in at its next refresh; an access token lives on until it expires (1 h).
    async revokeToken(client, request: OAuthTokenRevocationRequest) {
      for (const use of ['refresh', 'access'] as const) {
        const opened = await sealer.open(use, request.token, ctx.resource).catch(() => undefined);
        if (opened && opened.value.clientRef === clientRef(client.client_id)) await revoke(opened.value.family);
      }
    },
  };
}

/** Opens one of our access tokens, or throws UnsealError (damaged, expired, another audience or secret). */
export type OpenAccess = (token: string) => Promise<Grant & { expiresAt: number | undefined }>;

const WHAT = { code: 'authorization code', refresh: 'refresh token' } as const;

/** RFC 8707 compares resource URIs as given; only a trailing slash is let go. */
function sameResource(a: string, b: string): boolean {
  return a.replace(/\/$/, '') === b.replace(/\/$/, '');
}
