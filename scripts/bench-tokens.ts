// npm run bench:tokens: what each answer costs a model, counted with a real
// tokenizer (o200k_base) on realistic sandbox data, against the raw API JSON
// (minified, as the API sends it), pretty-printed JSON, and TOON.
import { encode as toToon } from '@toon-format/toon';
import { getEncoding } from 'js-tiktoken';
import type { Meeting } from '../src/api/schemas.js';
import { describeInstant, formatLocalTime } from '../src/time/describe-instant.js';
import { FIXED_NOW, TEST_KEY, startHarness } from '../test/helpers/harness.js';
import { toolsAsModelSees } from '../test/helpers/model-view.js';

const tokenizer = getEncoding('o200k_base');
const tokens = (text: string) => tokenizer.encode(text).length;

const h = await startHarness({ seedCount: 200 });
const rawGet = async (path: string) => {
  const response = await fetch(`${h.sandbox.baseUrl}${path}`, { headers: { authorization: `Bearer ${TEST_KEY}` } });
  return response.text();
};

interface Row {
  name: string;
  raw: string;
  text: string;
  target?: number;
}
const rows: Row[] = [];

const owner = h.seeded[0]!.ownerId;
rows.push({
  name: '50-meeting page',
  raw: await rawGet('/meetings?limit=50'),
  text: (await h.call('list_meetings', { limit: 50 })).text,
  target: 0.4,
});
rows.push({
  name: '50-meeting page, one owner',
  raw: await rawGet(`/meetings?limit=50&ownerId=${owner}`),
  text: (await h.call('list_meetings', { limit: 50, ownerId: owner })).text,
  target: 0.35,
});
const sample = h.seeded.find((m) => m.notes && m.location)!;
rows.push({
  name: 'get_meeting',
  raw: await rawGet(`/meetings/${sample.id}`),
  text: (await h.call('get_meeting', { meetingId: sample.id })).text,
  // Its target is against the floor below (labels kept), not a share of the raw JSON.
});

const created = await h.call('create_meeting', {
  prospectId: sample.prospectId,
  ownerId: sample.ownerId,
  meetingType: 'virtual',
  meetingDate: '2025-03-12T15:30',
  timeZone: 'America/Chicago',
  location: 'Zoom',
  notes: 'Second-round interview with the hiring manager.',
});
const meeting = (created.structured as { meeting: Meeting }).meeting;
rows.push({ name: 'create_meeting', raw: JSON.stringify({ success: true, item: meeting }), text: created.text, target: 0.45 });
const updated = await h.call('update_meeting', {
  meetingId: meeting.id,
  meetingDate: '2025-03-13T09:00',
  notes: 'Moved to Thursday morning.',
});
rows.push({
  name: 'update_meeting',
  raw: JSON.stringify({ success: true, item: (updated.structured as { meeting: Meeting }).meeting }),
  text: updated.text,
  target: 0.45,
});
const deleted = await h.call('delete_meeting', { meetingId: meeting.id });
rows.push({
  name: 'delete_meeting',
  raw: JSON.stringify({ success: true, message: `Meeting ${meeting.id} deleted.` }),
  text: deleted.text,
  target: 0.45,
});

const pct = (part: number, whole: number, digits = 0) => `${((100 * part) / whole).toFixed(digits)}%`;
const table = ['| answer | raw JSON (min) | pretty JSON | TOON | our text | text / raw | target |', '|---|---:|---:|---:|---:|---:|---|'];
let failed = false;
for (const row of rows) {
  const parsed: unknown = JSON.parse(row.raw);
  const raw = tokens(row.raw);
  const text = tokens(row.text);
  const ok = row.target === undefined || text / raw <= row.target;
  failed ||= !ok;
  table.push(
    `| ${row.name} | ${raw} | ${tokens(JSON.stringify(parsed, null, 2))} (${pct(tokens(JSON.stringify(parsed, null, 2)), raw)}) | ${tokens(toToon(parsed as never))} (${pct(tokens(toToon(parsed as never)), raw)}) | ${text} | **${pct(text, raw, 1)}** | ${row.target === undefined ? 'see below' : `≤ ${pct(row.target, 1)} ${ok ? '✓' : '✗'}`} |`,
  );
}

