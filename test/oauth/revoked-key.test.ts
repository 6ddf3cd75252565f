import { randomBytes } from 'node:crypto';
import { UnauthorizedError, Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHosted, type Hosted } from '../helpers/hosted.js';
import { fakeMeeting, startLyingApi, type LyingApi } from '../helpers/lying-api.js';
import { MemoryOAuthClient, signInByForm } from '../helpers/oauth-client.js';
import { CALLBACK, OAuthFlow } from '../helpers/oauth-flow.js';

const KEY = 'hc_live_soon_replaced_0123456789abcd';

describe('a key HiringCenter stops accepting sends the connector back to sign-in', () => {
  let api: LyingApi;
  let hosted: Hosted;
  let flow: OAuthFlow;
  let accepted = true;
  beforeAll(async () => {
    // HiringCenter, whose person replaces their key halfway through (the step the sign-in page suggests to end access).
    api = await startLyingApi((request) =>
      accepted && request.headers.authorization === `Bearer ${KEY}`
        ? { body: { success: true, items: [fakeMeeting()], pagination: { totalCount: 1 } } }
        : { status: 401, body: { error: { code: 'unauthorized', message: 'Invalid API key' } } },
    );
    hosted = await startHosted({ HIRINGCENTER_BASE_URL: api.baseUrl, HIRINGCENTER_OAUTH_SECRET: randomBytes(48).toString('base64') });
    flow = await OAuthFlow.discover(new URL(hosted.url).origin, KEY);
  });
  afterAll(async () => {
    await hosted.stop();
    await api.close();
  });

  it('tool calls with our token get HTTP 401 invalid_token, and refreshing gets invalid_grant', async () => {
    const client = await flow.register();
    const { code, codeVerifier } = await flow.signedIn(client);
    const tokens = await flow.exchange(client, code, codeVerifier);
    expect((await flow.callMcp(tokens.access_token)).status).toBe(200);

    accepted = false;
    const call = await flow.callMcp(tokens.access_token);
    expect(call.status).toBe(401);
    const challenge = call.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer error="invalid_token"/);
    expect(challenge).toContain('HiringCenter no longer accepts the API key this sign-in holds.');
    expect(challenge).toContain(`resource_metadata="${flow.origin}/.well-known/oauth-protected-resource/mcp"`);
    expect(call.text).not.toContain(KEY);

    await expect(flow.refresh(client, tokens)).rejects.toMatchObject({ code: 'invalid_grant' });
    expect(hosted.stderr()).not.toContain(KEY);
  });

  it("the SDK's own connector, refused mid-sign-in, goes back to asking the person to sign in", async () => {
    accepted = true;
    const connector = new MemoryOAuthClient(CALLBACK, 'Claude');
    const mcpUrl = new URL(hosted.url);
    await expect(
      new Client({ name: 'c', version: '1' }).connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: connector })),
    ).rejects.toThrow(UnauthorizedError);
    const answer = await signInByForm(connector.authorizationUrl ?? '', KEY);
    await new StreamableHTTPClientTransport(mcpUrl, { authProvider: connector }).finishAuth(new URL(answer.location ?? '').searchParams);
    const client = new Client({ name: 'c', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: connector }));
    expect((await client.callTool({ name: 'list_meetings', arguments: { limit: 1 } })).isError).toBeFalsy();

    accepted = false;
    connector.authorizationUrl = undefined;
    await expect(client.callTool({ name: 'list_meetings', arguments: { limit: 1 } })).rejects.toThrow(UnauthorizedError);
    // It tried to refresh, was told invalid_grant, and now asks the person to sign in again.
    const askedAgain = (): URL | undefined => connector.authorizationUrl;
    expect(askedAgain()?.pathname).toBe('/authorize');
    await client.close();
  });

  it('a header key (not a token of ours) still gets its tool error in a 200: there is no sign-in to go back to', async () => {
    accepted = false;
    const answer = await fetch(hosted.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_meetings","arguments":{"limit":1}}}',
    });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('"isError":true');
  });
});
