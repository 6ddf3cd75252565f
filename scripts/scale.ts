// npm run scale: two replicas of `hiringcenter-mcp --http` behind haproxy (round-robin, no affinity) on
// 127.0.0.1, two tenants, 2,000 mixed calls through the balancer; halfway, one replica is killed (the workload and
// its targets: scale-workload.ts; npm run test:docker runs the same against the compose topology). Installs
// Debian's haproxy if it is missing. Exits non-zero on a miss.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { answers, freePort, programPath } from './host-programs.js';
import { runScaleWorkload, startTenantApi } from './scale-workload.js';

const CALLS = Number(process.env.SCALE_CALLS ?? 2000);
const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
// Shared by both replicas, as a deployment sets it: each opens the confirmations the other sealed.
const STATE_SECRET = randomBytes(32).toString('base64');

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
  if (await answers(`http://127.0.0.1:${port}/readyz`, 5)) return child;
  throw new Error(`replica on ${port} did not start`);
}

const { api, stores } = await startTenantApi();
const [front, portA, portB] = await Promise.all([freePort(), freePort(), freePort()]);
const publicUrl = `http://127.0.0.1:${front}`;
const replicas = [await replica(portA, api.baseUrl, publicUrl), await replica(portB, api.baseUrl, publicUrl)];
// The balancer of deploy/compose.yaml, with its own configuration: what is measured here is what is deployed.
const haproxy = spawn(programPath('haproxy', 'haproxy'), ['-f', fileURLToPath(new URL('../deploy/haproxy.cfg', import.meta.url)), '-db'], {
  env: { LISTEN: `127.0.0.1:${front}`, REPLICA_A: `127.0.0.1:${portA}`, REPLICA_B: `127.0.0.1:${portB}` },
  stdio: ['ignore', 'ignore', 'ignore'],
});
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
