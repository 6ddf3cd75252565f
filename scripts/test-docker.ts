// npm run test:docker (run by .ci/run): the image and the compose topology, built and run on this machine.
//  1. Base images made here from the host's own Node, haproxy and Redis (no registry can be pulled from).
//  2. The Dockerfile built on that Node; one container run on the host's network at 127.0.0.1: /healthz, Docker's
//     own health status, a non-root user, a tool call with a key against the emulator, SIGTERM drain, image size.
//  3. deploy/compose.yaml brought up (haproxy, two replicas, Redis) and the scale workload run through it, one
//     replica container killed halfway: 0 errors, 0 duplicates, 0 lost writes.
// Installs docker.io (and docker-compose) and starts dockerd when missing, and stops what it started. Prints each
// check and a closing "N passed, N failed" line; exits non-zero when one fails.
import { execFile as execFileCallback, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { startSandboxApi } from '../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../src/sandbox/seed.js';
import { ensureDocker } from './docker/docker-daemon.js';
import { importHostImage } from './docker/host-image.js';
import { answers, freePort, programPath } from './host-programs.js';
import { runScaleWorkload, startTenantApi } from './scale-workload.js';

const execFile = promisify(execFileCallback);
const root = fileURLToPath(new URL('..', import.meta.url));
const IMAGE = 'hiringcenter-mcp:test';
const BASE = { node: 'hcmcp-local/node:20', haproxy: 'hcmcp-local/haproxy:bookworm', redis: 'hcmcp-local/redis:bookworm' };
const SINGLE = 'hcmcp-test-single';
const PROJECT = 'hcmcp-test';
const KEY = `hc_docker_${randomBytes(16).toString('hex')}`;

let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail = ''): void {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
}
const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();
const quietly = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

