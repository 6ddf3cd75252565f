import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KiB, MiB } from '../src/byte-size.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles('src').map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('source guards', () => {
  it('never writes to stdout from src: stdout is the MCP protocol', () => {
    const offenders = files.filter(({ text }) => /console\.(log|info|debug)\(|process\.stdout\.write/.test(text)).map((f) => f.path);
    // The bin prints --help / --version to stdout and exits before any protocol starts.
    expect(offenders).toEqual(['src/cli.ts']);
    const cli = files.find((f) => f.path === 'src/cli.ts')!.text;
    // --help, --version, `call <tool> --help`, and the printed result of `call` (none of which runs the protocol).
    expect(cli.match(/process\.stdout\.write/g)).toHaveLength(4);
    expect(cli).not.toMatch(/console\./);
  });

  it('has no `any`', () => {
    for (const { path, text } of files) expect(text, path).not.toMatch(/:\s*any\b|as any\b|<any>/);
  });
});

describe('README', () => {
  it('has client snippets that are valid JSON', () => {
    const readme = readFileSync('README.md', 'utf8');
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const block of blocks) expect(() => JSON.parse(block), block).not.toThrow();
  });

  it('ships the bin (and the hosted server beside it) with no runtime dependencies (npx installs nothing else)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string>; files: string[]; dependencies?: object };
    expect(pkg.bin).toEqual({ 'hiringcenter-mcp': 'dist/cli.js' });
    expect(pkg.files).toEqual(['dist/cli.js', 'dist/http.js']);
    expect(pkg.dependencies).toBeUndefined();
  });
});

describe('the test tree', () => {
  it('keeps every test that needs a program the machine may lack (Chromium, Redis) in test/with-programs', () => {
    const tests = readdirSync('test', { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.test.ts'));
    const needing = tests.filter((path) => /helpers\/requirements\.js/.test(readFileSync(join('test', path), 'utf8')));
    expect(needing.length).toBeGreaterThan(0);
    for (const path of needing) expect(path, path).toMatch(/^with-programs\//);
  });
});

describe('the settings table (src/config.ts SETTINGS) is the one home of every setting', () => {
  it("the README's configuration table is the one the settings table makes (npm run settings rewrites it)", async () => {
    const { settingsTable } = await import('../src/config.js');
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`## Configuration\n\n${settingsTable()}\n\n`);
  });

  it("the bundle's variables are the settings a bundle setting fills, each filled by a setting that exists", async () => {
    const { bundleVariables } = await import('../src/config.js');
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as {
      server: { mcp_config: { env: Record<string, string> } };
      user_config: Record<string, unknown>;
    };
    expect(manifest.server.mcp_config.env).toEqual(bundleVariables());
    const filled = Object.values(bundleVariables()).map((value) => /^\$\{user_config\.(\w+)\}$/.exec(value)?.[1]);
    expect(filled.toSorted()).toEqual(Object.keys(manifest.user_config).toSorted());
  });
});

describe('docs', () => {
  it('docs/reliability.md states every bound in src/api/limits.ts, src/hosted-limits.ts and the zone caches with its value', async () => {
    const { LIMITS } = await import('../src/api/limits.js');
    const { HOSTED_LIMITS } = await import('../src/hosted-limits.js');
    const { ZONE_CACHE_BOUNDS } = await import('../src/time/known-zone.js');
    const doc = readFileSync('docs/reliability.md', 'utf8');
    const units: Record<string, number> = { MiB, KiB, ms: 1 };
    const stated = (name: string) => {
      const row = doc.split('\n').find((line) => line.includes(`\`${name}\``) && line.startsWith('|'));
      expect(row, name).toBeDefined();
      // "| 8 MiB |", or "| 2048 / 256 KiB |" for a row that names two bounds, in the order it names them.
      const cell = /\| ([\d ]+(?:MiB|KiB|ms)?(?: \/ [\d ]+(?:MiB|KiB|ms)?)?) \|/.exec(row!)?.[1];
      expect(cell, row).toBeDefined();
      const values = cell!.split(' / ').map((part) => {
        const [, amount, unit] = /^(\d+)(?: (MiB|KiB|ms))?$/.exec(part.trim())!;
        return Number(amount) * (unit ? units[unit]! : 1);
      });
      // The bounds a row names, in parentheses: "(`name`)" or "(`first`, `second`)".
      const names = /\(`([\w.]+)`(?:, `([\w.]+)`)?\)/.exec(row!)?.slice(1) ?? [];
      return values[Math.max(0, names.indexOf(name))];
    };
    const flat = Object.entries(ZONE_CACHE_BOUNDS).flatMap(([cache, bounds]) =>
      Object.entries(bounds).map(([bound, value]) => [`${cache}.${bound}`, value] as const),
    );
    for (const [name, value] of [...Object.entries(LIMITS), ...Object.entries(HOSTED_LIMITS), ...flat])
      expect(stated(name), name).toBe(value);
  });

  it('nothing in the repository points outside it', () => {
    const texts = [
      ...files,
      { path: 'README.md', text: readFileSync('README.md', 'utf8') },
      ...readdirSync('docs', { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
        .map((path) => ({ path, text: readFileSync(path, 'utf8') })),
      ...['Dockerfile', 'server.json', 'deploy/compose.yaml', 'deploy/haproxy.cfg'].map((path) => ({
        path,
        text: readFileSync(path, 'utf8'),
      })),
    ];
    for (const { path, text } of texts) expect(text, path).not.toMatch(/\.\.\/shared\//);
  });
});
