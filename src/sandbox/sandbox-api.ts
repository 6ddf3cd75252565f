import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KiB, MiB } from '../byte-size.js';
import { canonicalJson } from '../api/idempotency-key.js';
import { EmulatorError } from './emulator-error.js';
import { IdempotencyLedger } from './idempotency-ledger.js';
import { MeetingStore, type ApiKeyIdentity } from './meeting-store.js';
import { FaultScript } from './scripted-faults.js';

export interface SandboxApiOptions {
  /** The only key the emulator accepts as `Authorization: Bearer <key>` (the bin makes a random one per process). */
  apiKey: string;
  /** Keep every request in `requests` (tests and the soak read them; the bin does not). Default true. */
  record?: boolean;
  /** More accounts, each with its own key and meetings, as the real API scopes data by account (npm run scale). */
  otherAccounts?: { apiKey: string; store: MeetingStore; keyIdentity?: ApiKeyIdentity }[];
  keyIdentity?: ApiKeyIdentity;
  store?: MeetingStore;
  now?: () => number;
  host?: string;
  port?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  /** What the emulator answered (undefined when it dropped the connection). */
  status?: number;
}

export interface SandboxApi {
  /** Base URL to give the client, e.g. http://127.0.0.1:41234/v2 */
  baseUrl: string;
  store: MeetingStore;
  faults: FaultScript;
  /** Every request that reached the emulator, oldest first. */
  requests: RecordedRequest[];
  /** TCP connections accepted so far. */
  connectionsOpened(): number;
  /** The most TCP connections open at the same time so far. */
  peakConnections(): number;
  /** Requests whose client hung up before the answer was sent (cancellations, timeouts). */
  clientAborts(): number;
  close(): Promise<void>;
}

const BASE_PATH = '/v2';
const MAX_BODY_BYTES = 1 * MiB;
const MAX_KEY_LENGTH = 512;
// Tests read small bodies; a recorded body is cut here so the log stays bounded.
const MAX_RECORDED_BODY = 64 * KiB;