// One meeting is a small sample: also the median over every seeded meeting,
// and the floor any text can reach: the fields the model must get, with no
// labels and nothing but a space between them.
const bareFields = (m: Meeting) => {
  const local = describeInstant(m.meetingDate, m.timeZone);
  const creator = m.createdBy === m.ownerId ? 'owner' : (m.createdBy ?? (m.createdByApi ? 'api' : '-'));
  return [formatLocalTime(local), m.meetingType, m.prospectId, m.ownerId, creator, m.location ?? '-', m.notes ?? '-'].join(' ');
};
const ratios: number[] = [];
const floors: number[] = [];
for (const meeting of h.seeded) {
  const raw = tokens(await rawGet(`/meetings/${meeting.id}`));
  ratios.push(tokens((await h.call('get_meeting', { meetingId: meeting.id })).text) / raw);
  floors.push(tokens(bareFields(meeting)) / raw);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
ratios.sort((a, b) => a - b);
const medianGet = median(ratios);
const sampleFloor = tokens(bareFields(sample)) / tokens(rows.find((r) => r.name === 'get_meeting')!.raw);
// get_meeting keeps its labels (two unlabelled 32-hex ids side by side are what a model swaps): its target
// is to stay within 1.25x of the unlabelled floor, median over every seeded meeting.
const overFloor = medianGet / median(floors);
const getOk = overFloor <= 1.25;
failed ||= !getOk;

const { tools } = await h.client.listTools();
const definitionTokens = tokens(JSON.stringify(toolsAsModelSees(tools)));
const withOutput = tokens(JSON.stringify(tools));
const definitionsOk = definitionTokens <= 1500;
failed ||= !definitionsOk;

console.log(`Tokens (o200k_base), sandbox data seeded at ${new Date(FIXED_NOW).toISOString()}:\n`);
console.log(table.join('\n'));
console.log(
  `\nget_meeting over all ${ratios.length} seeded meetings: median ${pct(medianGet, 1, 1)}, best ${pct(ratios[0]!, 1, 1)}, worst ${pct(ratios.at(-1)!, 1, 1)} of raw JSON.`,
);
console.log(
  `Floor for get_meeting (its required fields, unlabelled, space-separated): ${pct(sampleFloor, 1, 1)} for the meeting above, median ${pct(median(floors), 1, 1)}, worst ${pct(Math.max(...floors), 1, 1)}.`,
);
console.log(`get_meeting median / floor median = ${overFloor.toFixed(3)}× (target ≤ 1.25×) ${getOk ? '✓' : '✗'}`);
console.log(`\n| tools/list | tokens | target |\n|---|---:|---|`);
console.log(
  `| all 5 definitions, as given to the model (no output schemas) | **${definitionTokens}** | ≤ 1500 ${definitionsOk ? '✓' : '✗'} |`,
);
console.log(`| with output schemas | ${withOutput} | |`);

// Prompts and resources reach a person's menus, and a chosen prompt's text reaches the model: each has its own budget.
// Icons are left out, as for tools: clients draw them, they are not read.
const withoutIcons = <T extends { icons?: unknown }>(items: T[]) => items.map(({ icons: _icons, ...rest }) => rest);
const sampleMeeting = h.seeded[0]!;
const promptList = tokens(JSON.stringify(withoutIcons((await h.client.listPrompts()).prompts)));
const templateList = tokens(JSON.stringify(withoutIcons((await h.client.listResourceTemplates()).resourceTemplates)));
const promptTexts = await Promise.all(
  (
    [
      ['weekly_agenda', { ownerId: sampleMeeting.ownerId, timeZone: 'Europe/Berlin' }],
      [
        'schedule_interview',
        {
          prospectId: sampleMeeting.prospectId,
          ownerId: sampleMeeting.ownerId,
          day: '2025-03-12',
          timeZone: 'America/New_York',
          time: '14:30',
        },
      ],
      ['reschedule_meeting', { meetingId: sampleMeeting.id, meetingDate: '2025-03-14T11:00' }],
    ] as const
  ).map(async ([name, args]) => {
    const result = await h.client.getPrompt({ name, arguments: args });
    return [name, tokens((result.messages[0]!.content as { text: string }).text)] as const;
  }),
);
const resourceRead = tokens(JSON.stringify((await h.client.readResource({ uri: `hiringcenter://meetings/${sampleMeeting.id}` })).contents));
const PROMPT_BUDGETS = { list: 450, templates: 250, text: 320 };
const promptChecks = [
  ['prompts/list (3 prompts and their arguments)', promptList, PROMPT_BUDGETS.list],
  ['resources/templates/list (3 templates)', templateList, PROMPT_BUDGETS.templates],
  ...promptTexts.map(([name, count]) => [`prompts/get ${name}: the text the model reads`, count, PROMPT_BUDGETS.text] as const),
] as const;
console.log(`\n| prompts and resources | tokens | target |\n|---|---:|---|`);
for (const [what, count, budget] of promptChecks) {
  failed ||= count > budget;
  console.log(`| ${what} | **${count}** | ≤ ${budget} ${count <= budget ? '✓' : '✗'} |`);
}
console.log(`| resources/read of a meeting (text + JSON) | ${resourceRead} | |`);
await h.close();
if (failed) {
  console.error('\nFAIL: a token target above is not met');
  process.exit(1);
}
