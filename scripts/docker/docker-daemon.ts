// A Docker engine for npm run test:docker: the one running, or Debian's docker.io (and docker-compose) installed and
// dockerd started here, then stopped again by stop(). Nothing is pulled from a registry: images are built locally.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aptInstall, succeeds } from '../host-programs.js';

export interface DockerEngine {
  /** How compose is run: the `docker compose` plugin when the client has it, else Debian's docker-compose. */
  compose: string[];
  /** Stops dockerd if this script started it (containers were removed by then). */
  stop(): Promise<void>;
}

export async function ensureDocker(): Promise<DockerEngine> {
  const missing: string[] = [];
  if (!succeeds('sh', ['-c', 'command -v dockerd'])) missing.push('docker.io');
  const plugin = succeeds('docker', ['compose', 'version']);
  if (!plugin && !succeeds('sh', ['-c', 'command -v docker-compose'])) missing.push('docker-compose');
  if (missing.length) aptInstall(missing);
  const compose = succeeds('docker', ['compose', 'version']) ? ['docker', 'compose'] : ['docker-compose'];

  let daemon: ChildProcess | undefined;
  if (!succeeds('docker', ['info'])) {
    const log = join(tmpdir(), 'hcmcp-dockerd.log');
    console.log(`starting dockerd (log: ${log})…`);
    const out = openSync(log, 'a');
    // Host networking only (every test container uses --network host on 127.0.0.1): no bridge, no NAT rules.
    daemon = spawn('dockerd', ['--bridge=none', '--iptables=false'], { stdio: ['ignore', out, out], detached: true });
    daemon.unref();
    for (let i = 0; !succeeds('docker', ['info']); i++) {
      if (i === 120 || daemon.exitCode !== null) throw new Error(`dockerd did not start; see ${log}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return {
    compose,
    async stop() {
      if (!daemon || daemon.exitCode !== null) return;
      const exited = new Promise((resolve) => daemon.once('exit', resolve));
      daemon.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      if (daemon.exitCode === null) daemon.kill('SIGKILL');
    },
  };
}
