// The workload of npm run scale, against any topology that serves /mcp: two tenants, mixed calls, one replica killed
// halfway (by `killReplica`, which knows how: a process, a container). Every call that fails is repeated as an
// agent would; at the end each tenant must see only its own meetings, with 0 duplicates and 0 lost writes. Tenant a
// speaks 2026-07-28 and confirms every delete (MRTR: the retry carrying the answer may reach the other replica,
// which opens the sealed state through the shared HIRINGCENTER_STATE_SECRET); tenant b speaks 2025.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { MeetingStore } from '../src/sandbox/meeting-store.js';
import { startSandboxApi, type SandboxApi } from '../src/sandbox/sandbox-api.js';

export const TENANTS = { a: 'hc_scale_tenant_a_0123456789abcdef', b: 'hc_scale_tenant_b_0123456789abcdef' } as const;
type Tenant = keyof typeof TENANTS;
export type TenantStores = Record<Tenant, MeetingStore>;

/** The API: two accounts, each with its own key and meetings, on a loopback port (`host`: where to listen). */
export async function startTenantApi(host = '127.0.0.1'): Promise<{ api: SandboxApi; stores: TenantStores }> {
  const stores = { a: new MeetingStore(), b: new MeetingStore() };
  const api = await startSandboxApi({
    apiKey: TENANTS.a,
    store: stores.a,
    record: false,
    host,
    otherAccounts: [{ apiKey: TENANTS.b, store: stores.b }],
  });
  return { api, stores };
}

export interface ScaleOptions {
  /** The balancer's /mcp. */
  url: URL;
  stores: TenantStores;
  calls: number;
  killReplica(): void | Promise<void>;
}

/** Runs the workload; `rows` are the figures to print, `ok` whether every target was met. */
export async function runScaleWorkload(options: ScaleOptions): Promise<{ rows: [string, string | number][]; ok: boolean }> {
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
      new StreamableHTTPClientTransport(options.url, { requestInit: { headers: { authorization: `Bearer ${TENANTS[tenant]}` } } }),
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
  for (let i = 0; i < options.calls; i++) {
    if (i === Math.floor(options.calls / 2)) {
      killedAt = i;
      await options.killReplica();
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
    const all = options.stores[tenant].all();
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
    ['meetings at the end', `${options.stores.a.size} + ${options.stores.b.size}`],
    ['wall time', `${seconds.toFixed(1)} s`],
  ];
  await clients.a.close().catch(() => undefined);
  await clients.b.close().catch(() => undefined);
  // Every delete of tenant a was confirmed through the MRTR round trip (repeats after the kill may ask again).
  const ok =
    errors === 0 &&
    leaks === 0 &&
    duplicates === 0 &&
    lostWrites === 0 &&
    eras.a === 'modern' &&
    confirmations >= deleted.a &&
    deleted.a > 0;
  return { rows, ok };
}
