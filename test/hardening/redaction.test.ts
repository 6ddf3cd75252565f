import { describe, expect, it } from 'vitest';
import { fakeMeeting, lyingApiSuite } from '../helpers/lying-api.js';

// Item 2: the key is redacted from every output path, and redacted before anything is cut.

const KEY = 'hc_live_Zq8w3Nv5Kt2Lm7Rb4Xy6Pc9Hd1Gf0Js3Ae5Ui8'; // 44 characters
const suite = lyingApiSuite({ apiKey: KEY, maxRetries: 0 });

/** Every piece of the key long enough to matter. */
function expectNoKey(text: string): void {
  expect(text).not.toContain(KEY.slice(0, 12));
  expect(text).not.toContain(KEY.slice(-12));
  expect(text).not.toContain(KEY.slice(16, 28));
}

describe('an API that echoes the key', () => {
  const echoing = () =>
    fakeMeeting({
      notes: `Key in use: ${KEY}`,
      location: KEY,
      createdByApi: true,
      createdBy: null,
      createdByApiKeyName: `key ${KEY}`,
      debug: { authorization: `Bearer ${KEY}`, nested: [KEY] },
    });

  it('in a meeting: neither the text nor structuredContent of get_meeting and list_meetings show it', async () => {
    const meeting = echoing();
    suite.fake.answer((request) =>
      request.path.endsWith('/meetings')
        ? { body: { success: true, items: [meeting, echoing()] } }
        : { body: { success: true, item: meeting } },
    );
    for (const [name, args] of [
      ['get_meeting', { meetingId: meeting.id }],
      ['list_meetings', {}],
    ] as const) {
      const result = await suite.server.call(name, args);
      expect(result.isError, result.text).toBe(false);
      expectNoKey(result.text);
      expectNoKey(JSON.stringify(result.structured));
      expect(JSON.stringify(result.structured)).toContain('[redacted]');
    }
  });

  it('in a mutation answer and the delete confirmation', async () => {
    const meeting = echoing();
    suite.fake.answer((request) => ({
      status: request.method === 'POST' && request.path.endsWith('/meetings') ? 201 : 200,
      body: { success: true, item: meeting, message: `deleted with ${KEY}` },
    }));
    const updated = await suite.server.call('update_meeting', { meetingId: meeting.id, notes: 'x' });
    expect(updated.isError, updated.text).toBe(false);
    expectNoKey(updated.text);
    expectNoKey(JSON.stringify(updated.structured));
    const deleted = await suite.server.call('delete_meeting', { meetingId: meeting.id });
    expectNoKey(deleted.text);
    expectNoKey(JSON.stringify(deleted.structured));
    const preview = await suite.server.call('delete_meeting', { meetingId: meeting.id, dryRun: true });
    expectNoKey(preview.text);
  });

  it("in the call's own arguments echoed back (a dry run's changes)", async () => {
    const meeting = fakeMeeting();
    suite.fake.answer(() => ({ body: { success: true, item: meeting } }));
    const preview = await suite.server.call('update_meeting', { meetingId: meeting.id, notes: `pasted ${KEY}`, dryRun: true });
    expect(preview.isError, preview.text).toBe(false);
    expectNoKey(preview.text);
    expectNoKey(JSON.stringify(preview.structured));
  });

  it('in an error body, where the key straddles the point the message is cut at', async () => {
    for (let at = 470; at <= 500; at += 5) {
      suite.fake.answer(() => ({
        status: 400,
        body: { success: false, error: { code: 'bad', message: `${'x'.repeat(at)}${KEY} and more` } },
      }));
      const result = await suite.server.call('list_meetings', {});
      expect(result.isError).toBe(true);
      expectNoKey(result.text);
      expectNoKey(JSON.stringify(result.structured));
    }
  });
});
