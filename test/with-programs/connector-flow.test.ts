import { randomBytes } from 'node:crypto';
import { UnauthorizedError, Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../../src/sandbox/seed.js';
import { startHosted, type Hosted } from '../helpers/hosted.js';
import { launchChromium, MemoryOAuthClient, startCallback, type Callback } from '../helpers/oauth-client.js';
import { startRedis, type RedisServer } from '../helpers/redis-server.js';
import { startSwitchProxy, type SwitchProxy } from '../helpers/switch-proxy.js';
import { describeWith, missingChromium, missingRedis } from '../helpers/requirements.js';

const KEY = 'hc_live_oauth_flow_0123456789abcdef';
const SECRET = randomBytes(48).toString('base64');

const text = (result: Awaited<ReturnType<Client['callTool']>>) => (result.content as { text: string }[])[0]!.text;
const originOf = (mcpUrl: string) => new URL(mcpUrl).origin;

describeWith(
  [missingChromium(), missingRedis()],
  'a connector added by URL: discovery, registration, sign-in in Chromium, tokens on two replicas',
  () => {
    let sandbox: SandboxApi;
    let redis: RedisServer;
    let proxy: SwitchProxy;
    let replicas: Hosted[];
    let callback: Callback;
    let browser: Browser;

    beforeAll(async () => {
      sandbox = await startSandboxApi({ apiKey: KEY });
      seedMeetings(sandbox.store, { now: Date.now(), count: 12 });
      [redis, callback, browser] = await Promise.all([startRedis(), startCallback(), launchChromium()]);
      proxy = await startSwitchProxy('http://127.0.0.1:9');
      const env = {
        HIRINGCENTER_BASE_URL: sandbox.baseUrl,
        HIRINGCENTER_OAUTH_SECRET: SECRET,
        HIRINGCENTER_PUBLIC_URL: proxy.origin,
        HIRINGCENTER_REDIS_URL: redis.url,
      };
      replicas = await Promise.all([startHosted(env), startHosted(env)]);
      proxy.switchTo(originOf(replicas[0]!.url));
    });
    afterAll(async () => {
      // Settled, not all: whatever failed to start, everything that did start is stopped.
      await Promise.allSettled([...(replicas ?? []).map((replica) => replica.stop()), browser?.close(), callback?.close(), proxy?.close()]);
      await Promise.allSettled([redis?.stop(), sandbox?.close()]);
    });

    it(
      'signs in through the page, calls list_meetings, then refreshes and calls again on the other replica',
      { timeout: 60_000 },
      async () => {
        const connector = new MemoryOAuthClient(callback.url, 'Claude');
        const mcpUrl = new URL('/mcp', proxy.origin);

        // 1. Unauthenticated: the 401 names the metadata; the SDK discovers, registers, and asks to open the authorization URL.
        await expect(
          new Client({ name: 'connector', version: '1' }).connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: connector })),
        ).rejects.toThrow(UnauthorizedError);
        expect(connector.information?.client_id).toMatch(/^hcmcp_client_/);
        const authorizationUrl = connector.authorizationUrl!;
        expect(authorizationUrl.origin).toBe(proxy.origin);
        expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
        expect(authorizationUrl.searchParams.get('resource')).toBe(`${proxy.origin}/mcp`);

        // 2. The person's browser: the page names the client and where it goes back to; the key goes in one password field.
        const page = await browser.newPage({ viewport: { width: 760, height: 900 } });
        const shown = await page.goto(authorizationUrl.href);
        expect(shown?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
        await expect(page.locator('h1').textContent()).resolves.toBe('Connect to HiringCenter');
        expect(await page.locator('main').textContent()).toContain('Claude asks to use your HiringCenter meetings');
        expect(await page.locator('code').textContent()).toBe(callback.url);
        expect(await page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as unknown as { type: string }).type))).toEqual([
          'hidden',
          'password',
        ]);
        await page.fill('#api_key', KEY);
        const returned = callback.next();
        await page.click('button[value=allow]');
        const query = await returned;
        expect(query.get('iss')).toBe(`${proxy.origin}/`);
        expect(page.url()).toMatch(new RegExp(`^${callback.url}\\?`));
        expect(page.url()).not.toContain(KEY);
        await page.close();

        // 3. The code is exchanged (PKCE verifier, resource) and the tools answer.
        await new StreamableHTTPClientTransport(mcpUrl, { authProvider: connector }).finishAuth(query);
        expect(connector.saved?.access_token).toMatch(/^hcmcp_at_/);
        expect(connector.saved?.refresh_token).toMatch(/^hcmcp_rt_/);
        const client = new Client({ name: 'connector', version: '1' });
        await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: connector }));
        expect(text(await client.callTool({ name: 'list_meetings', arguments: { limit: 3, maxResults: 3 } }))).toMatch(/^3 of 12 meetings/);
        await client.close();

        // 4. Replica one goes away; the balancer sends everything to replica two. The access token is spent, so the
        //    connector refreshes there (a token sealed by one replica, read by another) and calls again.
        await replicas[0]!.stop();
        proxy.switchTo(originOf(replicas[1]!.url));
        const firstRefresh = connector.saved!.refresh_token;
        connector.saved = { ...connector.saved!, access_token: 'hcmcp_at_spent' };
        const again = new Client({ name: 'connector', version: '1' });
        await again.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: connector }));
        expect(text(await again.callTool({ name: 'list_meetings', arguments: { limit: 2, maxResults: 2 } }))).toMatch(/^2 of 12 meetings/);
        await again.close();
        expect(connector.saved?.refresh_token).not.toBe(firstRefresh);
        // Log lines are written as each response closes, which can be just after the client has read it.
        await vi.waitFor(() => {
          expect(replicas[1]!.stderr()).toMatch(/"method":"POST","path":"\/token",[^}]*"status":200/);
          expect(replicas[1]!.stderr()).toMatch(/"path":"\/mcp","rpc":"tools\/call","tool":"list_meetings","status":200/);
        });

        // Every API request carried the person's key; no log line ever did.
        expect(sandbox.requests.length).toBeGreaterThan(0);
        expect(sandbox.requests.every((request) => request.headers.authorization === `Bearer ${KEY}`)).toBe(true);
        for (const replica of replicas) expect(replica.stderr()).not.toContain(KEY);
      },
    );
  },
);
