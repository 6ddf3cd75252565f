// npm run icon: icon.png (512×512), the Claude Desktop bundle's icon, rendered from the server's own SVG
// (src/mcp/icon.ts) in Debian's Chromium, so the bundle and the MCP icon are one picture. A test checks they match.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ICON_SVG } from '../src/mcp/icon.js';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(
  `<html><body style="margin:0;background:transparent">${ICON_SVG.replace('<svg ', '<svg width="512" height="512" ')}</body></html>`,
);
writeFileSync('icon.png', await page.locator('svg').screenshot({ omitBackground: true }));
await browser.close();
console.log('icon.png: 512×512, rendered from src/mcp/icon.ts');
