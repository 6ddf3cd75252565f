// npm run scale: two replicas of `hiringcenter-mcp --http` behind haproxy (round-robin, no affinity) on
// 127.0.0.1, two tenants, 2,000 mixed calls through the balancer; halfway, one replica is killed (the workload and
// its targets: scale-workload.ts; npm run test:docker runs the same against the compose topology). Installs
// Debian's haproxy if it is missing. Exits non-zero on a miss.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScaleWorkload, startTenantApi } from './scale-workload.js';

const CALLS = Number(process.env.SCALE_CALLS ?? 2000);
const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
// Shared by both replicas, as a deployment sets it: each opens the confirmations the other sealed.
const STATE_SECRET = randomBytes(32).toString('base64');

function haproxyPath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v haproxy || ls /usr/sbin/haproxy'], { encoding: 'utf8' }).trim().split('\n')[0]!;
  } catch {
    console.log('installing haproxy (Debian package)…');
    execFileSync(
      'sh',
      ['-c', 'apt-get install -y haproxy >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y haproxy >/dev/null)'],
      { stdio: 'inherit' },
    );
    return '/usr/sbin/haproxy';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

// Whatever happens, no replica or balancer outlives the script.
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

async function replica(port: number, baseUrl: string, publicUrl: string): Promise<ChildProcess> {
  // Behind the balancer, clients name the balancer's address: that is the public URL the Host check accepts.
  const child = spawn(process.execPath, [bin, '--http', '--port', String(port)], {
    env: {
      PATH: process.env.PATH ?? '',
      HIRINGCENTER_BASE_URL: baseUrl,
      HIRINGCENTER_PUBLIC_URL: publicUrl,
      HIRINGCENTER_STATE_SECRET: STATE_SECRET,
      HIRINGCENTER_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  children.push(child);
  for (let i = 0; i < 100; i++) {
    if ((await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`replica on ${port} did not start`);
}

const { api, stores } = await startTenantApi();
const [front, portA, portB] = await Promise.all([freePort(), freePort(), freePort()]);
const publicUrl = `http://127.0.0.1:${front}`;
const replicas = [await replica(portA, api.baseUrl, publicUrl), await replica(portB, api.baseUrl, publicUrl)];
const dir = mkdtempSync(join(tmpdir(), 'hcmcp-scale-'));
writeFileSync(
  join(dir, 'haproxy.cfg'),
  `global
  maxconn 4096
defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  retries 3
  option redispatch
frontend mcp
  bind 127.0.0.1:${front}
  default_backend replicas
backend replicas
  balance roundrobin
  option httpchk GET /readyz
  server one 127.0.0.1:${portA} check inter 200 fall 1 rise 2
  server two 127.0.0.1:${portB} check inter 200 fall 1 rise 2
`,
);
const haproxy = spawn(haproxyPath(), ['-f', join(dir, 'haproxy.cfg'), '-db'], { stdio: ['ignore', 'ignore', 'ignore'] });
children.push(haproxy);
await new Promise((resolve) => setTimeout(resolve, 500));

const { rows, ok } = await runScaleWorkload({
  url: new URL(`http://127.0.0.1:${front}/mcp`),
  stores,
  calls: CALLS,
  killReplica: () => void replicas[0]!.kill('SIGKILL'),
});
for (const [name, value] of rows) console.log(`${name.padEnd(36)} ${value}`);
haproxy.kill();
replicas[1]!.kill();
await api.close();
console.log(ok ? '\nall targets met.' : '\nFAIL: a target above is missed');
if (!ok) process.exit(1);
