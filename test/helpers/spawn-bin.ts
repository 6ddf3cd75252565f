import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** Environment for a spawned server: nothing inherited that could change behaviour, and a far-off TZ. */
export function binEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', TZ: 'Pacific/Chatham', ...extra };
}

export interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bin to completion (for --help, --version, bad flags). */
export function runBin(args: string[], env = binEnv()): Promise<Exited> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end();
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A raw JSON-RPC session over the bin's stdio, reading stdout line by line
 * so a test can check that every line is protocol.
 */
export class RawSession {
  readonly child: ChildProcessWithoutNullStreams;
  readonly stdoutLines: string[] = [];
  stderr = '';
  private buffer = '';
  private nextId = 1;
  private readonly waiters = new Map<number, (message: Record<string, unknown>) => void>();
  /** Messages without a numeric id (notifications, errors answered with id null), oldest first. */
  readonly others: Record<string, unknown>[] = [];

  constructor(args: string[], env: Record<string, string>) {
    this.child = spawn(process.execPath, [BIN, ...args], { env });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.child.stdout.on('data', (d: Buffer) => {
      this.buffer += d.toString();
      let newline: number;
      while ((newline = this.buffer.indexOf('\n')) !== -1) {
        const line = this.buffer.slice(0, newline);
        this.buffer = this.buffer.slice(newline + 1);
        this.stdoutLines.push(line);
        try {
          const message = JSON.parse(line) as Record<string, unknown>;
          if (typeof message.id === 'number') this.waiters.get(message.id)?.(message);
          else this.others.push(message);
        } catch {
          // kept in stdoutLines; the test asserts every line is JSON
        }
      }
    });
  }

  request(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.requestRaw(method, JSON.stringify(params));
  }

  /** Sends params as given JSON text (for payloads JSON.stringify cannot build, like very deep nesting). */
  requestRaw(method: string, paramsJson: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const answer = new Promise<Record<string, unknown>>((resolve) => this.waiters.set(id, resolve));
    this.child.stdin.write(`{"jsonrpc":"2.0","id":${id},"method":${JSON.stringify(method)},"params":${paramsJson}}\n`);
    return answer;
  }

  /** Writes raw text to the server's stdin, as a hostile client might. */
  write(text: string | Buffer): void {
    this.child.stdin.write(text);
  }

  /** Waits for the process to exit on its own (or resolves "running" after `ms`). */
  exited(ms: number): Promise<number | null | 'running'> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve('running'), ms);
      this.child.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  notify(method: string, params: Record<string, unknown> = {}): void {
    this.child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method, params })}\n`);
  }

  async initialize(): Promise<void> {
    await this.request('initialize', {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'raw-test', version: '1.0.0' },
    });
    this.notify('notifications/initialized');
  }

  /** Closes stdin and resolves with the exit code and how long the process took to go. */
  close(): Promise<{ code: number | null; ms: number }> {
    const started = Date.now();
    return new Promise((resolve) => {
      this.child.on('exit', (code) => resolve({ code, ms: Date.now() - started }));
      this.child.stdin.end();
    });
  }
}
