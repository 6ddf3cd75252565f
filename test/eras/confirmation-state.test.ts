import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/api/schemas.js';
import { principalOf, stateSealer } from '../../src/mcp/request-state.js';
import { MeetingStore } from '../../src/sandbox/meeting-store.js';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../../src/sandbox/seed.js';
import { startHosted, type Hosted } from '../helpers/hosted.js';
import { modernPost, type ModernAnswer } from '../helpers/modern-request.js';

// Two people of one team: two keys, the same meetings.
const KEY_A = 'hc_live_state_a_0123456789abcdef';
const KEY_B = 'hc_live_state_b_0123456789abcdef';
const STATE_SECRET = 'x7Kp2Qm9Vt4Rz8Lw3Nc6Hb1Jf5Dg0Ys+Ae/Uo=Ti8Pq';
const OTHER_SECRET = 'Mw4Zr7Tq1Xk9Bn2Vc5Lp8Hd3Jf6Gs0Ya+Ue/Oi=Rt7Wq';

/**
 * 2026-07-28 delete confirmations (MRTR) on two hosted replicas that share HIRINGCENTER_STATE_SECRET: the
 * requestState is sealed, binds the credential, the tool, the meeting and ten minutes; any replica finishes a
 * genuine one exactly once, and any other state deletes nothing and asks again.
 */
describe('delete_meeting confirmed through input_required, across replicas', () => {
  let sandbox: SandboxApi;
  let replicas: Hosted[];
  let seeded: Meeting[];

  beforeAll(async () => {
    const store = new MeetingStore();
    sandbox = await startSandboxApi({ apiKey: KEY_A, store, otherAccounts: [{ apiKey: KEY_B, store }] });
    seeded = seedMeetings(store, { now: Date.now(), count: 12 });
    const env = { HIRINGCENTER_BASE_URL: sandbox.baseUrl, HIRINGCENTER_STATE_SECRET: STATE_SECRET };
    replicas = await Promise.all([startHosted(env), startHosted(env)]);
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await sandbox.close();
  });

  const deletes = () => sandbox.requests.filter((r) => r.method === 'DELETE').length;
  const accept = { confirm: { action: 'accept', content: { confirm: true } } };
  const deleteCall = (replica: number, key: string, meetingId: string, retry?: { requestState: string; inputResponses: object }) =>
    modernPost(replicas[replica]!.url, {
      key,
      method: 'tools/call',
      params: { name: 'delete_meeting', arguments: { meetingId }, ...retry },
    });
  const askedAgain = (answer: ModernAnswer) => {
    expect(answer.response?.result).toMatchObject({
      resultType: 'input_required',
      inputRequests: { confirm: { method: 'elicitation/create' } },
    });
    return String(answer.response?.result?.requestState);
  };

  it('asks first, sealed; the accepted retry on the other replica deletes exactly once', async () => {
    const before = deletes();
    const first = await deleteCall(0, KEY_A, seeded[0]!.id);
    const state = askedAgain(first);
    const question = (first.response?.result?.inputRequests as { confirm: { params: { message: string } } }).confirm.params.message;
    expect(question).toMatch(/^Delete the [\w-]+ meeting on \d{4}-\d{2}-\d{2} \w{3} \d{2}:\d{2}/);
    // Sealed, not signed: the state shows neither the key, its digest, nor the meeting.
    expect(state.split('.')).toHaveLength(5);
    for (const secret of [KEY_A, principalOf(KEY_A), seeded[0]!.id]) expect(state).not.toContain(secret);
    expect(deletes()).toBe(before);

    const done = await deleteCall(1, KEY_A, seeded[0]!.id, { requestState: state, inputResponses: accept });
    expect(done.response?.result).toMatchObject({ resultType: 'complete', structuredContent: { deleted: true } });
    expect(deletes()).toBe(before + 1);
  });

  it('declined or dismissed: nothing is sent, and the answer says so', async () => {
    const before = deletes();
    for (const action of ['decline', 'cancel'] as const) {
      const state = askedAgain(await deleteCall(0, KEY_A, seeded[1]!.id));
      const answer = await deleteCall(1, KEY_A, seeded[1]!.id, { requestState: state, inputResponses: { confirm: { action } } });
      expect(answer.response?.result).toMatchObject({ resultType: 'complete', structuredContent: { deleted: false } });
      const text = (answer.response?.result?.content as { text: string }[])[0]!.text;
      expect(text).toMatch(action === 'decline' ? /^Not deleted: the user declined/ : /^Not deleted: the user dismissed/);
    }
    // An accept whose box was left unticked is a no.
    const state = askedAgain(await deleteCall(0, KEY_A, seeded[1]!.id));
    const unticked = await deleteCall(0, KEY_A, seeded[1]!.id, {
      requestState: state,
      inputResponses: { confirm: { action: 'accept', content: { confirm: false } } },
    });
    expect(unticked.response?.result).toMatchObject({ structuredContent: { deleted: false } });
    expect(deletes()).toBe(before);
  });

  it('a forged, foreign, expired, other-credential or other-meeting state deletes nothing and asks again', async () => {
    const target = seeded[2]!.id;
    const genuine = askedAgain(await deleteCall(0, KEY_A, seeded[3]!.id));
    const pending = { principal: principalOf(KEY_A), tool: 'delete_meeting', meetingId: target };
    const states: Record<string, string> = {
      forged: 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC',
      'sealed by a server with another secret': await stateSealer(OTHER_SECRET).seal(pending),
      'sealed eleven minutes ago': await stateSealer(STATE_SECRET, () => Date.now() - 11 * 60_000).seal(pending),
      'for another meeting': genuine,
      'for another tool': await stateSealer(STATE_SECRET).seal({ ...pending, tool: 'update_meeting' }),
      tampered: genuine.slice(0, -4) + (genuine.endsWith('AAAA') ? 'BBBB' : 'AAAA'),
    };
    const before = deletes();
    for (const [why, requestState] of Object.entries(states)) {
      const answer = await deleteCall(1, KEY_A, target, { requestState, inputResponses: accept });
      expect(answer.status, why).toBe(200);
      const fresh = askedAgain(answer);
      expect(fresh, why).not.toBe(requestState);
    }
    // Another person's key, with A's genuine state for this very meeting.
    const forA = askedAgain(await deleteCall(0, KEY_A, target));
    askedAgain(await deleteCall(1, KEY_B, target, { requestState: forA, inputResponses: accept }));
    expect(deletes()).toBe(before);
    // The genuine state still works for A.
    const done = await deleteCall(1, KEY_A, target, { requestState: forA, inputResponses: accept });
    expect(done.response?.result).toMatchObject({ structuredContent: { deleted: true } });
    expect(deletes()).toBe(before + 1);
  });

  it('a client that declares no elicitation is not asked: the delete goes through as today', async () => {
    const before = deletes();
    const answer = await modernPost(replicas[0]!.url, {
      key: KEY_A,
      capabilities: {},
      method: 'tools/call',
      params: { name: 'delete_meeting', arguments: { meetingId: seeded[4]!.id } },
    });
    expect(answer.response?.result).toMatchObject({ resultType: 'complete', structuredContent: { deleted: true } });
    expect(deletes()).toBe(before + 1);
  });
});