/** The emulator served over real HTTP on loopback (port 0 = any free port). */
export async function startSandboxApi(options: SandboxApiOptions): Promise<SandboxApi> {
  const now = options.now ?? Date.now;
  const store = options.store ?? new MeetingStore(now);
  // Each account: its key, its meetings, its own idempotency keys.
  const accounts = [
    { apiKey: options.apiKey, store, keyIdentity: options.keyIdentity ?? { id: 'key_sandbox', name: 'Sandbox key' } },
    ...(options.otherAccounts ?? []).map((account, index) => ({
      ...account,
      keyIdentity: account.keyIdentity ?? { id: `key_${index + 2}`, name: `Key ${index + 2}` },
    })),
  ].map((account) => ({ ...account, authorization: Buffer.from(`Bearer ${account.apiKey}`), ledger: new IdempotencyLedger(now) }));
  type Account = (typeof accounts)[number];
  const faults = new FaultScript();
  const requests: RecordedRequest[] = [];
  let connections = 0;
  let open = 0;
  let peak = 0;
  let aborts = 0;

  // Loaded here, not at the top: a bundled bin that never starts the sandbox should not pay for node:http.
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    connections += 1;
    open += 1;
    peak = Math.max(peak, open);
    socket.once('close', () => (open -= 1));
  });

  const record = options.record ?? true;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = req.method ?? 'GET';
    res.on('close', () => {
      if (!res.writableFinished && !dropped) aborts += 1;
    });
    let dropped = false;
    const drop = () => {
      dropped = true;
      req.socket.destroy();
    };
    // The key is checked before a byte of the body is read: a caller without it can make the emulator hold nothing.
    const presented = Buffer.from(req.headers.authorization ?? '');
    const account = accounts.find((candidate) => sameBytes(presented, candidate.authorization));
    const body = account !== undefined ? await readBody(req) : '';
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: body.slice(0, MAX_RECORDED_BODY),
    };
    if (record) {
      requests.push(recorded);
      if (requests.length > 10_000) requests.shift();
    }
    if (account === undefined) {
      const { status, payload } = fail(new EmulatorError(401, 'unauthorized', 'Missing or invalid API key.'));
      recorded.status = status;
      res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify(payload), () => req.socket.destroy());
      return;
    }

    const fault = faults.take(method, url.pathname);
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (res.destroyed) return;
    if (fault?.drop === 'before') return drop();
    if (fault?.status !== undefined) {
      if (fault.afterCommit) answer(account, method, url, req.headers, body);
      const text = fault.body ?? JSON.stringify(new EmulatorError(fault.status, 'scripted', `Scripted HTTP ${fault.status}.`).toBody());
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      recorded.status = fault.status;
      return void res.end(text);
    }

    const { status, payload, replayed } = answer(account, method, url, req.headers, body);
    if (fault?.drop === 'after') return drop();
    recorded.status = status;
    res.writeHead(status, {
      'content-type': 'application/json',
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
    res.end(JSON.stringify(payload));
  }

  function answer(
    { store, ledger, keyIdentity: identity }: Account,
    method: string,
    url: URL,
    headers: IncomingMessage['headers'],
    rawBody: string,
  ): { status: number; payload: unknown; replayed?: boolean } {
    const key = headers['x-idempotency-key'];
    if (typeof key === 'string' && key.length > MAX_KEY_LENGTH) {
      return fail(new EmulatorError(400, 'validation_error', `X-Idempotency-Key longer than ${MAX_KEY_LENGTH} characters.`));
    }
    let body: unknown;
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined;
    } catch {
      return fail(new EmulatorError(400, 'invalid_json', 'Body is not valid JSON.'));
    }
    const mutation = method === 'POST' || method === 'DELETE';
    if (!mutation || typeof key !== 'string') return route(store, identity, method, url, body);

    const scopedKey = `${identity.id}:${key}`;
    const fingerprint = `${method} ${url.pathname}\n${canonicalJson(body)}`;
    const seen = ledger.lookup(scopedKey);
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        return fail(new EmulatorError(409, 'idempotency_key_reused', 'This idempotency key was used with a different request.'));
      }
      return { status: seen.status, payload: seen.body, replayed: true };
    }
    const result = route(store, identity, method, url, body);
    if (result.status < 500) ledger.remember(scopedKey, fingerprint, result.status, result.payload);
    return result;
  }

  function route(
    store: MeetingStore,
    identity: ApiKeyIdentity,
    method: string,
    url: URL,
    body: unknown,
  ): { status: number; payload: unknown } {
    const path = url.pathname.startsWith(`${BASE_PATH}/`) ? url.pathname.slice(BASE_PATH.length) : undefined;
    const itemMatch = path?.match(/^\/meetings\/([^/]+)$/);
    try {
      if (path === '/meetings' && method === 'GET') {
        const page = store.list(url.searchParams);
        const pagination = { totalCount: page.totalCount, ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
        return { status: 200, payload: { success: true, items: page.items, pagination } };
      }
      if (path === '/meetings' && method === 'POST') {
        return { status: 201, payload: { success: true, item: store.create(body, identity) } };
      }
      if (itemMatch?.[1]) {
        const id = decodeURIComponent(itemMatch[1]);
        if (method === 'GET') return { status: 200, payload: { success: true, item: store.get(id) } };
        if (method === 'POST') return { status: 200, payload: { success: true, item: store.update(id, body) } };
        if (method === 'DELETE') {
          store.delete(id);
          return { status: 200, payload: { success: true, message: `Meeting ${id} deleted.` } };
        }
        throw new EmulatorError(405, 'method_not_allowed', `${method} is not supported on ${url.pathname}.`);
      }
      throw new EmulatorError(404, 'not_found', `No route ${method} ${url.pathname}.`);
    } catch (error) {
      if (error instanceof EmulatorError) return fail(error);
      throw error;
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://${options.host ?? '127.0.0.1'}:${port}${BASE_PATH}`,
    store,
    faults,
    requests,
    connectionsOpened: () => connections,
    peakConnections: () => peak,
    clientAborts: () => aborts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Constant-time comparison, so the key cannot be guessed a byte at a time from response timings. */
function sameBytes(a: Buffer, b: Buffer): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

function fail(error: EmulatorError): { status: number; payload: unknown } {
  return { status: error.status, payload: error.toBody() };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
