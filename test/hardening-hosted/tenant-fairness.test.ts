import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/api/limits.js';
import { startInProcessHosted, type InProcessHosted } from '../helpers/in-process-hosted.js';
import { fakeMeeting, startLyingApi, type LyingApi } from '../helpers/lying-api.js';
import { slowBodyPost, toolCallBody } from '../helpers/raw-http.js';

const KEY_A = 'hc_live_tenant_a_0123456789abcdef';
const KEY_B = 'hc_live_tenant_b_0123456789abcdef';
// The client's pool (HiringCenterClient's default).
const POOL = 16;
const page = { success: true, items: [fakeMeeting()], pagination: { totalCount: 1 } };

describe("one tenant's slow calls do not stall another's", () => {
  // Each of A's requests takes HOLD_MS at the API. With the 2 s attempt timeout below, A's 32 calls run in three
  // rounds on 12 sockets: the last round waits ~1.6 s for a socket and then takes 0.8 s. Were that wait counted
  // against the attempt, those calls would time out and be sent again.
  const HOLD_MS = 800;
  let api: LyingApi;
  let hosted: InProcessHosted;
  let inFlightA = 0;
  let mostInFlightA = 0;
  let doneA = 0;
  beforeAll(async () => {
    api = await startLyingApi(async (request) => {
      if (request.headers.authorization !== `Bearer ${KEY_A}`) return { body: page };
      inFlightA += 1;
      mostInFlightA = Math.max(mostInFlightA, inFlightA);
      await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
      inFlightA -= 1;
      doneA += 1;
      return { body: page };
    });
    hosted = await startInProcessHosted(api.baseUrl, { timeoutMs: 2_000, maxRetries: 3 });
  });
  afterAll(async () => {
    await hosted.close();
    await api.close();
  });

  it("B's single call is answered while A's 32 slow calls hold their share of the sockets", async () => {
    const callsA = Array.from({ length: 32 }, (_, i) =>
      slowBodyPost(hosted.url, toolCallBody(i + 1), { authorization: `Bearer ${KEY_A}`, delayMs: 0 }),
    );
    // A lone busy key uses the pool but the share it leaves for others: 16 − 4.
    const mostForA = POOL - LIMITS.socketsPerCredential;
    while (inFlightA < mostForA) await new Promise((resolve) => setTimeout(resolve, 10));

    const b = await slowBodyPost(hosted.url, toolCallBody(1), { authorization: `Bearer ${KEY_B}`, delayMs: 0 });
    expect(b.status).toBe(200);
    expect(b.body).toMatch(/"result":{"content"/);
    expect(b.body).not.toContain('"isError":true');
    // Answered before any of A's first round came back: B did not wait behind A.
    expect(doneA).toBe(0);

    // A's calls then go through 12 sockets at a time, each sent once: waiting was never an attempt.
    const answers = await Promise.all(callsA);
    expect(answers.every((answer) => answer.status === 200 && answer.body.includes('"structuredContent"'))).toBe(true);
    expect(mostInFlightA).toBe(mostForA);
    expect(api.requests.filter((request) => request.headers.authorization === `Bearer ${KEY_A}`)).toHaveLength(32);
    expect(hosted.api.sockets.load).toEqual({ active: 0, waiting: 0, tenants: 0 });
  });
});

describe('a cancel reaches only the sender’s own call', () => {
  let api: LyingApi;
  let hosted: InProcessHosted;
  let release: () => void = () => undefined;
  const TEAM_TOKEN = 'team-token-Q7vN2xR9kLmP4sT8wYzB3cD6fGhJ5aE1';
  const cancel = (requestId: number) =>
    JSON.stringify({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId, reason: 'late' } });
  beforeAll(async () => {
    api = await startLyingApi(async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return { body: page };
    });
    hosted = await startInProcessHosted(api.baseUrl, { token: TEAM_TOKEN, serverKey: KEY_A });
  });
  afterAll(async () => {
    await hosted.close();
    await api.close();
  });

  it('team-token mode: another member’s late notifications/cancelled with the same id stops nothing', async () => {
    const memberB = slowBodyPost(hosted.url, toolCallBody(5), { authorization: `Bearer ${TEAM_TOKEN}`, delayMs: 0 });
    while (api.requests.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    const late = await slowBodyPost(hosted.url, cancel(5), { authorization: `Bearer ${TEAM_TOKEN}`, delayMs: 0 });
    expect(late.status).toBe(202);
    release();
    const answer = await memberB;
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('"structuredContent"');
    expect(api.aborted()).toBe(0);
  });
});
