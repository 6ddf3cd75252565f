// npm run scale: two replicas of `hiringcenter-mcp --http` behind haproxy (round-robin, no affinity) on
// 127.0.0.1, two tenants, 2,000 mixed calls through the balancer; halfway, one replica is killed. Every call
// that fails is repeated as an agent would; at the end each tenant must see only its own meetings, with
// 0 duplicates and 0 lost writes. Tenant a speaks 2026-07-28 and confirms every delete (MRTR: the retry
// carrying the answer reaches the other replica, which opens the sealed state through the shared
// HIRINGCENTER_STATE_SECRET); tenant b speaks 2025. Installs Debian's haproxy if it is missing. Exits
// non-zero on a miss.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { MeetingStore } from '../src/sandbox/meeting-store.js';
import { startSandboxApi } from '../src/sandbox/sandbox-api.js';

const CALLS = Number(process.env.SCALE_CALLS ?? 2000);
const TENANTS = { a: 'hc_scale_tenant_a_0123456789abcdef', b: 'hc_scale_tenant_b_0123456789abcdef' } as const;
type Tenant = keyof typeof TENANTS;
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

// The API: two accounts, each with its own key and meetings.
const stores = { a: new MeetingStore(), b: new MeetingStore() };
const api = await startSandboxApi({
  apiKey: TENANTS.a,
  store: stores.a,
  record: false,
  otherAccounts: [{ apiKey: TENANTS.b, store: stores.b }],
});
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
const url = new URL(`http://127.0.0.1:${front}/mcp`);

// Tenant a: a 2026-07-28 client that declares elicitation and accepts every question (a person saying yes).
let confirmations = 0;
async function connect(tenant: Tenant): Promise<Client> {
  const modern = tenant === 'a';
  const client = new Client(
    { name: `scale-${tenant}`, version: '1.0.0' },
    modern ? { versionNegotiation: { mode: { pin: '2026-07-28' } }, capabilities: { elicitation: { form: {} } } } : {},
  );
  if (modern) {
    client.setRequestHandler('elicitation/create', () => {
      confirmations += 1;
      return { action: 'accept', content: { confirm: true } };
    });
  }
  await client.connect(
    new StreamableHTTPClientTransport(url, { requestInit: { headers: { authorization: `Bearer ${TENANTS[tenant]}` } } }),
  );
  return client;
}
const clients = { a: await connect('a'), b: await connect('b') };
const eras = { a: clients.a.getProtocolEra(), b: clients.b.getProtocolEra() };

