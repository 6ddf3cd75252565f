// npm run bench: speed, sockets and memory, each against a floor measured in
// the same run (this machine is noisy, so only ratios mean anything).
// Starts the sandbox emulator over HTTP on 127.0.0.1 in a process of its own;
// every server under test is a real child process spoken to over stdio.
import { fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/client';
import { Agent, request } from 'node:http';

const KEY = 'bench-key';
const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const OURS = [root('dist/cli.js')];
const MINIMAL = [root('.build/bench/minimal-sdk-server.js')];
const NAIVE = [root('.build/bench/naive-v2-server.js')];
const RAW = [root('scripts/bench-fixtures/raw-jsonrpc-server.mjs')];

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : 1)} ms`;
const ratio = (n: number) => `${n.toFixed(2)}×`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const results: boolean[] = [];
const check = (ok: boolean) => (results.push(ok), mark(ok));

interface Emulator {
  baseUrl: string;
  ids: string[];
  connectionsOpened(): Promise<number>;
  close(): void;
}

async function sandbox(count: number): Promise<Emulator> {
  const child = fork(root('.build/bench/sandbox-server.js'), [KEY, String(count)], { stdio: 'ignore' });
  const ready = await new Promise<{ baseUrl: string; ids: string[] }>((resolve) => child.once('message', (m) => resolve(m as never)));
  return {
    ...ready,
    connectionsOpened: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve((m as { connections: number }).connections));
        child.send('connections');
      }),
    close: () => child.disconnect(),
  };
}
const oursEnv = (api: Emulator) => ({ PATH: process.env.PATH ?? '', HIRINGCENTER_API_KEY: KEY, HIRINGCENTER_BASE_URL: api.baseUrl });

/** spawn → initialize → tools/list answered, over raw stdio. */
function coldStart(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'pipe', 'ignore'] });
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n')) {
        const message = JSON.parse(buffer.slice(0, nl)) as { id?: number };
        buffer = buffer.slice(nl + 1);
        if (message.id === 1) {
          child.stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n{"jsonrpc":"2.0","id":2,"method":"tools/list"}\n');
        } else if (message.id === 2) {
          resolve(performance.now() - started);
          child.kill();
        }
      }
    });
    child.on('error', reject);
    child.stdin.write(
      '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}\n',
    );
  });
}

/** Median per variant, the variants taking turns so that drift on a noisy machine hits all alike. */
async function medianColdStarts(variants: Record<string, [string[], Record<string, string>]>, runs = 15): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (const [args, env] of Object.values(variants)) await coldStart(args, env); // warm the file cache
  for (let i = 0; i < runs; i++) for (const [name, [args, env]] of Object.entries(variants)) times[name]!.push(await coldStart(args, env));
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, quantile(values, 0.5)]));
}

interface Session {
  client: Client;
  pid: number;
  call(name: string, args: Record<string, unknown>): Promise<boolean>;
  /** CPU time the server process has used so far. */
  cpuMs(): number;
  peakRssMiB(): number;
  close(): Promise<void>;
}

async function connect(args: string[], env: Record<string, string>): Promise<Session> {
  const transport = new StdioClientTransport({ command: process.execPath, args, env, stderr: 'ignore' });
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(transport);
  const pid = transport.pid!;
  return {
    client,
    pid,
    async call(name, callArgs) {
      const result = await client.callTool({ name, arguments: callArgs });
      return !result.isError;
    },
    cpuMs() {
      // utime + stime in clock ticks (100 Hz on Linux): fields 14 and 15 of /proc/<pid>/stat.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    peakRssMiB() {
      const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return Number(kib) / 1024;
    },
    close: () => client.close(),
  };
}

async function timeEach(n: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  return times;
}

const api = await sandbox(200);
const { ids } = api;
console.log(`hiringcenter-mcp bench — node ${process.version}, ${new Date().toISOString()}\n`);

// 1. Cold start
const bare = { PATH: process.env.PATH ?? '' };
const cold = await medianColdStarts({ ours: [OURS, oursEnv(api)], sdk: [MINIMAL, bare], raw: [RAW, bare] });
console.log('1. Cold start: spawn → initialize → tools/list answered (median of 15, taking turns)');
console.log(
  `   ours ${ms(cold.ours!)} | minimal SDK server, bundled the same way ${ms(cold.sdk!)} | raw JSON-RPC in plain Node ${ms(cold.raw!)}`,
);
console.log(`   ours / minimal SDK = ${ratio(cold.ours! / cold.sdk!)} (target ≤ 1.10×) ${check(cold.ours! / cold.sdk! <= 1.1)}`);
console.log(`   ours / raw floor   = ${ratio(cold.ours! / cold.raw!)} (SDK's own: ${ratio(cold.sdk! / cold.raw!)})\n`);

// 2. Per-call overhead
const ours = await connect(OURS, oursEnv(api));
const echo = await connect(MINIMAL, { PATH: process.env.PATH ?? '' });
// The floor: the same GET with the same HTTP client the server uses (Node's http, one keep-alive socket).
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const apiUrl = new URL(api.baseUrl);
const directGet = (i: number) =>
  new Promise<void>((resolve, reject) => {
    const path = `/v2/meetings/${ids[i % ids.length]}`;
    request({ hostname: apiUrl.hostname, port: apiUrl.port, path, agent, headers: { authorization: `Bearer ${KEY}` } }, (response) => {
      response.resume().once('end', resolve);
    })
      .once('error', reject)
      .end();
  });
const getMeeting = (i: number) => ours.call('get_meeting', { meetingId: ids[i % ids.length] });
const echoCall = () => echo.call('echo', { text: 'x' });
for (let i = 0; i < 200; i++) await Promise.all([getMeeting(i), echoCall(), directGet(i)]); // warm-up
// Taking turns call by call, so the machine's drift lands on all three alike.
const perCall = { ours: [] as number[], direct: [] as number[], echo: [] as number[] };
const cpuBefore = { ours: ours.cpuMs(), echo: echo.cpuMs() };
for (let i = 0; i < 600; i++) {
  perCall.ours.push(...(await timeEach(1, () => getMeeting(i))));
  perCall.direct.push(...(await timeEach(1, () => directGet(i))));
  perCall.echo.push(...(await timeEach(1, echoCall)));
}
const cpuPerCall = { ours: (ours.cpuMs() - cpuBefore.ours) / 600, echo: (echo.cpuMs() - cpuBefore.echo) / 600 };
const p = (values: number[]) => ({ p50: quantile(values, 0.5), p99: quantile(values, 0.99) });
const [o, d, e] = [p(perCall.ours), p(perCall.direct), p(perCall.echo)];
const added = o.p50 - (d.p50 + e.p50);
console.log('2. Per-call: get_meeting through MCP vs its floor (600 calls each, taking turns, after 200 warm-up)');
console.log(
  `   ours p50 ${ms(o.p50)} p99 ${ms(o.p99)} | direct GET p50 ${ms(d.p50)} p99 ${ms(d.p99)} | SDK echo p50 ${ms(e.p50)} p99 ${ms(e.p99)}`,
);
console.log(`   added by us: p50 ${ms(added)} (target ≤ 0.3 ms) ${check(added <= 0.3)}`);
console.log(`   server CPU per call: ours ${ms(cpuPerCall.ours)} | SDK echo server ${ms(cpuPerCall.echo)} (10 ms clock ticks, averaged)\n`);

// 3. Concurrency
const socketsBefore = await api.connectionsOpened();
const started = performance.now();
const outcomes = await Promise.allSettled(Array.from({ length: 300 }, () => ours.call('list_meetings', { limit: 20 })));
const wall = performance.now() - started;
const errors = outcomes.filter((r) => r.status === 'rejected' || !r.value).length;
const sockets = (await api.connectionsOpened()) - socketsBefore;
console.log('3. Concurrency: 300 list_meetings in flight at once');
console.log(
  `   wall ${ms(wall)}, errors ${errors} (target 0) ${check(errors === 0)}, sockets opened to the API ${sockets} (target ≤ 16) ${check(sockets <= 16)}\n`,
);
await ours.close();
await echo.close();

// 4. Sustained
const fresh = await connect(OURS, oursEnv(api));
const trivial = await connect(MINIMAL, { PATH: process.env.PATH ?? '' });
const naive = await connect(NAIVE, oursEnv(api));
const sustain = async (run: (i: number) => Promise<unknown>) => {
  const t0 = performance.now();
  for (let i = 0; i < 2000; i++) await run(i);
  return 2000 / ((performance.now() - t0) / 1000);
};
const oursRate = await sustain((i) =>
  i % 2 ? fresh.call('get_meeting', { meetingId: ids[i % ids.length] }) : fresh.call('list_meetings', { limit: 10 }),
);
const trivialRate = await sustain(() => trivial.call('echo', { text: 'x' }));
const naiveRate = await sustain((i) =>
  i % 2 ? naive.call('get_meeting', { meetingId: ids[i % ids.length] }) : naive.call('list_meetings', { limit: 10 }),
);
const floorShare = oursRate * ((d.p50 + e.p50) / 1000);
const rss = { ours: fresh.peakRssMiB(), trivial: trivial.peakRssMiB(), naive: naive.peakRssMiB() };
console.log('4. Sustained: 2,000 mixed get/list calls back to back');
console.log(
  `   ours ${oursRate.toFixed(0)} calls/s | naive v2 server, same calls ${naiveRate.toFixed(0)} calls/s | trivial SDK server ${trivialRate.toFixed(0)} echo calls/s`,
);
console.log(
  `   share of floor throughput (ours calls/s × (direct GET p50 + echo p50)) = ${floorShare.toFixed(2)} (target ≥ 0.5) ${check(floorShare >= 0.5)}`,
);
console.log(
  `   peak RSS ours ${rss.ours.toFixed(1)} MiB | naive v2 server doing the same job (fetch, JSON, Intl dates) ${rss.naive.toFixed(1)} MiB | echo-only ${rss.trivial.toFixed(1)} MiB`,
);
console.log(
  `   ours / naive = ${ratio(rss.ours / rss.naive)} (target ≤ 1.0×) ${check(rss.ours / rss.naive <= 1)}; ours / echo-only = ${ratio(rss.ours / rss.trivial)}\n`,
);
await fresh.close();
await trivial.close();
await naive.close();

// 5. Scale
console.log('5. Scale: list_meetings maxResults=1000 (server follows pages of 200)');
for (const count of [500, 5000]) {
  const big = await sandbox(count);
  const session = await connect(OURS, oursEnv(big));
  await session.call('list_meetings', { limit: 1 });
  const times = await timeEach(3, () => session.call('list_meetings', { maxResults: 1000 }));
  console.log(
    `   ${String(count).padStart(5)} seeded: ${ms(quantile(times, 0.5))} (median of 3), peak RSS ${session.peakRssMiB().toFixed(1)} MiB`,
  );
  await session.close();
  big.close();
}

agent.destroy();
api.close();
const failed = results.filter((ok) => !ok).length;
console.log(`\n${results.length - failed} of ${results.length} targets met.`);
if (failed) process.exitCode = 1;
