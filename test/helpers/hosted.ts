import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BIN, binEnv } from './spawn-bin.js';

export interface Hosted {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stderr: () => string;
  stop(): Promise<number | null>;
}

/** The built bin with --http on a free port, as a team would run it. */
export async function startHosted(env: Record<string, string>, args: string[] = []): Promise<Hosted> {
  const child = spawn(process.execPath, [BIN, '--http', '--port', '0', ...args], { env: binEnv(env) });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line: ${stderr}`)), 10_000);
    child.stderr.on('data', () => {
      const match = /listening on (http:\/\/\S+\/mcp)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return {
    child,
    url,
    stderr: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}
