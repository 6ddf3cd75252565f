import type { Readable } from 'node:stream';
import type * as z from 'zod/v4';
import type { CallScope } from './call-scope.js';
import {
  ApiCancelledError,
  ApiContractError,
  ApiHttpError,
  ApiNetworkError,
  ApiTimeoutError,
  CallLimitError,
  type NetworkTrouble,
} from './errors.js';
import type { HttpPool } from './http-pool.js';
import { formatBytes } from '../byte-size.js';
import { LIMITS } from './limits.js';
import type { Redactor } from './redact.js';
import { parseRetryAfter } from './retry-after.js';

/** One logical request, as every attempt of it sends it. */
export interface Outgoing<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'DELETE';
  /** Full request path, base path and query included. */
  path: string;
  /** Method-free path without the query, for messages. */
  label: string;
  headers: Record<string, string>;
  payload: string | undefined;
  schema: S;
  /** Removes the key from anything the API says back. */
  redactor: Redactor;
}

// What each error code says went wrong; codes not listed are a connection that broke ('lost').
const TROUBLE: Record<string, NetworkTrouble> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns-busy',
  ECONNREFUSED: 'refused',
  EHOSTUNREACH: 'refused',
  ENETUNREACH: 'refused',
  // https to something that does not speak TLS ("wrong version number").
  EPROTO: 'tls',
};
// Failures while connecting: the request was never sent, so it did nothing.
const BEFORE_SENDING = new Set<NetworkTrouble>(['dns', 'dns-busy', 'refused', 'tls']);

/**
 * One attempt: send, read the body within the call's byte bounds, and turn
 * every outcome into either the parsed answer or one of the errors in
 * errors.ts. The body's bytes stay held by the call on success (they live on
 * in the answer) and are given back on failure.
 */
export async function attempt<S extends z.ZodType>(
  pool: HttpPool,
  outgoing: Outgoing<S>,
  timeoutMs: number,
  call: CallScope,
): Promise<z.output<S>> {
  const { method, path, label, headers, payload, schema, redactor } = outgoing;
  // One controller per attempt, its timer cleared as soon as the attempt ends: AbortSignal.timeout()
  // would keep every finished request's signal alive for the full timeout (memory grows under load).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const cancel = () => controller.abort();
  const callerSignal = call.signal;
  if (callerSignal?.aborted) cancel();
  callerSignal?.addEventListener('abort', cancel, { once: true });
  let status: number;
  let retryAfter: string | undefined;
  let text: string;
  let held = 0;
  try {
    const response = await pool.request({ method, path, headers, body: payload, signal: controller.signal });
    status = response.statusCode;
    retryAfter = headerValue(response.headers['retry-after']);
    text = await readBounded(
      response.body,
      headerValue(response.headers['content-length']),
      (bytes) => {
        call.hold(bytes, method, label);
        held += bytes;
      },
      method,
      label,
    );
  } catch (error) {
    call.drop(held);
    if (error instanceof ApiContractError || error instanceof CallLimitError) throw error;
    if (callerSignal?.aborted) throw new ApiCancelledError(method, label, 'cancelled by the client', { cause: error });
    if (timedOut) throw new ApiTimeoutError(method, label, timeoutMs);
    const { description, trouble } = describeNetworkError(error);
    throw new ApiNetworkError(method, label, redactor.text(description), BEFORE_SENDING.has(trouble), trouble, pool.host, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', cancel);
  }
  // One search per body, so answers — nearly all — that carry no secret skip the deep redaction walk.
  if (redactor.holds(text)) call.secretSeen = true;
  try {
    if (status < 200 || status > 299) {
      const { code, message } = parseErrorBody(text, redactor);
      throw new ApiHttpError(method, label, status, code, message, parseRetryAfter(retryAfter, Date.now()));
    }
    return parseAnswer(text, status, schema, method, label);
  } catch (error) {
    call.drop(held);
    throw error;
  }
}

function parseAnswer<S extends z.ZodType>(text: string, status: number, schema: S, method: string, label: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const kind = /^\s*</.test(text) ? 'HTML (likely a proxy or gateway page)' : text.trim() ? 'not JSON' : 'empty';
    throw new ApiContractError(method, label, `HTTP ${status} but the body was ${kind}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'body';
    throw new ApiContractError(method, label, `HTTP ${status} with a body that does not match the contract (at ${where})`);
  }
  return parsed.data;
}

/**
 * Reads a body up to LIMITS.responseBytes, reporting its bytes to `hold`
 * before keeping them: a declared length at once (so a body too large for the
 * call is refused before a byte is read), an undeclared one chunk by chunk.
 * Plain 'data'/'end' events: a stream's async iterator allocates several
 * objects per chunk, on every call (npm run bench, peak memory).
 */
function readBounded(
  body: Readable,
  contentLength: string | undefined,
  hold: (bytes: number) => void,
  method: string,
  label: string,
): Promise<string> {
  const tooLarge = () => new ApiContractError(method, label, `response larger than ${formatBytes(LIMITS.responseBytes)}`);
  const declared = contentLength === undefined ? Number.NaN : Number(contentLength);
  const known = Number.isSafeInteger(declared) && declared >= 0;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (error: unknown) => {
      body.destroy();
      reject(error);
    };
    try {
      if (known) {
        if (declared > LIMITS.responseBytes) throw tooLarge();
        hold(declared);
      }
    } catch (error) {
      fail(error);
      return;
    }
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      try {
        if (size > LIMITS.responseBytes || (known && size > declared)) throw tooLarge();
        if (!known) hold(chunk.length);
      } catch (error) {
        body.removeAllListeners('data');
        fail(error);
        return;
      }
      chunks.push(chunk);
    });
    // One chunk (most answers) is decoded as it is, not copied first.
    body.once('end', () =>
      resolve((chunks.length === 1 ? chunks[0] : undefined)?.toString('utf8') ?? Buffer.concat(chunks, size).toString('utf8')),
    );
    body.once('error', reject);
    // An aborted request (timeout, cancellation) closes the body without 'end'.
    body.once('close', () => {
      if (!body.readableEnded) reject(new Error('aborted'));
    });
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Error bodies have no fixed shape (contract: "Errors"); take what is recognisable — redacted first, then cut. */
function parseErrorBody(text: string, redactor: Redactor): { code?: string; message?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  if (!json || typeof json !== 'object') return {};
  const record = json as Record<string, unknown>;
  const nested = record.error && typeof record.error === 'object' ? (record.error as Record<string, unknown>) : undefined;
  const pick = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? redactor.excerpt(v.trim(), 500) : undefined);
  return {
    code: pick(nested?.code) ?? pick(record.code),
    message: pick(nested?.message) ?? pick(record.message) ?? pick(record.error),
  };
}

function describeNetworkError(error: unknown): { description: string; trouble: NetworkTrouble } {
  const parts: string[] = [];
  let trouble: NetworkTrouble = 'lost';
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 3; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code && TROUBLE[code]) trouble = TROUBLE[code];
    // Certificate and handshake failures: "CERT_HAS_EXPIRED", "ERR_TLS_CERT_ALTNAME_INVALID", "ERR_SSL_…", "DEPTH_ZERO_SELF_SIGNED_CERT"…
    else if (code && /CERT|TLS|SSL|UNABLE_TO_(?:GET|VERIFY)/.test(code)) trouble = 'tls';
    parts.push(code ? `${code}` : current.message);
    current = current.cause;
  }
  return { description: parts.join(': ') || 'network failure', trouble };
}
