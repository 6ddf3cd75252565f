// The memory floor for `npm run bench`: a naive v2 SDK server doing our job the obvious way — McpServer, global
// fetch to the API, JSON.parse, and each meeting's time shown in its own zone with Intl — bundled like ours.
import { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { z } from 'zod';

const baseUrl = process.env.HIRINGCENTER_BASE_URL ?? '';
const headers = { authorization: `Bearer ${process.env.HIRINGCENTER_API_KEY ?? ''}` };

interface Meeting {
  id: string;
  meetingDate: number;
  timeZone: string;
  meetingType: string;
}

const shown = (meeting: Meeting) =>
  `${meeting.id} ${new Intl.DateTimeFormat('en-CA', {
    timeZone: meeting.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(meeting.meetingDate)} ${meeting.timeZone} ${meeting.meetingType}`;

serveStdio(() => {
  const server = new McpServer({ name: 'naive', version: '1.0.0' });
  server.registerTool('get_meeting', { inputSchema: z.object({ meetingId: z.string() }) }, async ({ meetingId }) => {
    const body = (await (await fetch(`${baseUrl}/meetings/${meetingId}`, { headers })).json()) as { item: Meeting };
    return { content: [{ type: 'text', text: shown(body.item) }], structuredContent: { meeting: body.item } };
  });
  server.registerTool('list_meetings', { inputSchema: z.object({ limit: z.number().optional() }) }, async ({ limit }) => {
    const body = (await (await fetch(`${baseUrl}/meetings?limit=${limit ?? 20}`, { headers })).json()) as { items: Meeting[] };
    return { content: [{ type: 'text', text: body.items.map(shown).join('\n') }], structuredContent: { meetings: body.items } };
  });
  return server;
});
