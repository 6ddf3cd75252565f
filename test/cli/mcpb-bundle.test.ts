import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/client';
import { afterAll, describe, expect, it } from 'vitest';
import { allTools } from '../../src/tools/index.js';
import { dayInTwoMonths, phoneCallLike } from '../helpers/fixtures.js';
import { binEnv } from '../helpers/spawn-bin.js';

const MCPB = join('node_modules', '@anthropic-ai', 'mcpb', 'dist', 'cli', 'cli.js');
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as {
  version: string;
  tools: { name: string; description: string }[];
  server: { mcp_config: { args: string[]; env: Record<string, string> } };
  user_config: Record<string, { sensitive?: boolean; required?: boolean; type: string }>;
};
const work = mkdtempSync(join(tmpdir(), 'hcmcp-mcpb-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? filesUnder(path)
      : [
          relative(work, path)
            .replace(/^unpacked[\\/]/, '')
            .replace(/\\/g, '/'),
        ];
  });
}

describe('Claude Desktop bundle (MCPB)', () => {
  it('has a manifest that mcpb validates, in step with package.json and the tools', () => {
    const output = execFileSync(process.execPath, [MCPB, 'validate', 'manifest.json'], { encoding: 'utf8' });
    expect(output).toMatch(/passes/);
    expect(manifest.version).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    expect(manifest.tools.map((t) => t.name)).toEqual(allTools.map((t) => t.name));
    expect(manifest.user_config.api_key).toMatchObject({ type: 'string', sensitive: true, required: true });
    expect(manifest.user_config.read_only).toMatchObject({ type: 'boolean' });
    // Claude Desktop starts the bundle with a small young generation: ~25 MiB less memory (docs/performance.md).
    expect(manifest.server.mcp_config.args).toEqual(['--max-semi-space-size=1', '${__dirname}/server/index.js']);
    expect(Object.keys(manifest.server.mcp_config.env).sort()).toEqual([
      'HIRINGCENTER_API_KEY',
      'HIRINGCENTER_BASE_URL',
      'HIRINGCENTER_READ_ONLY',
      'HIRINGCENTER_USER_ID',
    ]);
  });

  it('packs to one small file whose server serves every tool on the sandbox', async () => {
    const bundle = join(work, 'hiringcenter-mcp.mcpb');
    execFileSync(process.execPath, ['scripts/pack.mjs', '--out', bundle, '--stage', join(work, 'stage')], {
      stdio: 'ignore',
    });
    expect(statSync(bundle).size).toBeLessThan(1024 * 1024);
    // The README states the size npm run pack last wrote into it.
    expect(readFileSync('README.md', 'utf8'), 'npm run pack writes the size into the README').toContain(
      `(≈${(statSync(bundle).size / 1_000_000).toFixed(2)} MB: the manifest`,
    );
    execFileSync(process.execPath, [MCPB, 'unpack', bundle, join(work, 'unpacked')], { stdio: 'ignore' });
    expect(filesUnder(join(work, 'unpacked')).sort()).toEqual(['icon.png', 'manifest.json', 'server/index.js']);

    const client = new Client({ name: 'mcpb-test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [join(work, 'unpacked', 'server', 'index.js'), '--sandbox'],
        env: binEnv(),
        stderr: 'ignore',
      }),
    );
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(allTools.map((t) => t.name));
      const list = await client.callTool({ name: 'list_meetings', arguments: { limit: 1 } });
      const [first] = (list.structuredContent as { meetings: { id: string; prospectId: string; ownerId: string }[] }).meetings;
      const created = await client.callTool({
        name: 'create_meeting',
        arguments: phoneCallLike(first!, `${dayInTwoMonths('Europe/Paris')}T10:00`, 'Europe/Paris'),
      });
      const id = (created.structuredContent as { meeting: { id: string } }).meeting.id;
      for (const [name, args] of [
        ['get_meeting', { meetingId: id }],
        ['update_meeting', { meetingId: id, notes: 'from the bundle' }],
        ['delete_meeting', { meetingId: id }],
      ] as const) {
        const result = await client.callTool({ name, arguments: args });
        expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      }
    } finally {
      await client.close();
    }
  });
});
