import { formatBytes, MiB } from '../../byte-size.js';
import type { Readable, Writable } from 'node:stream';
import { JSONRPCMessageSchema } from '@modelcontextprotocol/core';
import type { JSONRPCMessage, RequestId, Transport } from '@modelcontextprotocol/server';

/** The longest line read from stdin (the SDK's own limit); a longer one is dropped and answered with an error. */
export const MAX_LINE_BYTES = 10 * MiB;
/** Longest wait, after stdin ends, for the requests already read to be answered (each also has its own deadline). */
export const DRAIN_LIMIT_MS = 120_000;

/**
 * MCP over stdio: one JSON-RPC message per line. In place of the SDK's
 * StdioServerTransport, which drops what it cannot parse without a reply
 * (a request with `params: null` waits forever) and closes itself — leaving
 * the process running but deaf — when a line passes 10 MiB. Here:
 * - a line that is not JSON is answered -32700, one that is not a valid
 *   JSON-RPC message -32600 (-32602 for bad params), with the request's id
 *   when it has one, and reading goes on;
 * - a line over MAX_LINE_BYTES is skipped to its end (never buffered) and
 *   answered -32600;
 * - stdin ending finishes what was received first: every request already
 *   read is answered (within its own deadline, and at most DRAIN_LIMIT_MS),
 *   then the transport closes — a piped one-shot (`echo '…' | hiringcenter-mcp`)
 *   gets its answer, and its create is sent. A question the server would ask
 *   the client then (elicitation) is answered at once with an error: nobody
 *   is left to answer it. stdin or stdout failing closes at once;
 * - closing (and so the server, and the process) waits until stdout has taken
 *   every answer already written.
 */
export class LineStdioTransport implements Transport {
  onclose?: () => void;
  /** Settles once the transport has closed; `onclose` belongs to whoever serves on it (the SDK's serveStdio). */
  readonly ended: Promise<void>;
  private settleEnded: () => void = () => undefined;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private pieces: Buffer[] = [];
  private pendingBytes = 0;
  private skippingLongLine = false;
  private closed = false;
  private inputEnded = false;
  /** Requests read and not yet answered, by id (typed, so 1 and "1" differ). */
  private readonly unanswered = new Set<string>();

  constructor(
    private readonly stdin: Readable = process.stdin,
    private readonly stdout: Writable = process.stdout,
  ) {
    this.ended = new Promise((resolve) => (this.settleEnded = resolve));
  }

  async start(): Promise<void> {
    this.stdin.on('data', this.onData);
    this.stdin.once('end', this.onInputEnd);
    this.stdin.once('close', this.onInputEnd);
    this.stdin.on('error', this.onGone);
    this.stdout.on('error', this.onGone);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.inputEnded && 'method' in message && 'id' in message) {
      // A request to a client whose input has ended can never be answered: say so now, not at its timeout.
      const id = message.id;
      setImmediate(() =>
        this.onmessage?.({ jsonrpc: '2.0', id, error: { code: -32603, message: 'The client closed its input; nobody can answer.' } }),
      );
      return;
    }
    await this.write(`${JSON.stringify(message)}\n`);
    if (!('method' in message) && 'id' in message && message.id !== undefined) {
      this.unanswered.delete(idKey(message.id));
      if (this.inputEnded && !this.unanswered.size) await this.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stdin.off('data', this.onData);
    this.stdin.pause();
    this.pieces = [];
    // An empty write's callback runs once everything before it has been handed to the OS.
    if (!this.stdout.destroyed) await new Promise<void>((resolve) => this.stdout.write('', () => resolve()));
    this.onclose?.();
    this.settleEnded();
  }

  private readonly onGone = (): void => {
    void this.close();
  };

  private readonly onInputEnd = (): void => {
    if (this.inputEnded || this.closed) return;
    this.inputEnded = true;
    this.stdin.off('data', this.onData);
    // A last line without its newline is still a message (`printf '{…}' | …`).
    if (this.pendingBytes || this.skippingLongLine) this.endLine();
    if (!this.unanswered.size) {
      void this.close();
      return;
    }
    setTimeout(() => void this.close(), DRAIN_LIMIT_MS).unref();
  };

  private readonly onData = (chunk: Buffer): void => {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      this.keep(chunk.subarray(start, newline));
      this.endLine();
      start = newline + 1;
    }
    this.keep(chunk.subarray(start));
  };

  private keep(piece: Buffer): void {
    if (this.skippingLongLine || piece.length === 0) return;
    if (this.pendingBytes + piece.length > MAX_LINE_BYTES) {
      this.skippingLongLine = true;
      this.pieces = [];
      this.pendingBytes = 0;
      return;
    }
    this.pieces.push(piece);
    this.pendingBytes += piece.length;
  }

  private endLine(): void {
    if (this.skippingLongLine) {
      this.skippingLongLine = false;
      this.refuse(null, -32600, `Invalid Request: message larger than ${formatBytes(MAX_LINE_BYTES)}; it was dropped.`);
      return;
    }
    const line = Buffer.concat(this.pieces, this.pendingBytes).toString('utf8').replace(/\r$/, '');
    this.pieces = [];
    this.pendingBytes = 0;
    if (line.trim()) this.receive(line);
  }

  private receive(line: string): void {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      this.refuse(null, -32700, 'Parse error: the line is not JSON.');
      return;
    }
    const parsed = JSONRPCMessageSchema.safeParse(json);
    if (parsed.success) {
      const message = parsed.data;
      if ('method' in message && 'id' in message) this.unanswered.add(idKey(message.id));
      this.onmessage?.(message);
      return;
    }
    const record = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
    // A malformed response or notification gets no reply (there is nobody to send it to); a malformed request does.
    if ('result' in record || ('error' in record && !('method' in record))) return;
    const id = typeof record.id === 'string' || typeof record.id === 'number' ? record.id : null;
    if (id === null && typeof record.method === 'string' && !('id' in record)) return;
    const badParams = 'params' in record && (record.params === null || typeof record.params !== 'object' || Array.isArray(record.params));
    if (badParams) this.refuse(id, -32602, 'Invalid params: params must be an object when present.');
    else
      this.refuse(id, -32600, 'Invalid Request: not a JSON-RPC 2.0 message (jsonrpc "2.0", a method, an id that is a string or a number).');
  }

  private refuse(id: RequestId | null, code: number, message: string): void {
    this.onerror?.(new Error(message));
    void this.write(`${JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } })}\n`);
  }

  private write(text: string): Promise<void> {
    return new Promise((resolve) => {
      if (this.stdout.destroyed) return resolve();
      if (this.stdout.write(text)) resolve();
      else this.stdout.once('drain', resolve);
    });
  }
}

function idKey(id: RequestId): string {
  return `${typeof id}:${id}`;
}
