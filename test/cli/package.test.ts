import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';

const work = mkdtempSync(join(tmpdir(), 'hcmcp-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack', () => {
  it('on a tree without dist/ builds the bin (prepack), and the installed package runs', () => {
    // A copy of what a fresh clone has (no dist/), so the build here races no other test's bin.
    const clone = join(work, 'clone');
    mkdirSync(clone);
    for (const path of ['package.json', 'README.md', 'LICENSE', 'src', 'scripts/build.mjs'])
      cpSync(path, join(clone, path), { recursive: true });
    symlinkSync(resolve('node_modules'), join(clone, 'node_modules'), 'dir');
    execFileSync('npm', ['pack', '--pack-destination', work], { cwd: clone, stdio: 'ignore' });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    expect(tarball).toBe(`hiringcenter-mcp-${VERSION}.tgz`);

    const app = join(work, 'app');
    mkdirSync(app);
    execFileSync('npm', ['init', '-y'], { cwd: app, stdio: 'ignore' });
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, tarball!)], { cwd: app, stdio: 'ignore' });
    const version = execFileSync(join(app, 'node_modules', '.bin', 'hiringcenter-mcp'), ['--version'], { encoding: 'utf8' });
    expect(version.trim()).toBe(VERSION);
  });
});
