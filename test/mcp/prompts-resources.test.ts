import { ProtocolError } from '@modelcontextprotocol/server';
import type { LoggingMessageNotification } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Meeting } from '../../src/api/schemas.js';
import { FIXED_NOW, TEST_KEY, connectServer, startHarness, type Harness } from '../helpers/harness.js';

const text = (result: { messages: { content: { type: string; text?: string } }[] }) => result.messages[0]!.content.text!;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedCount: 40 });
});
afterAll(() => h.close());

describe('prompts', () => {
  it('lists the three jobs with their arguments and the icon', async () => {
    const { prompts } = await h.client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['weekly_agenda', 'schedule_interview', 'reschedule_meeting']);
    expect(prompts[0]!.arguments).toEqual([
      { name: 'ownerId', description: 'Whose meetings (a user id).', required: true },
      { name: 'timeZone', description: 'Zone to show the week in, e.g. "Europe/Berlin".', required: true },
      { name: 'week', description: 'Any date in the week, e.g. "2026-12-07" (default: this week).', required: false },
    ]);
    for (const prompt of prompts) expect(prompt.icons?.[0]?.src).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('weekly_agenda: the week around a date (or this week), one list_meetings call, clashes and gaps', async () => {
    const agenda = text(
      await h.client.getPrompt({ name: 'weekly_agenda', arguments: { ownerId: 'owner-1', timeZone: 'Europe/Berlin', week: '2025-03-12' } }),
    );
    expect(agenda).toContain("Show owner owner-1's week from Mon 2025-03-10 to Sun 2025-03-16, in Europe/Berlin.");
    expect(agenda).toContain(
      'Call list_meetings with {"ownerId":"owner-1","meetingDateAfter":"2025-03-10","meetingDateBefore":"2025-03-17","timeZone":"Europe/Berlin","maxResults":200}.',
    );
    expect(agenda).toMatch(/less than 30 minutes apart/);
    expect(agenda).toMatch(/never convert between zones/);
    // Without a week: the one "now" falls in, in that zone (FIXED_NOW is Wednesday 2025-03-05).
    expect(text(await h.client.getPrompt({ name: 'weekly_agenda', arguments: { ownerId: 'owner-1', timeZone: 'Asia/Tokyo' } }))).toContain(
      'from Mon 2025-03-03 to Sun 2025-03-09',
    );
  });

  it('schedule_interview: checks the day, proposes, creates only after agreement', async () => {
    const plan = text(
      await h.client.getPrompt({
        name: 'schedule_interview',
        arguments: { prospectId: 'p-7', ownerId: 'owner-1', day: '2025-03-12', timeZone: 'America/New_York', time: '9:30' },
      }),
    );
    expect(plan).toContain('Schedule a virtual interview (prospect and owner below) on Wed 2025-03-12 at about 09:30 in America/New_York.');
    expect(plan).toContain('"meetingDateAfter":"2025-03-12","meetingDateBefore":"2025-03-13"');
    expect(plan).toMatch(
      /Only after I agree, call create_meeting with \{"prospectId":"p-7","ownerId":"owner-1","meetingType":"virtual","meetingDate":"2025-03-12T<HH:MM>"/,
    );
  });

  it('reschedule_meeting: get, check the day, preview with dryRun, then update', async () => {
    const id = h.seeded[0]!.id;
    const plan = text(
      await h.client.getPrompt({ name: 'reschedule_meeting', arguments: { meetingId: id, meetingDate: '2025-03-14T11:00' } }),
    );
    expect(plan).toContain(`call update_meeting with {"meetingId":"${id}","meetingDate":"2025-03-14T11:00","dryRun":true}`);
    expect(plan).toMatch(/in the meeting's own time zone/);
  });

  it('refuses bad or missing arguments with the field and the fix', async () => {
    await expect(h.client.getPrompt({ name: 'weekly_agenda', arguments: { ownerId: 'o', timeZone: 'EST' } })).rejects.toThrow(
      /weekly_agenda: timeZone: "EST" is an abbreviation, not an IANA time zone\. Use an IANA name such as "America\/New_York"/,
    );
    await expect(h.client.getPrompt({ name: 'weekly_agenda', arguments: { timeZone: 'UTC' } })).rejects.toThrow(/ownerId: is required/);
    await expect(
      h.client.getPrompt({ name: 'schedule_interview', arguments: { prospectId: 'p', ownerId: 'o', day: '2025-02-30', timeZone: 'UTC' } }),
    ).rejects.toThrow(/day: "2025-02-30" is not a calendar date/);
    await expect(h.client.getPrompt({ name: 'nope' })).rejects.toThrow(/No prompt "nope" here\. Prompts: weekly_agenda/);
  });

  it('read-only: only the prompt that changes nothing is offered', async () => {
    const readOnly = await connectServer(h.sandbox.baseUrl, { readOnly: true });
    try {
      expect((await readOnly.client.listPrompts()).prompts.map((p) => p.name)).toEqual(['weekly_agenda']);
      await expect(readOnly.client.getPrompt({ name: 'schedule_interview', arguments: {} })).rejects.toThrow(
        /No prompt "schedule_interview"/,
      );
    } finally {
      await readOnly.close();
    }
  });
});

describe('resources', () => {
  it("lists the templates: a meeting, an owner's and a prospect's upcoming meetings", async () => {
    const { resourceTemplates } = await h.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual([
      'hiringcenter://meetings/{meetingId}',
      'hiringcenter://owners/{ownerId}/meetings',
      'hiringcenter://prospects/{prospectId}/meetings',
    ]);
    for (const template of resourceTemplates) expect(template.icons).toHaveLength(1);
  });

  it('reads a meeting as get_meeting shows it, with its JSON beside', async () => {
    const meeting = h.seeded[3]!;
    const uri = `hiringcenter://meetings/${meeting.id}`;
    const { contents } = await h.client.readResource({ uri });
    const tool = await h.call('get_meeting', { meetingId: meeting.id });
    expect(contents).toHaveLength(2);
    expect(contents[0]).toEqual({ uri, mimeType: 'text/plain', text: tool.text });
    expect(contents[1]!.mimeType).toBe('application/json');
    expect(JSON.parse((contents[1] as { text: string }).text)).toEqual(tool.structured);
  });

  it("reads an owner's and a prospect's next 30 days, as list_meetings shows them", async () => {
    const meeting = h.seeded.find((m) => m.meetingDate > FIXED_NOW)!;
    for (const [uri, field] of [
      [`hiringcenter://owners/${meeting.ownerId}/meetings`, 'ownerId'],
      [`hiringcenter://prospects/${meeting.prospectId}/meetings`, 'prospectId'],
    ] as const) {
      const { contents } = await h.client.readResource({ uri });
      const { meetings } = JSON.parse((contents[1] as { text: string }).text) as { meetings: Meeting[] };
      expect(meetings.length).toBeGreaterThan(0);
      for (const shown of meetings) {
        expect(shown[field]).toBe(meeting[field]);
        expect(shown.meetingDate).toBeGreaterThanOrEqual(FIXED_NOW);
        expect(shown.meetingDate).toBeLessThan(FIXED_NOW + 30 * 86_400_000);
      }
      expect((contents[0] as { text: string }).text).toMatch(/meetings/);
    }
  });

  // The v2 SDK answers a missing resource -32602 on every revision (-32002 is only tolerated on receipt).
  it('a deleted meeting reads as a clear not-found (-32602); a bad URI says what the resources are', async () => {
    const victim = h.seeded[5]!;
    expect((await h.call('delete_meeting', { meetingId: victim.id })).isError).toBe(false);
    const error = await h.client.readResource({ uri: `hiringcenter://meetings/${victim.id}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe(-32602);
    expect((error as ProtocolError).message).toMatch(/No meeting with id .* It may have been deleted .*call list_meetings/);
    await expect(h.client.readResource({ uri: 'hiringcenter://calendars/x' })).rejects.toThrow(
      /resources here are hiringcenter:\/\/meetings\/\{meetingId\}/,
    );
    await expect(h.client.readResource({ uri: 'hiringcenter://meetings/%E0%A4%A' })).rejects.toThrow(/meetingId/);
  });

  it("resources/list is the caller's next meetings from the API, soonest first, the same from any server instance", async () => {
    const day = 24 * 60 * 60 * 1000;
    // What the API holds now (a meeting was deleted above), read straight from it.
    const window = { meetingDateAfter: FIXED_NOW, meetingDateBefore: FIXED_NOW + 14 * day, limit: 200 };
    const upcoming = (await h.api.listMeetings(window)).items.toSorted((a, b) => a.meetingDate - b.meetingDate).slice(0, 10);
    expect(upcoming.length).toBeGreaterThan(0);
    const { resources } = await h.client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(upcoming.map((m) => `hiringcenter://meetings/${m.id}`));
    expect(resources[0]!.title).toMatch(/^\w+ meeting, \d{4}-\d{2}-\d{2} \w{3} \d{2}:\d{2}/);
    // A server that has shown nothing yet (another replica, a new process) lists the same.
    const other = await connectServer(h.sandbox.baseUrl);
    expect((await other.client.listResources()).resources).toEqual(resources);
    await other.close();
    // Nothing changes lists at run time, so none is announced.
    expect(h.client.getServerCapabilities()?.resources).toEqual({});
  });
});

describe('completion', () => {
  const complete = (ref: { type: 'ref/prompt'; name: string } | { type: 'ref/resource'; uri: string }, name: string, value: string) =>
    h.client.complete({ ref, argument: { name, value } }).then((r) => r.completion.values);
  const agenda = { type: 'ref/prompt', name: 'weekly_agenda' } as const;

  it('completes zones by prefix, by city, and by a city the database names by a neighbour', async () => {
    expect(await complete(agenda, 'timeZone', 'Europe/Be')).toEqual(expect.arrayContaining(['Europe/Berlin', 'Europe/Belgrade']));
    expect((await complete(agenda, 'timeZone', 'berlin'))[0]).toBe('Europe/Berlin');
    expect(await complete(agenda, 'timeZone', 'munich')).toEqual(['Europe/Berlin']);
    expect(await complete(agenda, 'timeZone', 'new y')).toEqual(['America/New_York']);
    expect(await complete(agenda, 'timeZone', 'Etc/GMT+5')).toEqual([]);
    expect((await h.client.complete({ ref: agenda, argument: { name: 'timeZone', value: '' } })).completion).toMatchObject({
      hasMore: true,
    });
  });

  it('completes meeting types, and ids from the lists the server has shown — without calling the API', async () => {
    const schedule = { type: 'ref/prompt', name: 'schedule_interview' } as const;
    expect(await complete(schedule, 'meetingType', 'ph')).toEqual(['phone']);
    const listed = (await h.call('list_meetings', { limit: 5 })).structured as { meetings: Meeting[] };
    const owner = listed.meetings[0]!.ownerId;
    const before = h.sandbox.requests.length;
    expect((await complete(agenda, 'ownerId', ''))[0]).toBe(owner);
    expect(
      await complete({ type: 'ref/resource', uri: 'hiringcenter://owners/{ownerId}/meetings' }, 'ownerId', owner.slice(0, 6)),
    ).toContain(owner);
    expect(await complete(schedule, 'prospectId', listed.meetings[0]!.prospectId)).toEqual([listed.meetings[0]!.prospectId]);
    expect(await complete(agenda, 'week', '2025-03-1')).toEqual(['2025-03-10', '2025-03-17']);
    expect(h.sandbox.requests.length).toBe(before);
  });
});

describe('logs over MCP', () => {
  it('a call that fails after its retries sends a warning to the client, with no secret in it; setLevel error silences it', async () => {
    const messages: LoggingMessageNotification['params'][] = [];
    h.client.setNotificationHandler('notifications/message', (n) => void messages.push(n.params));
    const outage = {
      method: 'GET',
      path: /^\/v2\/meetings$/,
      status: 503,
      headers: { 'retry-after': '0' },
      body: JSON.stringify({ error: { code: 'down', message: `maintenance for ${TEST_KEY}` } }),
    };
    await h.client.setLoggingLevel('warning');
    h.sandbox.faults.push(outage, outage, outage, outage);
    expect((await h.call('list_meetings', { limit: 1 })).isError).toBe(true);
    await vi.waitFor(() => expect(messages).toHaveLength(1));
    expect(messages[0]).toMatchObject({ level: 'warning', logger: 'hiringcenter-mcp' });
    expect(messages[0]!.data).toMatch(/^list_meetings failed after 4 attempts: GET \/meetings: HTTP 503 maintenance for \[redacted\]$/);
    expect(JSON.stringify(messages)).not.toContain(TEST_KEY);

    await h.client.setLoggingLevel('error');
    h.sandbox.faults.push(outage, outage, outage, outage);
    expect((await h.call('list_meetings', { limit: 1 })).isError).toBe(true);
    expect(messages).toHaveLength(1);
  });
});

describe('icons', () => {
  it('are in initialize and on every tool: one small inline SVG', async () => {
    const icon = h.client.getServerVersion()!.icons![0]!;
    expect(icon).toMatchObject({ mimeType: 'image/svg+xml', sizes: ['any'] });
    const svg = Buffer.from(icon.src.replace('data:image/svg+xml;base64,', ''), 'base64').toString();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.length).toBeLessThan(600);
    for (const tool of (await h.client.listTools()).tools) expect(tool.icons).toEqual([icon]);
  });
});
