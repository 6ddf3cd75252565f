import {
  discoverAuthorizationServerMetadata,
  exchangeAuthorization,
  refreshAuthorization,
  registerClient,
  startAuthorization,
} from '@modelcontextprotocol/client';
import type { AuthorizationServerMetadata, OAuthClientInformationFull, OAuthTokens } from '@modelcontextprotocol/client';
import { expect } from 'vitest';
import { signInByForm } from './oauth-client.js';

export const CALLBACK = 'http://127.0.0.1:9/callback';

/** A GET /authorize URL for `clientId` coming back to `redirectUri`, with a well-formed (if unused) PKCE challenge. */
export function authorizeUrl(origin: string, clientId: string, redirectUri = CALLBACK): URL {
  const url = new URL('/authorize', origin);
  const params = {
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    code_challenge: 'x'.repeat(43),
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}

/** One OAuth connector's steps against a hosted server, through the SDK's client functions, signing in with `key`. */
export class OAuthFlow {
  /** The `iss` each code came back with (RFC 9207): the exchange hands it on for the SDK to check, as a connector does. */
  private readonly issuerOf = new Map<string, string>();

  private constructor(
    readonly origin: string,
    readonly metadata: AuthorizationServerMetadata,
    readonly key: string,
  ) {}

  static async discover(origin: string, key: string): Promise<OAuthFlow> {
    // The issuer as the protected resource metadata names it (an origin plus "/"): RFC 8414 §3.3 wants it exact.
    const metadata = await discoverAuthorizationServerMetadata(new URL(origin).href);
    if (!metadata) throw new Error(`no authorization server metadata at ${origin}`);
    return new OAuthFlow(origin, metadata, key);
  }

  register(redirectUris = [CALLBACK]): Promise<OAuthClientInformationFull> {
    return registerClient(this.origin, {
      metadata: this.metadata,
      clientMetadata: { client_name: 'Refusals', redirect_uris: redirectUris, token_endpoint_auth_method: 'none' },
    });
  }

  authorization(client: OAuthClientInformationFull, resource = `${this.origin}/mcp`) {
    return startAuthorization(this.origin, {
      metadata: this.metadata,
      clientInformation: client,
      redirectUrl: CALLBACK,
      resource: new URL(resource),
      state: 'st-1',
    });
  }

  async signedIn(client: OAuthClientInformationFull): Promise<{ code: string; codeVerifier: string }> {
    const { authorizationUrl, codeVerifier } = await this.authorization(client);
    const answer = await signInByForm(authorizationUrl, this.key);
    expect(answer.status).toBe(303);
    const query = new URL(answer.location ?? '').searchParams;
    const code = query.get('code') ?? '';
    this.issuerOf.set(code, query.get('iss') ?? '');
    return { code, codeVerifier };
  }

  exchange(client: OAuthClientInformationFull, code: string, codeVerifier: string, resource = `${this.origin}/mcp`): Promise<OAuthTokens> {
    return exchangeAuthorization(this.origin, {
      metadata: this.metadata,
      clientInformation: client,
      authorizationCode: code,
      iss: this.issuerOf.get(code),
      codeVerifier,
      redirectUri: CALLBACK,
      resource: new URL(resource),
    });
  }

  refresh(client: OAuthClientInformationFull, tokens: OAuthTokens): Promise<OAuthTokens> {
    return refreshAuthorization(this.origin, {
      metadata: this.metadata,
      clientInformation: client,
      refreshToken: tokens.refresh_token ?? '',
      resource: new URL(`${this.origin}/mcp`),
    });
  }

  /** One tools/call, read to its end. */
  async callMcp(token: string): Promise<{ status: number; headers: Headers; text: string }> {
    const answer = await fetch(`${this.origin}/mcp`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_meetings","arguments":{"limit":1,"maxResults":1}}}',
    });
    return { status: answer.status, headers: answer.headers, text: await answer.text() };
  }
}
