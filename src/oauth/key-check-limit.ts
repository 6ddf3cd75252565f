import { BoundedCache, stringBytes } from '../bounded-cache.js';
import { HOSTED_LIMITS } from '../hosted-limits.js';
import { notOk, ok, type Result } from '../result.js';

const WINDOW_MS = 60_000;
// Client addresses remembered at once: past it the oldest are forgotten (an attacker with that many addresses
// is held back by the overall limit instead).
const MAX_ADDRESSES = 10_000;
// What one remembered address may cost: its spelling, a timestamp per check (8 bytes), the entry itself (~32).
const BYTES_PER_ADDRESS = 400;
const ENTRY_BYTES = 32;
// An address longer than any IPv6 spelling is cut to this before it is a key.
const MAX_ADDRESS_LENGTH = 64;

/**
 * Key checks the sign-in page may make, per client address and overall, in
 * a sliding minute. A form allows 5 checks, but a new form costs one free
 * GET /authorize: without this, one client guessed ~300 keys a second, each a
 * request to HiringCenter from this server's address. Per replica, in memory:
 * behind a load balancer every request comes from the balancer's address, so
 * the per-address limit belongs to the balancer there (docs/oauth.md); the
 * overall limit holds either way.
 */
export class KeyCheckLimit {
  private readonly byAddress = new BoundedCache<string, number[]>(
    MAX_ADDRESSES,
    MAX_ADDRESSES * BYTES_PER_ADDRESS,
    (address, times) => stringBytes(address) + 8 * times.length + ENTRY_BYTES,
    'oauth_key_checks_by_address',
  );
  private readonly everyone: number[] = [];

  constructor(
    private readonly perAddress: number = HOSTED_LIMITS.signInChecksPerAddressPerMinute,
    private readonly overall: number = HOSTED_LIMITS.signInChecksPerMinute,
  ) {}

  /** Takes one check for `address` now, or says how many seconds until one is free. */
  take(address: string, now = Date.now()): Result<void, { retryAfterSeconds: number }> {
    const canonical = canonicalAddress(address);
    const mine = recent(this.byAddress.get(canonical) ?? [], now);
    prune(this.everyone, now);
    const full = mine.length >= this.perAddress ? mine : this.everyone.length >= this.overall ? this.everyone : undefined;
    if (full) return notOk({ retryAfterSeconds: Math.max(1, Math.ceil(((full[0] ?? now) + WINDOW_MS - now) / 1000)) });
    mine.push(now);
    this.everyone.push(now);
    this.byAddress.set(canonical, mine);
    return ok(undefined);
  }
}

function recent(times: number[], now: number): number[] {
  return times.filter((time) => time > now - WINDOW_MS);
}

function prune(times: number[], now: number): void {
  while (times.length && (times[0] ?? now) <= now - WINDOW_MS) times.shift();
}

/** One spelling per address: "::ffff:10.0.0.1" and "10.0.0.1" are the same client. */
function canonicalAddress(address: string): string {
  return address
    .toLowerCase()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')
    .slice(0, MAX_ADDRESS_LENGTH);
}
