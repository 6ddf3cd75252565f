import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signInPage } from '../../src/oauth/sign-in-page.js';
import { launchChromium } from '../helpers/oauth-client.js';
import { describeWith, missingChromium } from '../helpers/requirements.js';

// The README's picture of the sign-in page is this page as Chromium draws it, with the values a person would see
// when Claude connects. A change to the page fails here until the picture is made again (UPDATE_SCREENSHOTS=1).
const SCREENSHOT = new URL('../../docs/sign-in.png', import.meta.url);

describeWith([missingChromium()], 'docs/sign-in.png', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('is what the sign-in page looks like now', async () => {
    const { html } = signInPage({
      clientName: 'Claude',
      redirectUri: 'https://claude.ai/api/mcp/auth_callback',
      request: 'sealed-request',
      readOnly: false,
    });
    const page = await browser.newPage({ viewport: { width: 760, height: 900 } });
    await page.setContent(html);
    await page.fill('#api_key', 'hc_live_0123456789abcdef');
    const shot = await page.screenshot({ fullPage: true });
    await page.close();
    if (process.env.UPDATE_SCREENSHOTS) writeFileSync(SCREENSHOT, shot);
    expect(Buffer.compare(shot, readFileSync(SCREENSHOT)), 'docs/sign-in.png differs: UPDATE_SCREENSHOTS=1 npm test makes it again').toBe(
      0,
    );
  });
});
