import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ICON_SVG } from '../../src/mcp/icon.js';
import { launchChromium } from '../helpers/oauth-client.js';
import { describeWith, missingChromium } from '../helpers/requirements.js';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as { icon: string };

describeWith([missingChromium()], 'the icon', () => {
  it("the Claude Desktop bundle's icon.png is the server's SVG, rendered (npm run icon after changing it)", async () => {
    expect(manifest.icon).toBe('icon.png');
    const png = readFileSync(new URL('../../icon.png', import.meta.url)).toString('base64');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      // Both drawn at 512×512 in the same browser; pixels compared with room for anti-aliasing.
      const mismatch = (await page.evaluate(`(async () => {
        const draw = async (src) => {
          const image = new Image();
          image.src = src;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = 512;
          const context = canvas.getContext('2d');
          context.drawImage(image, 0, 0, 512, 512);
          return context.getImageData(0, 0, 512, 512).data;
        };
        const a = await draw('data:image/svg+xml;base64,${Buffer.from(ICON_SVG).toString('base64')}');
        const b = await draw('data:image/png;base64,${png}');
        let off = 0;
        for (let i = 0; i < a.length; i += 4) {
          if (Math.max(Math.abs(a[i] - b[i]), Math.abs(a[i + 1] - b[i + 1]), Math.abs(a[i + 2] - b[i + 2]), Math.abs(a[i + 3] - b[i + 3])) > 24) off += 1;
        }
        return off / (512 * 512);
      })()`)) as number;
      expect(mismatch).toBeLessThan(0.01);
    } finally {
      await browser.close();
    }
  });
});
