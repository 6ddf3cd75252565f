// npm run settings: rewrites the README's configuration table, the bundle's variables (manifest.json) and the MCP
// Registry entry's variables and version (server.json) from the settings table in src/config.ts and package.json.
// A test fails when any of them differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { bundleVariables, registryVariables, settingsTable } from '../src/config.js';

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
const { version, mcpName } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; mcpName: string };
const server = JSON.parse(readFileSync('server.json', 'utf8')) as {
  name: string;
  version: string;
  packages: { version: string; environmentVariables: unknown }[];
};
server.name = mcpName;
server.version = version;
for (const pkg of server.packages) {
  pkg.version = version;
  pkg.environmentVariables = registryVariables();
}
writeFileSync('server.json', `${JSON.stringify(server, null, 2)}\n`);
process.stdout.write('README.md, manifest.json and server.json now follow src/config.ts SETTINGS and package.json\n');
