import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'vitest';

/** Where Debian's Chromium is, or CHROMIUM_PATH. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** The one line that says what to install, or undefined when it is here. */
export function missingChromium(): string | undefined {
  try {
    accessSync(chromiumPath(), constants.X_OK);
    return undefined;
  } catch {
    return `needs Chromium at ${chromiumPath()}: apt-get install chromium (or set CHROMIUM_PATH to a Chromium binary)`;
  }
}

export function missingRedis(): string | undefined {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0
    ? undefined
    : 'needs redis-server on the PATH: apt-get install redis-server';
}

/**
 * A describe block for tests that need a program the machine may lack (they live in test/with-programs/). Locally, without it, the block is skipped
 * with one line naming what to install; under CI (CI=true) it fails with that same line, since .ci/run installs it.
 */
export function describeWith(missing: readonly (string | undefined)[], name: string, body: () => void): void {
  const lines = missing.filter((line): line is string => line !== undefined);
  if (!lines.length) return void describe(name, body);
  if (process.env.CI === 'true') return void describe(name, () => it(lines.join('; '), () => void failWith(lines)));
  process.stderr.write(`skipped "${name}": ${lines.join('; ')}\n`);
  describe.skip(`${name} (${lines.join('; ')})`, body);
}

function failWith(lines: string[]): never {
  throw new Error(lines.join('; '));
}
