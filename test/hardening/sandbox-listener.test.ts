import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startSandboxApi } from '../../src/sandbox/sandbox-api.js';
import { MeetingStore } from '../../src/sandbox/meeting-store.js';
import { SAMPLE_CREATE_BODY } from '../helpers/fixtures.js';
import { RawSession, binEnv } from '../helpers/spawn-bin.js';

// Item 8: the --sandbox listener is the emulator on a loopback port; only its own process may use it.

describe('the sandbox listener of the bin', () => {
  it('does not accept a fixed, guessable key', async () => {
    const session = new RawSession(['--sandbox'], binEnv());
    await session.initialize();
    const url = /at (http:\/\/127\.0\.0\.1:\d+\/v2)/.exec(session.stderr)?.[1];
    expect(url, session.stderr).toBeDefined();
    for (const key of ['sandbox-key', 'sandbox', '']) {
      const response = await fetch(`${url}/meetings`, { headers: { authorization: `Bearer ${key}` } });
      expect(response.status, key).toBe(401);
    }
    // The server itself still reaches it.
    const list = await session.request('tools/call', { name: 'list_meetings', arguments: { limit: 1 } });
    expect((list.result as { isError?: boolean }).isError).toBeUndefined();
    await session.close();
  });
});

describe('the emulator', () => {
  it('answers a wrong key before reading the body', async () => {
    const sandbox = await startSandboxApi({ apiKey: 'right-key-0123456789' });
    try {
      const url = new URL(`${sandbox.baseUrl}/meetings`);
      // Announce 1 MiB, send 1 KiB, then wait: a 401 must come without the rest of the body.
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            headers: { authorization: 'Bearer wrong', 'content-type': 'application/json', 'content-length': 1024 * 1024 },
          },
          (res) => resolve(res.statusCode ?? 0),
        );
        req.on('error', reject);
        req.write('x'.repeat(1024));
        setTimeout(() => reject(new Error('no answer before the body was complete')), 3_000);
      });
      expect(status).toBe(401);
      expect(sandbox.requests.every((r) => r.body === '')).toBe(true);
    } finally {
      await sandbox.close();
    }
  });

  it('holds a bounded number of meetings and idempotency entries', async () => {
    const store = new MeetingStore(Date.now, { maxMeetings: 3 });
    const key = { id: 'k', name: 'k' };
    for (let i = 0; i < 3; i++) store.create({ ...SAMPLE_CREATE_BODY, meetingDate: SAMPLE_CREATE_BODY.meetingDate + i }, key);
    expect(() => store.create(SAMPLE_CREATE_BODY, key)).toThrow(/holds at most 3 meetings/);
    expect(store.size).toBe(3);
  });
});
