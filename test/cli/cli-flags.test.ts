import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import { allTools } from '../../src/tools/index.js';
import { defaultOf, EXIT_CODES, SETTINGS, type Setting } from '../../src/config.js';
import { BIN, binEnv, runBin } from '../helpers/spawn-bin.js';

async function toolsOffered(args: string[], env: Record<string, string> = {}): Promise<string[]> {
  const client = new Client({ name: 'flags-test', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [BIN, '--sandbox', ...args], env: binEnv(env), stderr: 'ignore' }),
  );
  try {
    return (await client.listTools()).tools.map((t) => t.name);
  } finally {
    await client.close();
  }
}

describe('CLI flags and their environment twins', () => {
  it('--help names every flag and variable of the settings table, with its default', async () => {
    const help = await runBin(['--help']);
    expect(help.code).toBe(0);
    for (const setting of Object.values<Setting>(SETTINGS)) {
      for (const name of [setting.flag, setting.env]) if (name) expect(help.stdout).toContain(name);
      const shown = defaultOf(setting);
      if (shown) expect(help.stdout).toContain(`default ${shown}`);
    }
    expect(help.stdout).toContain('call <tool>');
    expect(help.stdout).toContain('default https://api.hiringcenterpro.com/v2');
  });

  it('--read-only, HIRINGCENTER_READ_ONLY and the allow-list shape tools/list; a flag wins over its variable', async () => {
    expect(await toolsOffered(['--read-only'])).toEqual(['list_meetings', 'get_meeting']);
    expect(await toolsOffered([], { HIRINGCENTER_READ_ONLY: 'true' })).toEqual(['list_meetings', 'get_meeting']);
    expect(await toolsOffered(['--tools=get_meeting,delete_meeting'])).toEqual(['get_meeting', 'delete_meeting']);
    expect(await toolsOffered(['--tools', 'list_meetings'], { HIRINGCENTER_TOOLS: 'get_meeting' })).toEqual(['list_meetings']);
    expect(await toolsOffered(['--log-level', 'error'], { HIRINGCENTER_LOG_LEVEL: 'loud' })).toHaveLength(5);
  });

  it.each([
    [['--sandbx'], {}, /unknown flag "--sandbx".*--help/],
    [['--tools', 'list_meetings,cancel_meeting'], {}, /--tools: unknown tool "cancel_meeting"; valid tools are list_meetings/],
    [[], { HIRINGCENTER_TOOLS: 'nope' }, /HIRINGCENTER_TOOLS: unknown tool "nope"/],
    [[], { HIRINGCENTER_READ_ONLY: 'maybe' }, /HIRINGCENTER_READ_ONLY must be true or false/],
    [[], { HIRINGCENTER_LOG_LEVEL: 'loud' }, /log level "loud" is not one of error, warn, info, debug/],
    [[], { HIRINGCENTER_CONFIRM_DELETES: 'sometimes' }, /HIRINGCENTER_CONFIRM_DELETES must be "ask" or "never"/],
    [['--log-level'], {}, /--log-level needs a value/],
    [['serve'], {}, /unknown command "serve"/],
    [['call'], {}, /call needs a tool name/],
    [['call', 'cancel_meeting'], {}, /unknown tool "cancel_meeting"/],
  ])('%j %j is a one-line error and exit code 2 before anything starts', async (args, env, message) => {
    const result = await runBin(args, binEnv(env));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});

describe('hiringcenter-mcp call', () => {
  it('prints what the model would see and exits 0', async () => {
    const result = await runBin(['call', 'list_meetings', '{"limit": 2}', '--sandbox']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^2 of 60 meetings, latest first\./);
    expect(result.stderr).toBe('');
  });

  it('--json prints structuredContent', async () => {
    const result = await runBin(['call', 'list_meetings', '{"limit": 1}', '--sandbox', '--json']);
    expect(result.code).toBe(0);
    const structured = JSON.parse(result.stdout) as { meetings: unknown[]; totalCount: number };
    expect(structured.meetings).toHaveLength(1);
    expect(structured.totalCount).toBe(60);
  });

  it('exits as --help says: 1 when the call failed, 2 on input refused before anything was sent', async () => {
    const help = await runBin(['--help']);
    expect(help.stdout).toContain(`Exit codes: ${EXIT_CODES}`);
    const missing = await runBin(['call', 'get_meeting', '{"meetingId": "0123456789abcdef0123456789abcdef"}', '--sandbox']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/^No meeting with id 0123456789abcdef0123456789abcdef/);
    const tooMany = await runBin(['call', 'list_meetings', '{"limit": 500}', '--sandbox']);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stdout).toMatch(/^Invalid limit for list_meetings: it must be at most 200/);
    const hidden = await runBin(['call', 'delete_meeting', '{"meetingId": "abc"}', '--sandbox', '--read-only']);
    expect(hidden.code).toBe(2);
    expect(hidden.stdout).toMatch(/read-only mode/);
    const bad = await runBin(['call', 'get_meeting', '{"meetingId": ', '--sandbox']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/one JSON object/);
  });

  it('call <tool> --help lists the arguments, the forms each accepts, and an example that parses', async () => {
    const result = await runBin(['call', 'create_meeting', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^create_meeting — Schedule meeting\n/);
    const required = result.stdout.slice(result.stdout.indexOf('Required arguments:'), result.stdout.indexOf('Optional arguments:'));
    for (const name of ['prospectId', 'ownerId', 'meetingType', 'meetingDate', 'timeZone'])
      expect(required).toMatch(new RegExp(`\\n  ${name} `));
    expect(result.stdout).toMatch(/meetingDate +When\. .* Send epoch milliseconds, ISO 8601 with an offset/);
    expect(result.stdout).toMatch(/Optional arguments:\n(?:.*\n)* {2}confirmDate /);
    const example = /^ {2}node dist\/cli\.js call create_meeting '(.+)'$/m.exec(result.stdout)?.[1];
    const parsed = JSON.parse(example!) as { timeZone: string; meetingDate: string };
    expect(parsed.timeZone).toBe('America/New_York');
    // The example can be run as it is: its date is ahead, not in the past the tool refuses.
    expect(Date.parse(`${parsed.meetingDate}Z`)).toBeGreaterThan(Date.now());
    const unknown = await runBin(['call', 'book_meeting', '--help']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown tool "book_meeting"/);
  });

  it.each(allTools.map((tool) => tool.name))('call %s --help gives an example that runs as printed, on the sandbox', async (name) => {
    const help = await runBin(['call', name, '--help']);
    const example = new RegExp(`^  node dist/cli.js call ${name} '(.+)'$`, 'm').exec(help.stdout)?.[1];
    expect(example, help.stdout).toBeDefined();
    const ran = await runBin(['call', name, example ?? '', '--sandbox']);
    expect(ran.code, ran.stdout).toBe(0);
    // Its ids are the sandbox's own: the reads find them, the list is not empty.
    expect(ran.stdout).not.toMatch(/^0 of 0 meetings|No meeting with id/);
  });

  it('with --sandbox, a change says on stderr that the next run starts from the sample data again — and only a change', async () => {
    const note = /--sandbox starts every run from the same sample meetings; this change is gone when the command ends/;
    const help = await runBin(['call', 'create_meeting', '--help']);
    const example = / call create_meeting '(.+)'/.exec(help.stdout)?.[1] ?? '';
    const created = await runBin(['call', 'create_meeting', example, '--sandbox']);
    expect(created.code, created.stdout).toBe(0);
    expect(created.stderr).toMatch(note);
    // Nothing changed: a dry run, a refused create, a read-only refusal, a read.
    for (const args of [
      ['call', 'delete_meeting', '{"meetingId": "0123456789abcdef0123456789abcdef", "dryRun": true}', '--sandbox'],
      ['call', 'create_meeting', '{"prospectId": "p"}', '--sandbox'],
      ['call', 'delete_meeting', '{"meetingId": "0123456789abcdef0123456789abcdef"}', '--sandbox', '--read-only'],
      ['call', 'list_meetings', '{"limit": 1}', '--sandbox'],
    ]) {
      const unchanged = await runBin(args);
      expect(unchanged.stderr, args.join(' ')).not.toMatch(note);
    }
  });
});
