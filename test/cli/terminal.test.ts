import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, binEnv, runBin } from '../helpers/spawn-bin.js';

/** The bin started in a terminal (a pseudo-terminal from util-linux's `script`), as a person trying it would. */
function inTerminal(args: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('script', ['-qec', `${process.execPath} ${BIN} ${args}`, '/dev/null'], { env: binEnv() });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('Ctrl-C to stop')) child.kill('SIGTERM');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}

describe('stdio started from a terminal, with no client', () => {
  it('says on stderr that it waits for an MCP client, and how to try it by hand', async () => {
    const said = await inTerminal('--sandbox');
    expect(said).toMatch(/an MCP server on stdio, waiting for an MCP client/);
    expect(said).toMatch(/To try it here: node \S+ call list_meetings '\{"limit": 3\}' --sandbox/);
  });

  it('says nothing of the kind to a client (stdin is a pipe)', async () => {
    const run = await runBin([]);
    expect(run.stderr).not.toMatch(/waiting for an MCP client/);
    expect(run.stdout).toBe('');
  });
});
