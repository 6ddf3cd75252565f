// The demo's scripted MCP client session against `hiringcenter-mcp --sandbox`, spawned exactly as a host would:
// each step and what the model reads. npm run demo prints it; `npm run demo -- --readme` writes the README's
// sample from it (readmeSample), and a test compares that sample with a fresh run (test/readme-samples.test.ts).
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/client';
import { Temporal } from 'temporal-polyfill';

export interface DemoStep {
  /** What was asked: `▶ tool {args}`, or a heading line. */
  asked: string;
  /** What the model read (`✖ ` before an error). */
  read: string;
  /** Short name, for picking the README's steps. */
  name: string;
}

// One candidate's pipeline in the sandbox's sample data (its ids are fixed: the seed never depends on the clock).
export const SAMPLE_PROSPECT = 'a32b51509376bec72d8de729c368f7dd';

/** Runs the session against the bin at `bin`, in a far-off process zone (what the model reads must not change with it). */
export async function runDemo(bin: string, env: Record<string, string | undefined> = process.env): Promise<DemoStep[]> {
  // Dates relative to today, so the demo never asks for the past: the next spring-forward day in New York
  // (the second Sunday of March, when 02:00-03:00 does not exist) and the days after it.
  const today = Temporal.Now.plainDateISO('America/New_York');
  const secondSunday = (year: number) => {
    const first = Temporal.PlainDate.from({ year, month: 3, day: 1 });
    return first.add({ days: ((7 - first.dayOfWeek) % 7) + 7 });
  };
  const gapDay = Temporal.PlainDate.compare(secondSunday(today.year), today) > 0 ? secondSunday(today.year) : secondSunday(today.year + 1);
  const at = (days: number, time: string) => `${gapDay.add({ days })}T${time}`;

  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, '--sandbox'],
    env: { ...env, TZ: 'Pacific/Kiritimati' } as Record<string, string>,
    stderr: 'inherit',
  });
  const client = new Client({ name: 'hiringcenter-demo', version: '1.0.0' });
  await client.connect(transport);
  const steps: DemoStep[] = [];
  const call = async (name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const result = await client.callTool({ name, arguments: args });
    const text = (result.content as { type: string; text?: string }[]).map((c) => c.text ?? '').join('\n');
    steps.push({ name, asked: `▶ ${name} ${JSON.stringify(args)}`, read: result.isError ? `✖ ${text}` : text });
    return (result.structuredContent ?? {}) as Record<string, unknown>;
  };
  try {
    const { tools } = await client.listTools();
    const { prompts } = await client.listPrompts();
    const { resourceTemplates } = await client.listResourceTemplates();
    steps.push({
      name: 'offered',
      asked: `Tools: ${tools.map((t) => t.name).join(', ')}`,
      read: `Prompts: ${prompts.map((p) => p.name).join(', ')}\nResources: ${resourceTemplates.map((t) => t.uriTemplate).join(', ')}`,
    });
    const page = await call('list_meetings', { limit: 3 });
    const first = (page.meetings as { prospectId: string; ownerId: string }[])[0];
    if (!first) throw new Error('sandbox has no meetings');
    await call('list_meetings', { prospectId: SAMPLE_PROSPECT, limit: 3 });
    const created = await call('create_meeting', {
      prospectId: first.prospectId,
      ownerId: first.ownerId,
      meetingType: 'virtual',
      meetingDate: at(1, '10:00'),
      timeZone: 'America/New_York',
      location: 'Zoom',
      notes: 'Second-round interview',
    });
    const id = (created.meeting as { id: string }).id;
    await call('create_meeting', {
      prospectId: first.prospectId,
      ownerId: first.ownerId,
      meetingType: 'virtual',
      meetingDate: at(0, '02:30'),
      timeZone: 'America/New_York',
    });
    await call('update_meeting', {
      meetingId: id,
      meetingDate: at(2, '15:30'),
      notes: 'Moved: candidate asked for an afternoon slot',
      location: null,
    });
    await call('get_meeting', { meetingId: id });
    // Last year by mistake: refused, naming today's date, until the call confirms it.
    await call('update_meeting', { meetingId: id, meetingDate: `${today.subtract({ years: 1 })}T11:00` });
    await call('delete_meeting', { meetingId: id });
    await call('get_meeting', { meetingId: id });
    await call('list_meetings', { ownerId: first.ownerId, meetingDateAfter: today.toString(), timeZone: 'Europe/Berlin', limit: 2 });
  } finally {
    await client.close();
  }
  return steps;
}

/**
 * The README's sample: a candidate's pipeline (a list), a refused DST-gap time, an update, and a refused date from
 * last year — as the model reads them, with long arguments and the new meeting's id cut short.
 */
export function readmeSample(steps: readonly DemoStep[]): string {
  const pick = (name: string, nth = 0) => {
    const step = steps.filter((candidate) => candidate.name === name)[nth];
    if (!step) throw new Error(`the demo has no step ${name} #${nth}`);
    return step;
  };
  const short = (asked: string) =>
    asked
      .replace(/"meetingId":"([0-9a-f]{8})[0-9a-f]{24}"/, '"meetingId":"$1…"')
      .replace(/^(▶ create_meeting )\{.*("meetingDate":[^,}]+,"timeZone":"[^"]+")\}$/, '$1{…,$2}');
  const shown = [pick('list_meetings', 1), pick('create_meeting', 1), pick('update_meeting', 0), pick('update_meeting', 1)];
  return shown.map((step) => `${short(step.asked)}\n${step.read.replace(/"(Wz[\w-]{0,6})[\w-]*"/g, '"$1…"')}`).join('\n\n');
}

/**
 * What a sample says apart from the clock: dates, weekdays, times with their offsets. A test compares the README's
 * sample with a fresh run through this.
 */
export function withoutTheClock(text: string): string {
  return text
    .replace(/\d{4}-\d{2}-\d{2}/g, 'DATE')
    .replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/g, 'DAY')
    .replace(/\d{2}:\d{2}(?:[+-]\d{2}(?::\d{2})?)?/g, 'TIME')
    .replace(/"[0-9a-f]{8}…"/g, '"ID…"')
    .replace(/"Wz[\w-]{0,6}…"/g, '"TOKEN…"');
}
