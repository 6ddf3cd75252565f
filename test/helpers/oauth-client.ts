import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OAuthClientProvider, OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/client';
import type { Browser } from 'playwright-core';
import { chromiumPath } from './requirements.js';

/** A connector's side of OAuth, kept in memory: what Claude or ChatGPT keeps per user. */
export class MemoryOAuthClient implements OAuthClientProvider {
  information: OAuthClientInformationMixed | undefined;
  saved: OAuthTokens | undefined;
  authorizationUrl: URL | undefined;
  private verifier = '';

  constructor(
    private readonly callback: string,
    private readonly name = 'Test Connector',
    /** Set: the client is identified by this metadata document URL instead of registering. */
    readonly clientMetadataUrl?: string,
  ) {}

  get redirectUrl(): string {
    return this.callback;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.name,
      redirect_uris: [this.callback],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  clientInformation() {
    return this.information;
  }
  saveClientInformation(information: OAuthClientInformationMixed) {
    this.information = information;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  /** What connectors do when the server says their grant or client is gone: forget it, so the person is asked again. */
  invalidateCredentials(scope: 'all' | 'client' | 'tokens' | 'verifier') {
    if (scope === 'all' || scope === 'tokens') this.saved = undefined;
    if (scope === 'all' || scope === 'client') this.information = undefined;
    if (scope === 'all' || scope === 'verifier') this.verifier = '';
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

export interface Callback {
  url: string;
  /** The query of the next request the browser makes to the callback. */
  next(): Promise<URLSearchParams>;
  close(): Promise<void>;
}

/** Where the sign-in sends the browser back: the connector's own callback page. */
export async function startCallback(): Promise<Callback> {
  let waiting: ((query: URLSearchParams) => void) | undefined;
  const server = createServer((req, res) => {
    waiting?.(new URL(req.url ?? '/', 'http://callback').searchParams);
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('You can close this window.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`,
    next: () => new Promise((resolve) => (waiting = resolve)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface FormAnswer {
  status: number;
  location: string | null;
  html: string;
  headers: Headers;
}

/** The sign-in page and its form, over plain HTTP (as a browser without JavaScript sends them). */
export async function signInByForm(authorizationUrl: URL | string, key: string, decision: 'allow' | 'deny' = 'allow'): Promise<FormAnswer> {
  const page = await fetch(authorizationUrl, { redirect: 'manual' });
  const html = await page.text();
  const request = /name="request" value="([^"]+)"/.exec(html)?.[1];
  if (page.status !== 200 || !request) throw new Error(`no sign-in form (${page.status}): ${html.slice(0, 300)}`);
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
  const origin = new URL(authorizationUrl).origin;
  const answer = await fetch(`${origin}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request, api_key: key, decision }),
  });
  return { status: answer.status, location: answer.headers.get('location'), html: await answer.text(), headers: answer.headers };
}

/** Debian's Chromium, headless, with nothing that reaches for the network on its own (the flags the machine's notes give). */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
