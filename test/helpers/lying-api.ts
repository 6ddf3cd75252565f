import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { Meeting } from '../../src/api/schemas.js';
import { SAMPLE_MEETING_FIELDS } from './fixtures.js';
import { connectServer, type ConnectOptions, type Connected } from './harness.js';

/** One request as the fake API saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

/** What the fake API answers: a status, headers, and a body (objects are sent as JSON). */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer | object;
}

export interface LyingApi {
  baseUrl: string;
  requests: SeenRequest[];
  /** Requests whose client hung up before the answer was sent (a call cancelled mid-flight). */
  aborted(): number;
  /** Replaces how the API answers from now on. */
  answer(handler: (request: SeenRequest) => Reply | Promise<Reply>): void;
  close(): Promise<void>;
}

/**
 * A HiringCenter API that misbehaves on purpose — echoes the key, loops its
 * pages, swaps ids, sends values nobody can show — served over real HTTP on
 * 127.0.0.1, so the client meets it exactly as it would meet a real one.
 */
export async function startLyingApi(
  handler: (request: SeenRequest) => Reply | Promise<Reply> = () => ({ status: 404 }),
): Promise<LyingApi> {
  let handle = handler;
  const requests: SeenRequest[] = [];
  let aborted = 0;
  const server = createServer((req, res) => {
    res.on('close', () => {
      if (!res.writableFinished) aborted += 1;
    });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const seen: SeenRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(seen);
      void Promise.resolve(handle(seen)).then(
        (reply) => {
          const body =
            reply.body === undefined
              ? ''
              : typeof reply.body === 'string' || Buffer.isBuffer(reply.body)
                ? reply.body
                : JSON.stringify(reply.body);
          res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
          res.end(body);
        },
        () => res.destroy(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    requests,
    aborted: () => aborted,
    answer(next) {
      handle = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let counter = 0;

/** A well-formed meeting with a fresh id; `overrides` replace any field, valid or not. */
export function fakeMeeting(overrides: Record<string, unknown> = {}): Meeting {
  counter += 1;
  return {
    id: counter.toString(16).padStart(32, 'a'),
    ...SAMPLE_MEETING_FIELDS,
    meetingDate: Date.UTC(2025, 2, 10, 14, 0) - counter * 60_000,
    location: 'Zoom',
    notes: null,
    createdBy: SAMPLE_MEETING_FIELDS.ownerId,
    createdByApi: false,
    createdByApiKeyId: null,
    createdByApiKeyName: null,
    createdAt: Date.UTC(2025, 2, 1),
    updatedAt: Date.UTC(2025, 2, 1),
    review: null,
    ...overrides,
  } as Meeting;
}

/**
 * A lying API and the real server talking to it, started before the file's
 * tests and closed after: `suite.fake` to script answers, `suite.server` to call tools.
 */
export function lyingApiSuite(options: ConnectOptions = {}): { fake: LyingApi; server: Connected } {
  const suite = {} as { fake: LyingApi; server: Connected };
  beforeAll(async () => {
    suite.fake = await startLyingApi();
    suite.server = await connectServer(suite.fake.baseUrl, options);
  });
  afterAll(async () => {
    await suite.server.close();
    await suite.fake.close();
  });
  return suite;
}
