// A scripted MCP client session against `hiringcenter-mcp --sandbox`, spawned
// exactly as a host would, printing what the model would read at each step.
import { fileURLToPath } from 'node:url';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/client';
import { Temporal } from 'temporal-polyfill';

// Dates relative to today, so the demo never asks for the past: the next spring-forward day in New York
// (the second Sunday of March, when 02:00-03:00 does not exist) and the days after it.
const today = Temporal.Now.plainDateISO('America/New_York');
const secondSunday = (year: number) => {
  const first = Temporal.PlainDate.from({ year, month: 3, day: 1 });
  return first.add({ days: ((7 - first.dayOfWeek) % 7) + 7 });
};
const gapDay = Temporal.PlainDate.compare(secondSunday(today.year), today) > 0 ? secondSunday(today.year) : secondSunday(today.year + 1);
const at = (days: number, time: string) => `${gapDay.add({ days })}T${time}`;

const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const transport = new StdioClientTransport({
  command: process.execPath,
  args: [bin, '--sandbox'],
  // A far-off process zone: what the model reads must not change with it.
  env: { ...process.env, TZ: 'Pacific/Kiritimati' } as Record<string, string>,
  stderr: 'inherit',
});
const client = new Client({ name: 'hiringcenter-demo', version: '1.0.0' });
await client.connect(transport);

type Args = Record<string, unknown>;
async function call(name: string, args: Args): Promise<Record<string, unknown>> {
  console.log(`\n▶ ${name} ${JSON.stringify(args)}`);
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content as { type: string; text?: string }[]).map((c) => c.text ?? '').join('\n');
  console.log(result.isError ? `✖ ${text}` : text);
  return (result.structuredContent ?? {}) as Record<string, unknown>;
}

const { tools } = await client.listTools();
console.log(`Tools: ${tools.map((t) => t.name).join(', ')}`);
const { prompts } = await client.listPrompts();
const { resourceTemplates } = await client.listResourceTemplates();
console.log(`Prompts: ${prompts.map((p) => p.name).join(', ')}`);
console.log(`Resources: ${resourceTemplates.map((t) => t.uriTemplate).join(', ')}`);

const page = await call('list_meetings', { limit: 3 });
const first = (page.meetings as { prospectId: string; ownerId: string }[])[0];
if (!first) throw new Error('sandbox has no meetings');

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

await client.close();
