import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { describeWith, missingRedis } from '../helpers/requirements.js';

/** Whether anything accepts connections on 127.0.0.1:`port`. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describeWith([missingRedis()], 'test services never outlive the run that started them', () => {
  it('a test process killed with SIGKILL takes its redis-server with it', async () => {
    // The helper as tests use it, in a process of its own that starts Redis, says where, and is then killed outright.
    const bundled = await build({
      entryPoints: ['test/helpers/redis-server.ts'],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
    });
    const script = `${bundled.outputFiles[0]!.text}\nconst redis = await startRedis(); console.log(redis.url); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
    const port = Number(new URL(url).port);
    expect(await answers(port)).toBe(true);
    child.kill('SIGKILL');
    let open = true;
    for (let waited = 0; open && waited < 5_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      open = await answers(port);
    }
    expect(open).toBe(false);
  });
});

describe('a test that needs a program this machine lacks', () => {
  const runIconTest = (env: Record<string, string>) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          'node_modules/vitest/vitest.mjs',
          'run',
          '--config',
          'test/helpers/without-build.vitest.config.ts',
          'test/with-programs/icon.test.ts',
        ],
        { env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('close', (code) => resolve({ code, output }));
    });
  const line = 'needs Chromium at /nonexistent/chromium: apt-get install chromium';

  it('is skipped locally with one line naming what to install, and fails under CI=true with that line', async () => {
    const [local, ci] = await Promise.all([runIconTest({ CI: '' }), runIconTest({ CI: 'true' })]);
    expect(local.code, local.output).toBe(0);
    expect(local.output).toContain(line);
    expect(local.output).not.toMatch(/TypeError/);
    expect(ci.code).not.toBe(0);
    expect(ci.output).toContain(line);
  }, 60_000);
});
