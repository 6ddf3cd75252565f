import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { isPublicAddress } from '../../src/oauth/public-address.js';
import { HOSTED_LIMITS } from '../../src/hosted-limits.js';
import { startClientSite } from '../helpers/client-site.js';
import { authorizeUrl } from '../helpers/oauth-flow.js';
import { startHosted, type Hosted } from '../helpers/hosted.js';

describe('which addresses a client metadata document may be fetched from', () => {
  it('allows public IPv4 and IPv6 addresses, including public ones embedded in IPv6', () => {
    for (const address of [
      '93.184.216.34',
      '8.8.8.8',
      '1.1.1.1',
      '2606:4700:4700::1111',
      '::ffff:93.184.216.34',
      '64:ff9b::808:808',
      '2002:5db8:d822::1',
    ])
      expect(isPublicAddress(address), address).toBe(true);
  });

  it('refuses private, loopback, link-local and reserved addresses, and IPv6 forms that reach them', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:169.254.169.254',
      '::127.0.0.1',
      '64:ff9b::127.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '64:ff9b::7f00:1',
      '2002:7f00:1::',
      '2002:a9fe:a9fe::1',
      '2001:0:4136:e378::1',
      'not-an-address',
    ])
      // prettier-ignore
      expect(isPublicAddress(address), address).toBe(false);
  });
});

describe('client metadata document fetches end, and give their slot back, however the site misbehaves', () => {
  let sandbox: SandboxApi;
  let site: Awaited<ReturnType<typeof startClientSite>>;
  let hosted: Hosted;
  const authorize = async (clientId: string) => {
    const answer = await fetch(authorizeUrl(new URL(hosted.url).origin, clientId), { redirect: 'manual' });
    return { status: answer.status, text: await answer.text() };
  };
  beforeAll(async () => {
    sandbox = await startSandboxApi({ apiKey: 'hc_live_fetch_bounds_0123456789' });
    site = await startClientSite();
    hosted = await startHosted({
      HIRINGCENTER_BASE_URL: sandbox.baseUrl,
      HIRINGCENTER_OAUTH_SECRET: randomBytes(48).toString('base64'),
      HIRINGCENTER_OAUTH_PRIVATE_CLIENT_DOCUMENTS: 'true',
      NODE_EXTRA_CA_CERTS: site.certFile,
    });
  });
  afterAll(async () => {
    await hosted.stop();
    site.server.close();
    await sandbox.close();
  });

  it('a connection dropped after the headers settles the fetch: more such fetches than slots, and a good client still signs in', async () => {
    const dropped = await Promise.all(
      Array.from({ length: HOSTED_LIMITS.clientDocumentFetches * 2 }, (_, i) => authorize(`${site.origin}/drop.json?n=${i}`)),
    );
    for (const answer of dropped) expect(answer.text).toMatch(/closed before the document was complete|fetching many apps/);
    const good = await authorize(`${site.origin}/client.json`);
    expect(good.status).toBe(200);
    expect(good.text).toContain('Doc Client');
  });

  it('a document sent a byte at a time is given up at one overall deadline; while slots are busy, the page says to try again', async () => {
    const slow = Array.from({ length: HOSTED_LIMITS.clientDocumentFetches }, (_, i) => authorize(`${site.origin}/trickle.json?n=${i}`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const busy = await authorize(`${site.origin}/client.json?busy`);
    expect(busy.status).toBe(503);
    expect(busy.text).toMatch(/Try again in a minute/);
    expect(busy.text).not.toMatch(/Remove the connector/);
    for (const answer of await Promise.all(slow)) expect(answer.text).toMatch(/did not arrive within 5 s/);
    expect((await authorize(`${site.origin}/client.json`)).status).toBe(200);
  });
});
