import { MiB } from '../../src/byte-size.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTED_LIMITS } from '../../src/hosted-limits.js';
import { startInProcessHosted, type InProcessHosted } from '../helpers/in-process-hosted.js';
import { slowBodyPost, stalledUpload, toolCallBody } from '../helpers/raw-http.js';
import { startHarness, TEST_KEY, type Harness } from '../helpers/harness.js';

describe('what a caller can make the hosted server hold while bodies arrive', () => {
  let h: Harness;
  let hosted: InProcessHosted;
  beforeAll(async () => {
    h = await startHarness({ seedCount: 5 });
    hosted = await startInProcessHosted(h.sandbox.baseUrl, { maxPerCredential: 4, bodyDeadlineMs: 600 });
  });
  afterAll(async () => {
    await hosted.close();
    await h.close();
  });

  it('stalled uploads: counted against their credential before the body is read, and given up at the body deadline', async () => {
    const uploads = Array.from({ length: 40 }, () =>
      stalledUpload(hosted.url, { authorization: 'Bearer one-person-key-0123456789', declaredBytes: MiB, sentBytes: MiB - 1 }),
    );
    const statuses = (await Promise.all(uploads)).map((answer) => answer.status);
    // 4 slots: the other 36 are refused at once, before a byte of their bodies is held; the 4 stalled ones time out.
    expect(statuses.filter((status) => status === 429)).toHaveLength(36);
    expect(statuses.filter((status) => status === 408)).toHaveLength(4);
    // The slots came back: the same credential is served again.
    const after = await slowBodyPost(hosted.url, toolCallBody(1), { authorization: `Bearer ${TEST_KEY}`, delayMs: 0 });
    expect(after.status).toBe(200);
  });

  it('a client still sending an oversized body gets its 413, not a reset connection (ten times over)', async () => {
    for (let i = 0; i < 10; i++) {
      const answer = await fetch(hosted.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${TEST_KEY}` },
        body: `"${'x'.repeat(2 * MiB)}"`,
      });
      expect(answer.status).toBe(413);
      expect(await answer.text()).toMatch(/over 1 MiB/);
    }
  });

  it('bytes being received are bounded across the whole process (many credentials, each a stalled 1 MiB body)', async () => {
    const callers = Math.ceil(HOSTED_LIMITS.receivingBytes / MiB) + 6;
    const uploads = Array.from({ length: callers }, (_, i) =>
      stalledUpload(hosted.url, { authorization: `Bearer stranger-${i}-0123456789abcdef`, declaredBytes: MiB, sentBytes: 16 }),
    );
    const answers = await Promise.all(uploads);
    const busy = answers.filter((answer) => answer.status === 503);
    expect(busy.length).toBeGreaterThanOrEqual(6);
    expect(busy.every((answer) => answer.retryAfter === '1')).toBe(true);
    expect(answers.filter((answer) => answer.status === 408).length).toBeLessThanOrEqual(HOSTED_LIMITS.receivingBytes / MiB);
  });
});

describe('HIRINGCENTER_HTTP_MAX_CONCURRENT holds while bodies arrive', () => {
  let h: Harness;
  let hosted: InProcessHosted;
  beforeAll(async () => {
    h = await startHarness({ seedCount: 5 });
    hosted = await startInProcessHosted(h.sandbox.baseUrl, { maxPerCredential: 2 });
  });
  afterAll(async () => {
    await hosted.close();
    await h.close();
  });

  it('limit 2, twelve calls whose bodies come 300 ms after their headers: two run, ten are refused', async () => {
    const calls = Array.from({ length: 12 }, (_, i) =>
      slowBodyPost(hosted.url, toolCallBody(i + 1), { authorization: `Bearer ${TEST_KEY}`, delayMs: 300 }),
    );
    const statuses = (await Promise.all(calls)).map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(2);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
  });
});
