import { randomBytes } from 'node:crypto';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../../src/sandbox/seed.js';
import { clientRef, TokenSealer } from '../../src/oauth/sealed-token.js';
import { startHosted, type Hosted } from '../helpers/hosted.js';
import { signInByForm } from '../helpers/oauth-client.js';
import { CALLBACK, OAuthFlow } from '../helpers/oauth-flow.js';

const KEY = 'hc_live_oauth_refusals_0123456789ab';
const SECRET = randomBytes(48).toString('base64');
const NEW_SECRET = randomBytes(48).toString('base64');

describe('OAuth refusals: each bad request gets the right OAuth error or 401, and nothing is issued', () => {
  let sandbox: SandboxApi;
  let hosted: Hosted;
  let origin: string;
  let flow: OAuthFlow;
  let sealer: TokenSealer;

  beforeAll(async () => {
    sandbox = await startSandboxApi({ apiKey: KEY });
    seedMeetings(sandbox.store, { now: Date.now(), count: 5 });
    hosted = await startHosted({ HIRINGCENTER_BASE_URL: sandbox.baseUrl, HIRINGCENTER_OAUTH_SECRET: SECRET });
    origin = new URL(hosted.url).origin;
    flow = await OAuthFlow.discover(origin, KEY);
    sealer = new TokenSealer(SECRET, undefined, `${origin}/`);
  });
  afterAll(async () => {
    await hosted.stop();
    await sandbox.close();
  });

  it("a wrong key on the page shows HiringCenter's answer there and issues nothing", async () => {
    const client = await flow.register();
    const wrongKey = 'hc_live_not_the_right_key_000000000';
    const answer = await signInByForm((await flow.authorization(client)).authorizationUrl, wrongKey);
    expect(answer.status).toBe(400);
    expect(answer.location).toBeNull();
    expect(answer.html).toMatch(/HiringCenter did not accept this key \(HTTP 401/);
    expect(answer.html).not.toContain(wrongKey);
    expect(answer.html).toContain('name="request"');
    expect(hosted.stderr()).not.toContain(wrongKey);
  });

  it('lets one sign-in form check at most 5 keys', async () => {
    const { authorizationUrl } = await flow.authorization(await flow.register());
    const page = await fetch(authorizationUrl);
    const html = await page.text();
    const request = /name="request" value="([^"]+)"/.exec(html)![1]!;
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    const post = (key: string) =>
      fetch(`${origin}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ request, api_key: key, decision: 'allow' }),
      });
    for (let guess = 0; guess < 5; guess += 1) expect((await post(`hc_live_guess_${guess}_000000000000000`)).status).toBe(400);
    const sixth = await post(KEY);
    expect(sixth.status).toBe(429);
    expect(await sixth.text()).toMatch(/checked 5 keys already/);
  });

  it('Cancel goes back to the app with access_denied and its state', async () => {
    const answer = await signInByForm((await flow.authorization(await flow.register())).authorizationUrl, '', 'deny');
    const back = new URL(answer.location!);
    expect(answer.status).toBe(303);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st-1');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('refuses a PKCE verifier that does not match the challenge', async () => {
    const client = await flow.register();
    const { code } = await flow.signedIn(client);
    await expect(flow.exchange(client, code, 'x'.repeat(64))).rejects.toMatchObject({ code: 'invalid_grant' });
  });

  it('takes a code once; a second use is refused and revokes what the first gave', async () => {
    const client = await flow.register();
    const { code, codeVerifier } = await flow.signedIn(client);
    const tokens = await flow.exchange(client, code, codeVerifier);
    expect(tokens.access_token).toMatch(/^hcmcp_at_/);
    await expect(flow.exchange(client, code, codeVerifier)).rejects.toMatchObject({ code: 'invalid_grant', message: /already used/ });
    await expect(flow.refresh(client, tokens)).rejects.toMatchObject({ code: 'invalid_grant', message: /revoked/ });
  });

  it('rotates refresh tokens: each works once, and reusing one revokes the sign-in', async () => {
    const client = await flow.register();
    const { code, codeVerifier } = await flow.signedIn(client);
    const first = await flow.exchange(client, code, codeVerifier);
    const second = await flow.refresh(client, first);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await flow.callMcp(second.access_token)).status).toBe(200);
    await expect(flow.refresh(client, first)).rejects.toMatchObject({ code: 'invalid_grant', message: /already used/ });
    await expect(flow.refresh(client, second)).rejects.toMatchObject({ code: 'invalid_grant', message: /revoked/ });
  });

  it('refuses a code or refresh token for another client, and a token request for another resource', async () => {
    const [client, other] = await Promise.all([flow.register(), flow.register()]);
    const { code, codeVerifier } = await flow.signedIn(client);
    await expect(flow.exchange(other, code, codeVerifier)).rejects.toMatchObject({ code: 'invalid_grant' });
    await expect(flow.exchange(client, code, codeVerifier, 'https://other.example/mcp')).rejects.toMatchObject({
      code: 'invalid_target',
    });
    // An authorization request for another resource goes back to the (registered) app with invalid_target.
    const { authorizationUrl } = await flow.authorization(client, 'https://other.example/mcp');
    const answer = await fetch(authorizationUrl, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    expect(new URL(answer.headers.get('location')!).searchParams.get('error')).toBe('invalid_target');
  });

  it('answers /mcp with 401 invalid_token for an expired, tampered, foreign-audience, other-secret or wrong-kind token — never asking HiringCenter', async () => {
    const client = await flow.register();
    const { code, codeVerifier } = await flow.signedIn(client);
    const good = (await flow.exchange(client, code, codeVerifier)).access_token;
    const claims = { clientRef: clientRef(client.client_id), apiKey: KEY, family: 'f' };
    const audience = `${origin}/mcp`;
    const middle = Math.floor(good.length / 2);
    const refused = {
      expired: await sealer.seal('access', claims, { ttlSeconds: -60, audience }),
      tampered: good.slice(0, middle) + (good[middle] === 'A' ? 'B' : 'A') + good.slice(middle + 1),
      'other audience': await sealer.seal('access', claims, { ttlSeconds: 600, audience: 'https://other.example/mcp' }),
      'other secret': await new TokenSealer(NEW_SECRET, undefined, `${origin}/`).seal('access', claims, { ttlSeconds: 600, audience }),
      'a code, not an access token': code,
      'prefix only': 'hcmcp_at_',
    };
    const before = sandbox.requests.length;
    expect((await flow.callMcp(good)).status).toBe(200);
    expect(sandbox.requests.length).toBe(before + 1);
    for (const [what, token] of Object.entries(refused)) {
      const answer = await flow.callMcp(token);
      expect(answer.status, what).toBe(401);
      expect(answer.headers.get('www-authenticate'), what).toMatch(
        new RegExp(
          `^Bearer error="invalid_token", error_description="[^"]+", resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp"$`,
        ),
      );
      if (what === 'expired') expect(answer.text).toMatch(/has expired/);
    }
    expect(sandbox.requests.length).toBe(before + 1);
  });

  it('shows an error page — and redirects nowhere — for an unregistered redirect URI or an unknown client', async () => {
    const client = await flow.register();
    const { authorizationUrl } = await flow.authorization(client);
    for (const [redirect, clientId] of [
      ['https://evil.example/callback', client.client_id],
      ['http://127.0.0.1:10/callback', client.client_id],
      [CALLBACK, `${client.client_id.slice(0, -4)}AAAA`],
      [CALLBACK, 'not-a-client'],
    ]) {
      const url = new URL(authorizationUrl);
      url.searchParams.set('redirect_uri', redirect!);
      url.searchParams.set('client_id', clientId!);
      const answer = await fetch(url, { redirect: 'manual' });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('location')).toBeNull();
      expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await answer.text()).toMatch(/Unknown (return address|app)/);
    }
  });

  it('registration refuses redirect URIs that cannot safely receive a code', async () => {
    for (const uri of ['javascript:alert(1)', 'http://example.com/callback', 'https://example.com/cb#frag', 'data:text/html,x']) {
      await expect(flow.register([uri]), uri).rejects.toMatchObject({
        status: 400,
        body: expect.stringContaining('"error":"invalid_client_metadata"'),
      });
    }
  });

  it('serves the page with a strict CSP, and refuses a form post without its cookie or from another origin', async () => {
    const { authorizationUrl } = await flow.authorization(await flow.register());
    const page = await fetch(authorizationUrl);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/form-action 'self' http:\/\/127\.0\.0\.1:9(;|$)/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    const html = await page.text();
    expect(html).not.toMatch(/<script/i);
    const request = /name="request" value="([^"]+)"/.exec(html)![1]!;
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    const post = (headers: Record<string, string>) =>
      fetch(`${origin}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ request, api_key: KEY, decision: 'allow' }),
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ cookie, origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ cookie: `${cookie.split('=')[0]}=forged` })).status).toBe(403);
    expect((await post({ cookie, origin })).status).toBe(303);
  });

  it('still takes a HiringCenter API key as the Bearer value beside OAuth', async () => {
    const client = new Client({ name: 'header-key', version: '1' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(hosted.url), { requestInit: { headers: { authorization: `Bearer ${KEY}` } } }),
    );
    const result = await client.callTool({ name: 'list_meetings', arguments: { limit: 1, maxResults: 1 } });
    expect(result.isError).toBeFalsy();
    await client.close();
    expect(hosted.stderr()).not.toContain(KEY);
  });

  it('reads tokens of the previous secret after a rotation, and refuses them once it is removed', async () => {
    const client = await flow.register();
    const { code, codeVerifier } = await flow.signedIn(client);
    const tokens = await flow.exchange(client, code, codeVerifier);
    const base = { HIRINGCENTER_BASE_URL: sandbox.baseUrl, HIRINGCENTER_PUBLIC_URL: origin };
    // Same public address, as replicas behind one balancer; only the secrets differ.
    const rotated = await startHosted({ ...base, HIRINGCENTER_OAUTH_SECRET: NEW_SECRET, HIRINGCENTER_OAUTH_PREVIOUS_SECRET: SECRET });
    const removed = await startHosted({ ...base, HIRINGCENTER_OAUTH_SECRET: NEW_SECRET });
    try {
      const call = (url: string) =>
        fetch(url, {
          method: 'POST',
          headers: {
            host: new URL(origin).host,
            authorization: `Bearer ${tokens.access_token}`,
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
          body: '{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}',
        });
      expect((await call(rotated.url)).status).toBe(200);
      expect((await call(removed.url)).status).toBe(401);
    } finally {
      await Promise.all([rotated.stop(), removed.stop()]);
    }
  });

  it("--sandbox with OAuth: the emulator's key, logged at start, signs in", async () => {
    const sandboxed = await startHosted({ HIRINGCENTER_OAUTH_SECRET: NEW_SECRET }, ['--sandbox']);
    try {
      // Logged just after the "listening" line startHosted waits for.
      const key = await vi.waitFor(() => /sign in with the emulator's key (\S+)/.exec(sandboxed.stderr())![1]!);
      const trial = await OAuthFlow.discover(new URL(sandboxed.url).origin, key);
      const { authorizationUrl } = await trial.authorization(await trial.register());
      expect((await signInByForm(authorizationUrl, 'hcsbx_not_the_emulators_key_000000')).status).toBe(400);
      expect((await signInByForm(authorizationUrl, key)).status).toBe(303);
    } finally {
      await sandboxed.stop();
    }
  });
});
