import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeSample, runDemo, withoutTheClock } from '../scripts/demo-session.js';
import { MeetingStore } from '../src/sandbox/meeting-store.js';
import { seedMeetings } from '../src/sandbox/seed.js';
import { allTools } from '../src/tools/index.js';
import { BIN, binEnv } from './helpers/spawn-bin.js';

// What the README shows that the code produces is generated and compared, never pasted: the demo sample here; the
// settings table and the bundle's variables in guards.test.ts; the bundle size in cli/mcpb-bundle.test.ts; the
// sign-in picture in with-programs/sign-in-screenshot.test.ts.
const readme = readFileSync('README.md', 'utf8');
const SAMPLE = /<!-- demo-sample: npm run demo -- --readme -->\n```\n([\s\S]*?)\n```/;

describe('the README', () => {
  it('shows what the demo prints now (npm run demo -- --readme writes it), dates and times aside', async () => {
    const shown = SAMPLE.exec(readme)?.[1];
    expect(shown, 'README.md has no demo sample block').toBeDefined();
    const fresh = readmeSample(await runDemo(BIN, binEnv()));
    expect(withoutTheClock(shown ?? '')).toBe(withoutTheClock(fresh));
  }, 30_000);

  it("uses only ids the sandbox has, in its text and in every tool's example, so each example runs as shown", () => {
    const seeded = seedMeetings(new MeetingStore(), { now: Date.now() });
    const known = new Set(seeded.flatMap((m) => [m.id, m.prospectId, m.ownerId, m.createdBy ?? '']));
    const examples = allTools.map((tool) => JSON.stringify(tool.example)).join('\n');
    const ids = [...`${readme}\n${examples}`.matchAll(/\b[0-9a-f]{32}\b/g)].map(([id]) => id);
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.filter((id) => !known.has(id))).toEqual([]);
  });
});
