// npm run bench:http: hosted mode under load from a real HTTP load generator (autocannon), against a floor
// measured in the same run — the v2 SDK's own HTTP entry (createMcpHandler on its Node adapter) with one echo
// tool — in both eras: 2025 requests and 2026-07-28 ones (the `_meta` envelope and the standard headers). Ours
// also makes a real HTTP call to the emulator (in its own process) on every call. Exits non-zero on a missed target.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const KEY = 'bench-key';
const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const SOAK_SECONDS = Number(process.env.BENCH_HTTP_SOAK_SECONDS ?? 60);
const results: boolean[] = [];
const check = (ok: boolean) => (results.push(ok), ok ? '✓' : '✗');

const emulator = fork(root('.build/bench/sandbox-server.js'), [KEY, '200'], { stdio: 'ignore' });
const { baseUrl, ids } = await new Promise<{ baseUrl: string; ids: string[] }>((resolve) =>
  emulator.once('message', (m) => resolve(m as never)),
);
const peakSockets = () =>
  new Promise<number>((resolve) => {
    emulator.once('message', (m) => resolve((m as { peak: number }).peak));
    emulator.send('connections');
  });

async function start(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolve) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      const match = /listening on (http:\/\/\S+\/mcp)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
  });
  // Drain the request log so the pipe never fills.
  child.stderr!.resume();
  return { child, url };
}

const rss = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
type Era = '2025' | '2026-07-28';
const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' },
};
const call = (era: Era, name: string, args: object) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: { name, arguments: args, ...(era === '2025' ? {} : { _meta: ENVELOPE }) },
  });
const headersFor = (era: Era, name: string): Record<string, string> => ({
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  authorization: `Bearer ${KEY}`,
  ...(era === '2025' ? {} : { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': name }),
});

async function load(url: string, era: Era, name: string, args: object, connectionsCount: number, seconds: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: headersFor(era, name),
    body: call(era, name, args),
    connections: connectionsCount,
    duration: seconds,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

// BENCH_HTTP_METRICS=1: ours with /metrics on (HIRINGCENTER_METRICS_PORT), to see what counting costs.
const metrics: Record<string, string> = process.env.BENCH_HTTP_METRICS === '1' ? { HIRINGCENTER_METRICS_PORT: '0' } : {};
const ours = await start([root('dist/cli.js'), '--http', '--port', '0'], { HIRINGCENTER_BASE_URL: baseUrl, ...metrics });
const floor = await start([root('.build/bench/minimal-http-server.js')], {});
const get = { name: 'get_meeting', args: { meetingId: ids[0] } };
const echo = { name: 'echo', args: { text: 'x' } };
console.log(`hiringcenter-mcp bench:http — node ${process.version}, ${new Date().toISOString()}, ${SECONDS} s per level\n`);
console.log('era        connections | ours calls/s  p50   p99  errors | floor calls/s  p50   p99  errors | ours ÷ floor');
const shares: number[] = [];
let errorsAt512 = 0;
for (const era of ['2025', '2026-07-28'] as const) {
  for (const n of [1, 64, 512]) {
    const o = await load(ours.url, era, get.name, get.args, n, SECONDS);
    const f = await load(floor.url, era, echo.name, echo.args, n, SECONDS);
    const share = o.rps / f.rps;
    shares.push(share);
    if (n === 512) errorsAt512 += o.errors;
    console.log(
      `${era.padEnd(10)} ${String(n).padStart(11)} | ${o.rps.toFixed(0).padStart(13)} ${String(o.p50).padStart(4)} ${String(o.p99).padStart(5)} ${String(o.errors).padStart(7)} | ${f.rps.toFixed(0).padStart(14)} ${String(f.p50).padStart(4)} ${String(f.p99).padStart(5)} ${String(f.errors).padStart(7)} | ${share.toFixed(2)}×`,
    );
  }
}
// Sockets open to the API at the same time (the pool's bound); connections cut by clients that hang up mid-call are replaced.
const sockets = await peakSockets();
console.log(`\npeak RSS: ours ${rss(ours.child.pid!, 'VmHWM').toFixed(1)} MiB | floor ${rss(floor.child.pid!, 'VmHWM').toFixed(1)} MiB`);
console.log(`0 errors at 512 connections (both eras): ${errorsAt512} ${check(errorsAt512 === 0)}`);
const least = Math.min(...shares);
console.log(`ours ≥ 0.8× the floor's calls/s at 1, 64 and 512 connections, both eras: least ${least.toFixed(2)}× ${check(least >= 0.8)}`);
console.log(`most sockets open to the API at once: ${sockets} (≤ 16, as over stdio) ${check(sockets <= 16)}`);

// Memory over a longer run: RSS after 10 s and at the end, at 64 connections.
let at10 = 0;
const sampler = setTimeout(() => (at10 = rss(ours.child.pid!, 'VmRSS')), 10_000);
await load(ours.url, '2026-07-28', get.name, get.args, 64, SOAK_SECONDS);
clearTimeout(sampler);
const atEnd = rss(ours.child.pid!, 'VmRSS');
const growth = atEnd / at10 - 1;
console.log(
  `RSS after 10 s ${at10.toFixed(1)} MiB, after ${SOAK_SECONDS} s ${atEnd.toFixed(1)} MiB: ${(growth * 100).toFixed(1)}% (≤ 10%) ${check(growth <= 0.1)}`,
);

ours.child.kill();
floor.child.kill();
emulator.disconnect();
console.log(`\n${results.filter(Boolean).length} of ${results.length} targets met.`);
if (results.includes(false)) process.exit(1);
