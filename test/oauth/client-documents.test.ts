import { randomBytes } from 'node:crypto';
import { UnauthorizedError, Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../../src/sandbox/seed.js';
import { startHosted, type Hosted } from '../helpers/hosted.js';
import { CALLBACK, startClientSite } from '../helpers/client-site.js';
import { MemoryOAuthClient, signInByForm } from '../helpers/oauth-client.js';
import { authorizeUrl } from '../helpers/oauth-flow.js';

const KEY = 'hc_live_client_documents_0123456789';

describe('Client ID Metadata Documents: an https client_id is fetched, checked and used without registration', () => {
  let sandbox: SandboxApi;
  let site: Awaited<ReturnType<typeof startClientSite>>;
  let inside: Hosted;
  let strict: Hosted;

  beforeAll(async () => {
    sandbox = await startSandboxApi({ apiKey: KEY });
    seedMeetings(sandbox.store, { now: Date.now(), count: 4 });
    site = await startClientSite();
    const env = {
      HIRINGCENTER_BASE_URL: sandbox.baseUrl,
      HIRINGCENTER_OAUTH_SECRET: randomBytes(48).toString('base64'),
      NODE_EXTRA_CA_CERTS: site.certFile,
    };
    // The client's site is on loopback here, so one server is told to fetch from private addresses and one is not.
    [inside, strict] = await Promise.all([startHosted({ ...env, HIRINGCENTER_OAUTH_PRIVATE_CLIENT_DOCUMENTS: 'true' }), startHosted(env)]);
  });
  afterAll(async () => {
    await Promise.all([inside.stop(), strict.stop()]);
    site.server.close();
    await sandbox.close();
  });

  it('signs in a client known only by its document URL, and calls a tool', async () => {
    const connector = new MemoryOAuthClient(CALLBACK, 'ignored', `${site.origin}/client.json`);
    const mcpUrl = new URL(inside.url);
    await expect(
      new Client({ name: 'c', version: '1' }).connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: connector })),
    ).rejects.toThrow(UnauthorizedError);
    expect(connector.information?.client_id).toBe(`${site.origin}/client.json`);
    const answer = await signInByForm(connector.authorizationUrl!, KEY);
    expect(answer.status).toBe(303);
    await new StreamableHTTPClientTransport(mcpUrl, { authProvider: connector }).finishAuth(new URL(answer.location!).searchParams);
    const client = new Client({ name: 'c', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: connector }));
    expect((await client.callTool({ name: 'list_meetings', arguments: { limit: 1, maxResults: 1 } })).isError).toBeFalsy();
    await client.close();
  });

  it('refuses a document whose client_id is another URL, a redirect, and — by default — a private address', async () => {
    const page = async (server: Hosted, clientId: string) => {
      const answer = await fetch(authorizeUrl(new URL(server.url).origin, clientId), { redirect: 'manual' });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('location')).toBeNull();
      return answer.text();
    };
    expect(await page(inside, `${site.origin}/other-id.json`)).toMatch(/client_id is not the URL it was fetched from/);
    expect(await page(inside, `${site.origin}/moved.json`)).toMatch(/HTTP 302 \(redirects are not followed\)/);
    expect(await page(strict, `${site.origin}/client.json`)).toMatch(/is a private address/);
  });
});