async function connect(url: string, key: string): Promise<Client> {
  const client = new Client({ name: 'test-docker', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
  return client;
}
const textOf = (result: Awaited<ReturnType<Client['callTool']>>) =>
  (result.content as { type: string; text?: string }[]).map((part) => part.text ?? '').join('\n');

const engine = await ensureDocker();
const composeEnv: Record<string, string> = {};
const compose = (...args: string[]) =>
  execFile(engine.compose[0]!, [...engine.compose.slice(1), '-p', PROJECT, '-f', `${root}deploy/compose.yaml`, ...args], {
    env: { ...process.env, ...composeEnv },
    encoding: 'utf8',
  });
try {
  // 1. Base images.
  let started = performance.now();
  importHostImage(BASE.node, [{ from: process.execPath, to: '/usr/local/bin/node' }]);
  importHostImage(BASE.haproxy, [{ from: programPath('haproxy', 'haproxy'), to: '/usr/sbin/haproxy' }]);
  importHostImage(BASE.redis, [{ from: programPath('redis-server', 'redis-server'), to: '/usr/bin/redis-server' }]);
  console.log(`base images made from this machine's programs in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // 2. The image, and one container.
  started = performance.now();
  // The classic builder: the engine Debian packages has no BuildKit plugin here (its deprecation notice is kept out).
  execFileSync('docker', ['build', '-q', '--build-arg', `NODE_IMAGE=${BASE.node}`, '-t', IMAGE, root], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
  });
  const buildSeconds = (performance.now() - started) / 1000;
  const size = Number(docker('image', 'inspect', '-f', '{{.Size}}', IMAGE));
  const baseSize = Number(docker('image', 'inspect', '-f', '{{.Size}}', BASE.node));
  check('image builds on the local Node base', size > 0, `${buildSeconds.toFixed(1)} s`);
  check(
    'image size',
    size - baseSize < 5 * 2 ** 20,
    `${mib(size)} in all: ${mib(size - baseSize)} of ours (dist/ and the health check) on a ${mib(baseSize)} Node base`,
  );
  check('runs as a non-root user', docker('image', 'inspect', '-f', '{{.Config.User}}', IMAGE) === 'node');

  const api = await startSandboxApi({ apiKey: KEY });
  seedMeetings(api.store, { now: Date.now() });
  const port = await freePort();
  quietly('docker', ['rm', '-f', SINGLE]);
  started = performance.now();
  docker(
    'run',
    '-d',
    '--name',
    SINGLE,
    '--network',
    'host',
    '--health-interval',
    '1s',
    '--health-start-period',
    '1s',
    '-e',
    'HIRINGCENTER_HTTP_HOST=127.0.0.1',
    '-e',
    `HIRINGCENTER_HTTP_PORT=${port}`,
    '-e',
    `HIRINGCENTER_BASE_URL=${api.baseUrl}`,
    IMAGE,
  );
  const up = await answers(`http://127.0.0.1:${port}/healthz`, 20);
  const startMs = performance.now() - started;
  check('GET /healthz answers', up, `${Math.round(startMs)} ms from docker run`);
  let health = '';
  for (let i = 0; i < 60 && health !== 'healthy'; i++, await sleep(250))
    health = docker('inspect', '-f', '{{.State.Health.Status}}', SINGLE);
  check("Docker's HEALTHCHECK reports healthy", health === 'healthy', health);
  check('the process runs as uid 1000', docker('exec', SINGLE, 'node', '-p', 'process.getuid()') === '1000');

  const client = await connect(`http://127.0.0.1:${port}/mcp`, KEY);
  const listed = await client.callTool({ name: 'list_meetings', arguments: { limit: 3 } });
  const sent = api.requests.at(-1);
  check(
    'a tool call with a key reaches the emulator',
    !listed.isError && /^3 of \d+ meetings/.test(textOf(listed)) && sent?.headers.authorization === `Bearer ${KEY}`,
    textOf(listed).split('\n')[0],
  );

  // SIGTERM while a call is in flight (the emulator holds its answer 2 s): the call finishes, the process exits 0.
  api.faults.push({ method: 'GET', delayMs: 2000 });
  const slow = client.callTool({ name: 'list_meetings', arguments: { limit: 2 } });
  await sleep(300);
  started = performance.now();
  const stopped = execFile('docker', ['stop', '-t', '15', SINGLE]);
  await sleep(500);
  const refused = await fetch(`http://127.0.0.1:${port}/readyz`).then(
    (response) => response.status !== 200,
    () => true,
  );
  const drained = await slow.then(
    (result) => !result.isError,
    () => false,
  );
  await stopped;
  const stopSeconds = (performance.now() - started) / 1000;
  const exitCode = docker('inspect', '-f', '{{.State.ExitCode}}', SINGLE);
  check('SIGTERM: no new requests taken while draining', refused);
  check('SIGTERM: the call in flight finishes', drained);
  check('SIGTERM: Node exits 0 by itself', exitCode === '0' && stopSeconds < 14, `exit ${exitCode} after ${stopSeconds.toFixed(1)} s`);
  const logs = spawnSync('docker', ['logs', SINGLE], { encoding: 'utf8' });
  check('the key appears in no log line', !`${logs.stdout}${logs.stderr}`.includes(KEY) && logs.stderr.includes('"status":200'));
  await client.close().catch(() => undefined);
  quietly('docker', ['rm', '-f', SINGLE]);
  await api.close();

  // 3. The compose topology, and the scale run through it.
  const tenants = await startTenantApi();
  const [front, replicaA, replicaB, redis] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  Object.assign(composeEnv, {
    HIRINGCENTER_IMAGE: IMAGE,
    HAPROXY_IMAGE: BASE.haproxy,
    REDIS_IMAGE: BASE.redis,
    HIRINGCENTER_LISTEN: `127.0.0.1:${front}`,
    HIRINGCENTER_PUBLIC_URL: `http://127.0.0.1:${front}`,
    HIRINGCENTER_OAUTH_SECRET: randomBytes(48).toString('base64'),
    HIRINGCENTER_STATE_SECRET: randomBytes(48).toString('base64'),
    HIRINGCENTER_BASE_URL: tenants.api.baseUrl,
    HIRINGCENTER_LOG_LEVEL: 'warn',
    REPLICA_A_PORT: String(replicaA),
    REPLICA_B_PORT: String(replicaB),
    REDIS_PORT: String(redis),
  });
  await compose('down', '-t', '1').catch(() => undefined);
  started = performance.now();
  await compose('up', '-d', '--no-build');
  const ready = await answers(`http://127.0.0.1:${front}/readyz`, 30);
  check(
    'compose: haproxy, two replicas and Redis come up',
    ready,
    `${((performance.now() - started) / 1000).toFixed(1)} s to the first ready answer`,
  );
  const metadata = await fetch(`http://127.0.0.1:${front}/.well-known/oauth-authorization-server`).then(
    (r) => r.json() as Promise<{ issuer?: string }>,
  );
  check('compose: OAuth discovery names the public URL', metadata.issuer === `http://127.0.0.1:${front}/`, metadata.issuer);
  // Both replicas behind the balancer before the run starts, so the kill takes one out mid-way.
  const both = (await answers(`http://127.0.0.1:${replicaA}/readyz`, 20)) && (await answers(`http://127.0.0.1:${replicaB}/readyz`, 20));
  await sleep(2500);
  const { rows, ok } = await runScaleWorkload({
    url: new URL(`http://127.0.0.1:${front}/mcp`),
    stores: tenants.stores,
    calls: Number(process.env.SCALE_CALLS ?? 2000),
    killReplica: async () => void (await compose('kill', 'replica-a')),
  });
  for (const [name, value] of rows) console.log(`  ${name.padEnd(36)} ${value}`);
  const killed = (await compose('ps', '-q', 'replica-a')).stdout.trim();
  const state = killed ? docker('inspect', '-f', '{{.State.Running}} {{.State.ExitCode}}', killed) : 'gone';
  check(
    'compose: scale run, one replica container killed mid-run',
    both && ok && state === 'false 137',
    `replica-a: running, exit = ${state}`,
  );
  await compose('down', '-t', '15');
  await tenants.api.close();
} catch (error) {
  check('the run itself', false, error instanceof Error ? error.message : String(error));
} finally {
  quietly('docker', ['rm', '-f', SINGLE]);
  await compose('down', '-t', '1').catch(() => undefined);
  await engine.stop();
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
