import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../scripts/host-programs.js';

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

const REDIS_ARGS = (port: number) => ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];

/**
 * A real Redis (Debian's redis-server, which .ci/run installs) on a free loopback port,
 * with no persistence: what replicas share for one-time use.
 */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  // Tied to this process: the shell waits for its stdin (a pipe from us) to close — on stop(), or when this process
  // dies however it dies — then stops redis-server. A failed or killed test run never leaves one behind.
  const child: ChildProcess = spawn(
    'sh',
    ['-c', 'redis-server "$@" </dev/null & redis=$!; cat >/dev/null; kill "$redis" 2>/dev/null; wait "$redis"', 'sh', ...REDIS_ARGS(port)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
    child.once('error', (error) =>
      reject(new Error(`redis-server could not run (is it installed? .ci/run installs it): ${error.message}`)),
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin?.end();
      }),
  };
}
