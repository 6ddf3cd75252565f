import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTED_LIMITS } from '../../src/hosted-limits.js';
import { KeyCheckLimit } from '../../src/oauth/key-check-limit.js';
import { startHosted, type Hosted } from '../helpers/hosted.js';
import { authorizeUrl } from '../helpers/oauth-flow.js';

describe('sign-in key guessing is limited per client address and overall, and a new form does not reset it', () => {
  it('counts per address (one spelling per address) and overall, in a sliding minute, and says when to come back', () => {
    const limit = new KeyCheckLimit(3, 5);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) expect(limit.take(i % 2 ? '::ffff:10.0.0.1' : '10.0.0.1', t0 + i)).toEqual({ ok: true });
    expect(limit.take('10.0.0.1', t0 + 10_000)).toEqual({ ok: false, error: { retryAfterSeconds: 50 } });
    expect(limit.take('10.0.0.2', t0 + 10_000)).toEqual({ ok: true });
    expect(limit.take('10.0.0.3', t0 + 10_000)).toEqual({ ok: true });
    // Five taken in the minute: everyone waits, whatever their address.
    expect(limit.take('10.0.0.4', t0 + 20_000)).toEqual({ ok: false, error: { retryAfterSeconds: 40 } });
    expect(limit.take('10.0.0.1', t0 + 60_001)).toEqual({ ok: true });
  });

  describe('over HTTP', () => {
    let hosted: Hosted;
    beforeAll(async () => {
      hosted = await startHosted({ HIRINGCENTER_OAUTH_SECRET: randomBytes(48).toString('base64') }, ['--sandbox']);
    });
    afterAll(() => hosted.stop());

    it(`answers 429 with Retry-After past ${HOSTED_LIMITS.signInChecksPerAddressPerMinute} checks a minute from one address, across fresh forms`, async () => {
      const origin = new URL(hosted.url).origin;
      const callback = 'http://127.0.0.1:9/callback';
      const registered = (await (
        await fetch(`${origin}/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ client_name: 'Guesser', redirect_uris: [callback], token_endpoint_auth_method: 'none' }),
        })
      ).json()) as { client_id: string };
      const freshForm = async () => {
        const page = await fetch(authorizeUrl(origin, registered.client_id, callback));
        const request = /name="request" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
        const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        return (key: string) =>
          fetch(`${origin}/sign-in`, {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ request, api_key: key, decision: 'allow' }),
          });
      };
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let form = 0; form < 5; form++) {
        const post = await freshForm();
        for (let guess = 0; guess < 5; guess++) {
          last = await post(`hc_live_guess_${form}_${guess}_0000000000000`);
          statuses.push(last.status);
          if (last.status === 429) break;
        }
        if (last?.status === 429) break;
      }
      expect(statuses.filter((status) => status === 400)).toHaveLength(HOSTED_LIMITS.signInChecksPerAddressPerMinute);
      expect(last?.status).toBe(429);
      expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await last?.text()).toMatch(/Too many keys were checked here in the last minute\. Wait \d+ s/);
    });
  });
});
