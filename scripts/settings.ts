// npm run settings: rewrites the README's configuration table and the bundle's variables (manifest.json) from the
// settings table in src/config.ts. A test fails when either differs from it.
import { readFileSync, writeFileSync } from 'node:fs';
import { bundleVariables, settingsTable } from '../src/config.js';

const TABLE = /\| Variable \/ flag \| Default \| Meaning \|\n(?:\|.*\|\n)+/;
const readme = readFileSync('README.md', 'utf8');
if (!TABLE.test(readme)) throw new Error('README.md has no configuration table to replace');
writeFileSync('README.md', readme.replace(TABLE, `${settingsTable()}\n`));

// Only the env block is rewritten, so the rest of the file keeps its layout.
const ENV = /( *)"env": \{[\s\S]*?\n *\}/;
const manifest = readFileSync('manifest.json', 'utf8');
const indented = (indent: string) => JSON.stringify(bundleVariables(), null, 2).replace(/\n/g, `\n${indent}`);
writeFileSync(
  'manifest.json',
  manifest.replace(ENV, (_all, indent: string) => `${indent}"env": ${indented(indent)}`),
);
process.stdout.write('README.md and manifest.json now follow src/config.ts SETTINGS\n');
