import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHosted, type Hosted } from '../helpers/hosted.js';
import { authorizeUrl } from '../helpers/oauth-flow.js';

describe('Dynamic Client Registration refuses, in a sentence, what it could not serve later', () => {
  let hosted: Hosted;
  const register = async (metadata: object) => {
    const answer = await fetch(new URL('/register', hosted.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(metadata),
    });
    return { status: answer.status, body: (await answer.json()) as { error?: string; error_description?: string; client_id?: string } };
  };
  beforeAll(async () => {
    hosted = await startHosted({ HIRINGCENTER_OAUTH_SECRET: randomBytes(48).toString('base64') }, ['--sandbox']);
  });
  afterAll(() => hosted.stop());

  it('refuses a registration whose sealed client id would be too long to use, and takes a modest one', async () => {
    const long = (n: number) => `https://app.example.com/callback/${n}/${'x'.repeat(1_950)}`;
    for (const count of [3, 10]) {
      const answer = await register({
        client_name: 'Big',
        redirect_uris: Array.from({ length: count }, (_, i) => long(i)),
        token_endpoint_auth_method: 'none',
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_client_metadata');
      expect(answer.body.error_description).toMatch(
        /makes a client id of \d+ characters, over the 8192 this server accepts; register fewer or shorter redirect_uris\.$/,
      );
    }
    const modest = await register({ client_name: 'Small', redirect_uris: [long(1)], token_endpoint_auth_method: 'none' });
    expect(modest.status).toBe(201);
    // And the id it got is one /authorize reads.
    const url = authorizeUrl(new URL(hosted.url).origin, modest.body.client_id ?? '', long(1));
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(200);
  });

  it('explains a refused redirect or field in one sentence, never as zod issue JSON', async () => {
    for (const metadata of [
      { redirect_uris: ['javascript:alert(1)'] },
      { redirect_uris: ['http://evil.example.com/cb'] },
      { redirect_uris: 'https://app.example.com/cb' },
      { redirect_uris: [42] },
      { redirect_uris: ['https://app.example.com/cb'], grant_types: 'authorization_code' },
      {},
    ]) {
      const answer = await register(metadata);
      expect(answer.status, JSON.stringify(metadata)).toBe(400);
      expect(answer.body.error).toBe('invalid_client_metadata');
      const description = answer.body.error_description ?? '';
      expect(description, description).not.toMatch(/[[{]\s*"/);
      expect(description, description).toMatch(/^[^\n]{8,300}\.$/);
    }
  });
});
