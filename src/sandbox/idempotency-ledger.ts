/** A stored response for one idempotency key. */
export interface LedgerEntry {
  fingerprint: string;
  status: number;
  body: unknown;
  at: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
// The oldest entries go first past this many: the emulator's memory stays bounded however long it runs.
const MAX_ENTRIES = 50_000;

/**
 * The contract's idempotency assumption: a key is remembered for 24 h and the
 * *original* response is replayed for the same request, even if the meeting
 * changed since; the same key with a different request is a 409.
 */
export class IdempotencyLedger {
  private readonly entries = new Map<string, LedgerEntry>();

  constructor(private readonly now: () => number = Date.now) {}

  lookup(scopedKey: string): LedgerEntry | undefined {
    const entry = this.entries.get(scopedKey);
    if (entry && this.now() - entry.at > DAY_MS) {
      this.entries.delete(scopedKey);
      return undefined;
    }
    return entry;
  }

  remember(scopedKey: string, fingerprint: string, status: number, body: unknown): void {
    this.entries.delete(scopedKey);
    this.entries.set(scopedKey, { fingerprint, status, body, at: this.now() });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}
