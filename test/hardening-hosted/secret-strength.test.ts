import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { secretWeakness } from '../../src/secret-strength.js';
import { allTools } from '../../src/tools/index.js';

const TOOL_NAMES = allTools.map((tool) => tool.name);

describe('secrets are judged by estimated entropy, not by how many distinct characters they happen to use', () => {
  it('accepts every 32-byte secret openssl makes: hex, base64, base64url — 500 of each', () => {
    for (let i = 0; i < 500; i++) {
      const bytes = randomBytes(32);
      for (const secret of [bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url')])
        expect(secretWeakness(secret), secret).toBeUndefined();
    }
    // A hex secret that misses digits (a quarter of them miss at least one) was refused before.
    expect(secretWeakness('123456789abcdef'.repeat(5))).toBeUndefined();
  });

  it('refuses short, single-character and patterned secrets', () => {
    for (const secret of ['a'.repeat(32), 'a'.repeat(64), 'ab'.repeat(32), '0'.repeat(64), 'password', 'x'.repeat(200)])
      expect(secretWeakness(secret), secret).toBeDefined();
  });

  it('HIRINGCENTER_HTTP_TOKEN gets the same check: "a" × 32 is refused, openssl rand -hex 32 taken', () => {
    const http = (token: string) =>
      loadConfig({ HIRINGCENTER_API_KEY: 'hc_live_server_key_0123456789', HIRINGCENTER_HTTP_TOKEN: token }, ['--http'], TOOL_NAMES);
    expect(() => http('a'.repeat(32))).toThrow(ConfigError);
    expect(() => http('a'.repeat(32))).toThrow(/HIRINGCENTER_HTTP_TOKEN is too weak \(.*\); make one with `openssl rand -hex 32`/);
    const token = randomBytes(32).toString('hex');
    expect(http(token).command).toMatchObject({ kind: 'http', token });
  });

  it('HIRINGCENTER_OAUTH_SECRET: a hex secret missing a digit starts the server', () => {
    const secret = 'fedcba987654321'.repeat(5);
    expect(loadConfig({ HIRINGCENTER_OAUTH_SECRET: secret }, ['--http'], TOOL_NAMES).command).toMatchObject({ oauth: { secret } });
  });
});
