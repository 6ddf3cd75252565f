import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { allTools } from '../../src/tools/index.js';
import { binEnv, runBin } from '../helpers/spawn-bin.js';

const TOOL_NAMES = allTools.map((tool) => tool.name);
const PLACEHOLDER = '${user_config.user_id}';

describe('a Claude Desktop bundle setting left empty is never taken for a value (modelcontextprotocol/mcpb#250)', () => {
  it('manifest.json gives every optional setting a default', () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as {
      user_config: Record<string, { type: string; required?: boolean; default?: unknown }>;
    };
    for (const [name, setting] of Object.entries(manifest.user_config)) {
      if (setting.required) continue;
      expect(setting.default, name).toBeDefined();
    }
    expect(manifest.user_config.user_id?.default).toBe('');
  });

  it('a value that is still an unexpanded ${user_config.…} is read as unset, and named', () => {
    const config = loadConfig({ HIRINGCENTER_USER_ID: PLACEHOLDER, HIRINGCENTER_BASE_URL: '${user_config.base_url}' }, [], TOOL_NAMES);
    expect(config.userId).toBeUndefined();
    expect(config.baseUrl).toBe('https://api.hiringcenterpro.com/v2');
    expect(config.unexpanded.sort()).toEqual(['HIRINGCENTER_BASE_URL', 'HIRINGCENTER_USER_ID']);
  });

  it('the bin warns once and creates the meeting as the API key, not as "${user_config.user_id}"', async () => {
    const help = await runBin(['call', 'create_meeting', '--help']);
    const example = / call create_meeting '(.+)'/.exec(help.stdout)?.[1] ?? '';
    const created = await runBin(['call', 'create_meeting', example, '--sandbox', '--json'], binEnv({ HIRINGCENTER_USER_ID: PLACEHOLDER }));
    expect(created.code, created.stdout).toBe(0);
    expect(created.stdout).not.toContain('user_config');
    const meeting = (JSON.parse(created.stdout) as { meeting: { createdBy: string | null; createdByApi: boolean } }).meeting;
    expect(meeting).toMatchObject({ createdBy: null, createdByApi: true });
    const warnings = created.stderr.split('\n').filter((line) => line.includes('placeholder'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/HIRINGCENTER_USER_ID held a placeholder the host did not fill in/);
  });
});
