import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../../src/sandbox/seed.js';
import { dayInTwoMonths, phoneCallLike } from '../helpers/fixtures.js';
import { BIN, binEnv } from '../helpers/spawn-bin.js';

const KEY = 'hc_live_one_shot_0123456789abcdef';

/** Everything written at once and stdin closed straight after, as `printf '…' | hiringcenter-mcp` does. */
function pipedOnce(lines: object[], env: Record<string, string>): Promise<{ code: number | null; answers: Record<string, unknown>[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN], { env });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('close', (code) =>
      resolve({
        code,
        answers: stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      }),
    );
    child.stdin.end(lines.map((line) => JSON.stringify(line)).join('\n'));
  });
}

describe('a piped one-shot client (writes its requests, closes stdin at once)', () => {
  let api: SandboxApi;
  beforeAll(async () => {
    api = await startSandboxApi({ apiKey: KEY });
  });
  afterAll(() => api.close());

  it('gets every answer, and its create is sent exactly once — the last line needs no newline', async () => {
    const [meeting] = seedMeetings(api.store, { now: Date.now(), count: 1 });
    const before = api.requests.filter((request) => request.method === 'POST').length;
    const { code, answers } = await pipedOnce(
      [
        {
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'pipe', version: '1' } },
        },
        { jsonrpc: '2.0', method: 'notifications/initialized' },
        {
          jsonrpc: '2.0',
          id: 2,
          method: 'tools/call',
          params: { name: 'create_meeting', arguments: phoneCallLike(meeting!, `${dayInTwoMonths('Asia/Tokyo')}T10:00`, 'Asia/Tokyo') },
        },
      ],
      binEnv({ HIRINGCENTER_API_KEY: KEY, HIRINGCENTER_BASE_URL: api.baseUrl }),
    );
    expect(code).toBe(0);
    // Notifications may come between (a list changed); the answers are one per request, in order.
    const replies = answers.filter((answer) => 'id' in answer);
    expect(replies.map((answer) => answer.id)).toEqual([1, 2]);
    const created = replies[1]!.result as { isError?: boolean; content: { text: string }[] };
    expect(created.isError, created.content[0]?.text).toBeUndefined();
    expect(api.requests.filter((request) => request.method === 'POST').length - before).toBe(1);
  });
});
