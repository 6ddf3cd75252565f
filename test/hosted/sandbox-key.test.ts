import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHosted, type Hosted } from '../helpers/hosted.js';
import { runBin } from '../helpers/spawn-bin.js';

const KEY = 'hcsbx_try_0123456789abcdef';

async function listWith(url: string, key: string): Promise<string> {
  const client = new Client({ name: 'sandbox-key-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
  try {
    const result = await client.callTool({ name: 'list_meetings', arguments: { limit: 1 } });
    return (result.content as { text: string }[])[0]?.text ?? '';
  } finally {
    await client.close();
  }
}

describe('--sandbox --http with HIRINGCENTER_SANDBOX_KEY: per-person keys, against the built-in emulator', () => {
  let hosted: Hosted;
  beforeAll(async () => {
    hosted = await startHosted({ HIRINGCENTER_SANDBOX_KEY: KEY }, ['--sandbox']);
  });
  afterAll(async () => {
    await hosted.stop();
  });

  it('asks every client for a key, takes the emulator key, and passes on what the emulator says of another', async () => {
    const bare = await fetch(hosted.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(bare.status).toBe(401);
    expect(await listWith(hosted.url, KEY)).toMatch(/^1 of 60 meetings/);
    expect(await listWith(hosted.url, 'hc_not_the_sandbox_key_0123')).toMatch(/rejected the API key \(HTTP 401\)/);
    expect(hosted.stderr()).not.toContain(KEY);
  });

  it('goes only with --sandbox', async () => {
    const alone = await runBin(['--http'], { PATH: process.env.PATH ?? '', HIRINGCENTER_SANDBOX_KEY: KEY });
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/HIRINGCENTER_SANDBOX_KEY is the emulator's key: it goes with --sandbox/);
  });
});