// An agent's loop: a failed call (a broken connection, a transient error) is repeated as it is, up to 5 times.
const TRANSIENT = /may have been applied|try again|timed out|broke before|cannot trust/i;
let calls = 0;
let repeats = 0;
let errors = 0;
async function call(tenant: Tenant, name: string, args: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
  for (let attempt = 0; attempt < 6; attempt++) {
    calls += 1;
    try {
      const result = await clients[tenant].callTool({ name, arguments: args });
      const text = (result.content as { text: string }[])[0]!.text;
      if (!result.isError) return result.structuredContent as Record<string, unknown>;
      if (!TRANSIENT.test(text)) {
        errors += 1;
        console.error(`${tenant} ${name}: ${text}`);
        return undefined;
      }
    } catch {
      // The connection to a killed replica: nothing answered; the balancer sends the repeat elsewhere.
    }
    repeats += 1;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  errors += 1;
  return undefined;
}

// The workload, per tenant: creates in their own slots, updates of notes, deletes, lists and reads.
const base = Date.now() + 7 * 86_400_000;
const intents = {
  a: new Map<number, { id?: string; notes?: string; deleted?: boolean }>(),
  b: new Map<number, { id?: string; notes?: string; deleted?: boolean }>(),
};
const started = performance.now();
let killedAt = -1;
const inFlight: Promise<unknown>[] = [];
for (let i = 0; i < CALLS; i++) {
  if (i === Math.floor(CALLS / 2)) {
    killedAt = i;
    replicas[0]!.kill('SIGKILL');
  }
  const tenant: Tenant = i % 2 ? 'b' : 'a';
  const slot = Math.floor(i / 10);
  const mine = intents[tenant];
  const kind = i % 10;
  const run = async () => {
    if (kind < 3 && !mine.has(slot * 10 + kind)) {
      const key = slot * 10 + kind;
      mine.set(key, {});
      const meetingDate = base + key * 3_600_000;
      const created = await call(tenant, 'create_meeting', {
        prospectId: `prospect-${tenant}-${key}`,
        ownerId: `owner-${tenant}`,
        meetingType: 'virtual',
        meetingDate,
        timeZone: 'Europe/Berlin',
      });
      mine.get(key)!.id = (created?.meeting as { id?: string } | undefined)?.id;
    } else if (kind < 6) {
      const target = [...mine.entries()].find(([, m]) => m.id && !m.deleted);
      if (!target) return;
      const notes = `update ${i}`;
      if (await call(tenant, 'update_meeting', { meetingId: target[1].id, notes })) target[1].notes = notes;
    } else if (kind === 6) {
      const target = [...mine.entries()].reverse().find(([, m]) => m.id && !m.deleted);
      if (!target) return;
      target[1].deleted = true;
      await call(tenant, 'delete_meeting', { meetingId: target[1].id });
    } else if (kind < 9) {
      await call(tenant, 'list_meetings', { limit: 20 });
    } else {
      const target = [...mine.values()].find((m) => m.id && !m.deleted);
      if (target) await call(tenant, 'get_meeting', { meetingId: target.id });
    }
  };
  // Two calls at a time per tenant in flight, as two agents of one team would.
  inFlight.push(run());
  if (inFlight.length >= 4) await Promise.all(inFlight.splice(0));
}
await Promise.all(inFlight);
const seconds = (performance.now() - started) / 1000;

// Each tenant sees only its own meetings; nothing duplicated; every last update is there.
let leaks = 0;
let duplicates = 0;
let lostWrites = 0;
const deleted: Record<Tenant, number> = { a: 0, b: 0 };
for (const tenant of ['a', 'b'] as const) {
  const listed = (await call(tenant, 'list_meetings', { maxResults: 1000 }))?.meetings as { prospectId: string }[] | undefined;
  leaks += (listed ?? []).filter((m) => !m.prospectId.startsWith(`prospect-${tenant}-`)).length;
  const all = stores[tenant].all();
  const bySlot = new Map<string, number>();
  for (const meeting of all) bySlot.set(meeting.prospectId, (bySlot.get(meeting.prospectId) ?? 0) + 1);
  duplicates += [...bySlot.values()].filter((count) => count > 1).length;
  for (const [key, intent] of intents[tenant]) {
    const stored = all.find((m) => m.prospectId === `prospect-${tenant}-${key}`);
    // A delete that was asked for and confirmed must have happened, once.
    if (intent.deleted) {
      if (stored) lostWrites += 1;
      else deleted[tenant] += 1;
      continue;
    }
    if (!stored || (intent.notes !== undefined && stored.notes !== intent.notes)) lostWrites += 1;
  }
}

const rows: [string, string | number][] = [
  ['eras (tenant a, tenant b)', `${eras.a}, ${eras.b}`],
  ['calls (repeats included)', calls],
  ['repeats after a failure', repeats],
  ['replica killed at call', killedAt],
  ['errors after repeats', errors],
  ['meetings seen by the other tenant', leaks],
  ['duplicates', duplicates],
  ['lost writes (deletes included)', lostWrites],
  // The workload deletes for tenant a only (every tenth call, an even one).
  ['deleted (tenant a)', deleted.a],
  ['confirmations answered (a)', confirmations],
  ['meetings at the end', `${stores.a.size} + ${stores.b.size}`],
  ['wall time', `${seconds.toFixed(1)} s`],
];
for (const [name, value] of rows) console.log(`${name.padEnd(36)} ${value}`);
await clients.a.close().catch(() => undefined);
await clients.b.close().catch(() => undefined);
haproxy.kill();
replicas[1]!.kill();
await api.close();
// Every delete of tenant a was confirmed through the MRTR round trip (repeats after the kill may ask again).
const ok =
  errors === 0 && leaks === 0 && duplicates === 0 && lostWrites === 0 && eras.a === 'modern' && confirmations >= deleted.a && deleted.a > 0;
console.log(ok ? '\nall targets met.' : '\nFAIL: a target above is missed');
if (!ok) process.exit(1);
