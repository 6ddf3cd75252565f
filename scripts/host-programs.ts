// What the scripts that run real servers share: a free loopback port, a program from Debian's packages (installed
// when missing), and waiting for an address to answer 2xx.
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/** A port free on 127.0.0.1 right now (the system's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Installs Debian packages (root, or through sudo), saying so. */
export function aptInstall(packages: readonly string[]): void {
  console.log(`installing ${packages.join(', ')} (Debian packages)…`);
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  execFileSync(
    'sh',
    ['-c', `${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq ${packages.join(' ')} >/dev/null`],
    { stdio: 'inherit' },
  );
}

/** Whether a shell command runs and exits 0. */
export const succeeds = (command: string, args: readonly string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** The path of `name` (on PATH or in /usr/sbin), installing `debianPackage` first when it is missing. */
export function programPath(name: string, debianPackage: string): string {
  const find = () => spawnSync('sh', ['-c', `command -v ${name} || ls /usr/sbin/${name}`], { encoding: 'utf8' }).stdout.trim();
  if (!find()) aptInstall([debianPackage]);
  const path = find().split('\n')[0];
  if (!path) throw new Error(`${name} is not here after installing ${debianPackage}`);
  return path;
}

/** Polls `url` until it answers 2xx; false after `seconds`. */
export async function answers(url: string, seconds: number): Promise<boolean> {
  for (const until = Date.now() + seconds * 1000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if ((await fetch(url).catch(() => undefined))?.ok) return true;
  }
  return false;
}
