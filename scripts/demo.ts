// npm run demo: the scripted MCP client session (demo-session.ts) against `hiringcenter-mcp --sandbox`, printing
// what the model reads at each step. `npm run demo -- --readme` also rewrites the README's sample from this run.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readmeSample, runDemo } from './demo-session.js';

const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const steps = await runDemo(bin);
for (const step of steps) console.log(`\n${step.asked}\n${step.read}`);

if (process.argv.includes('--readme')) {
  const SAMPLE = /(<!-- demo-sample: npm run demo -- --readme -->\n```\n)[\s\S]*?(\n```)/;
  const readme = readFileSync('README.md', 'utf8');
  if (!SAMPLE.test(readme)) throw new Error('README.md has no demo sample block to replace');
  writeFileSync(
    'README.md',
    readme.replace(SAMPLE, (_all, open: string, close: string) => `${open}${readmeSample(steps)}${close}`),
  );
  console.log('\nREADME.md: the demo sample is now this run’s.');
}
