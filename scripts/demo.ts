// A scripted MCP client session against `hiringcenter-mcp --sandbox`, spawned
// exactly as a host would, printing what the model would read at each step.
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

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

const page = await call('list_meetings', { limit: 3 });
const first = (page.meetings as { prospectId: string; ownerId: string }[])[0];
if (!first) throw new Error('sandbox has no meetings');

const created = await call('create_meeting', {
  prospectId: first.prospectId,
  ownerId: first.ownerId,
  meetingType: 'virtual',
  meetingDate: '2027-03-15T10:00',
  timeZone: 'America/New_York',
  location: 'Zoom',
  notes: 'Second-round interview',
});
const id = (created.meeting as { id: string }).id;

await call('create_meeting', {
  prospectId: first.prospectId,
  ownerId: first.ownerId,
  meetingType: 'virtual',
  meetingDate: '2027-03-14T02:30',
  timeZone: 'America/New_York',
});
await call('update_meeting', {
  meetingId: id,
  meetingDate: '2027-03-16T15:30',
  notes: 'Moved: candidate asked for an afternoon slot',
  location: null,
});
await call('get_meeting', { meetingId: id });
await call('delete_meeting', { meetingId: id });
await call('get_meeting', { meetingId: id });
await call('list_meetings', { ownerId: first.ownerId, meetingDateAfter: '2026-12-01', timeZone: 'Europe/Berlin', limit: 2 });

await client.close();
