/**
 * A failure the emulator plays instead of (or around) a real answer, so tests
 * and the soak can script outages deterministically.
 */
export interface ScriptedFault {
  /** Only requests with this method (default: every one). */
  method?: string;
  /** Only requests whose path (without query) matches (default: every one). */
  path?: RegExp;
  /** Wait this long before answering. */
  delayMs?: number;
  /**
   * Destroy the socket without an answer: 'before' the request is applied, or
   * 'after' it was applied (the client never learns it succeeded).
   */
  drop?: 'before' | 'after';
  /** Answer with this status instead of the real answer. */
  status?: number;
  /** With `status`: apply the request first, as a gateway that times out after the API committed. */
  afterCommit?: boolean;
  headers?: Record<string, string>;
  /** Raw body text for `status` (default: a JSON error envelope). */
  body?: string;
}

/** Faults a random run may draw: every way a request can fail that a client must survive. */
const RANDOM_FAULTS: readonly ScriptedFault[] = [
  { drop: 'before' },
  { drop: 'after' },
  { status: 500 },
  { status: 502, body: '<html><body>Bad Gateway</body></html>', headers: { 'content-type': 'text/html' } },
  { status: 503, headers: { 'retry-after': '0' } },
  { status: 429, headers: { 'retry-after': '0' } },
  { status: 504, afterCommit: true },
];

/**
 * First-in, first-out queue of faults, each used once by the first request it
 * matches; optionally also a seeded random fault on a share of the rest.
 */
export class FaultScript {
  private readonly queue: ScriptedFault[] = [];
  private random: { rate: number; next: () => number } | undefined;
  /** Faults played so far (scripted and random). */
  played = 0;

  push(...faults: ScriptedFault[]): void {
    this.queue.push(...faults);
  }

  /** From now on, a fault from RANDOM_FAULTS on `rate` of requests, reproducibly for a given seed. */
  randomly(rate: number, seed: number): void {
    this.random = { rate, next: mulberry32(seed) };
  }

  clear(): void {
    this.queue.length = 0;
    this.random = undefined;
  }

  get pending(): number {
    return this.queue.length;
  }

  take(method: string, path: string): ScriptedFault | undefined {
    const index = this.queue.findIndex((f) => (!f.method || f.method === method) && (!f.path || f.path.test(path)));
    let fault = index === -1 ? undefined : this.queue.splice(index, 1)[0];
    if (!fault && this.random && this.random.next() < this.random.rate) {
      fault = RANDOM_FAULTS[Math.floor(this.random.next() * RANDOM_FAULTS.length)];
    }
    if (fault) this.played += 1;
    return fault;
  }
}

// Small, well-known seeded PRNG: reproducible runs without a dependency.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
