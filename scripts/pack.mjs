// npm run pack: hiringcenter-mcp.mcpb, a Claude Desktop bundle holding the
// manifest and the one esbuild-bundled server file. `mcpb pack` packs every
// file in the folder it is given, so it gets a staging folder, never the repo.
// It packs dist/cli.js as it is: `npm run pack` builds it first through the prepack hook (npm runs pre<name> before
// any script <name>), so this file never builds a second time. Options (for tests): --out FILE, --stage DIR.
// Packing the default file also writes its size into the README (a test compares the two).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const DEFAULT_OUT = 'hiringcenter-mcp.mcpb';
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: DEFAULT_OUT },
    stage: { type: 'string', default: '.build/mcpb' },
  },
});
const { out, stage } = values;
rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'server'), { recursive: true });
copyFileSync('manifest.json', join(stage, 'manifest.json'));
copyFileSync('icon.png', join(stage, 'icon.png'));
copyFileSync('dist/cli.js', join(stage, 'server/index.js'));
rmSync(out, { force: true });
// The package exports no paths, so its CLI is run by file (node, not a shell shim: works on Windows too).
const mcpb = join('node_modules', '@anthropic-ai', 'mcpb', 'dist', 'cli', 'cli.js');
execFileSync(process.execPath, [mcpb, 'pack', stage, out], { stdio: ['ignore', 'ignore', 'inherit'] });
const size = statSync(out).size;
console.log(`${out}: ${(size / 1024).toFixed(0)} KiB (manifest.json, icon.png, server/index.js)`);
if (out === DEFAULT_OUT) {
  const readme = readFileSync('README.md', 'utf8');
  // Megabytes, two decimals: what the README states (and test/cli/mcpb-bundle.test.ts checks).
  writeFileSync('README.md', readme.replace(/\(≈[\d.]+ MB: the manifest/, `(≈${(size / 1_000_000).toFixed(2)} MB: the manifest`));
}
