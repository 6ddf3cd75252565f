/** Where a request waits for a socket, and what ended its wait when it could not be sent. */
export type WaitEnd = 'cancelled' | 'out-of-time';

interface Waiter {
  grant(release: () => void): void;
}

interface Tenant {
  active: number;
  waiting: Waiter[];
}

/**
 * The upstream sockets, shared fairly between credentials (hosted mode's
 * tenants). At most `total` requests are in flight (the pool's size, so the
 * pool itself never queues). Each tenant's fair share is `share` sockets: within
 * it a tenant may take any free socket; past it, only while `share` sockets stay
 * free for the others. So a lone busy tenant still uses most of the pool, and a
 * newcomer finds a socket at once. When sockets are all taken, waiting tenants
 * take turns as they free up. Without this, one tenant's 32 slow calls held all
 * 16 sockets and another tenant's single call waited behind them; and since the
 * wait counted against the attempt's own timeout, queued attempts timed out
 * and were sent again.
 *
 * The tenant '' is the server's own key (stdio, a team token): it may use the
 * whole pool, having nobody to share it with.
 */
export class SocketShare {
  private active = 0;
  private readonly tenants = new Map<string, Tenant>();

  constructor(
    readonly total: number,
    readonly share: number,
  ) {}

  /**
   * Waits for a socket for `tenant`, at most `waitMs` or until `signal` aborts; resolves with the function that
   * gives it back (call it once the answer is read or abandoned), or with why the wait ended.
   */
  turn(tenant: string, signal: AbortSignal | undefined, waitMs: number): Promise<(() => void) | WaitEnd> {
    const entry = this.tenants.get(tenant) ?? { active: 0, waiting: [] };
    this.tenants.set(tenant, entry);
    if (!entry.waiting.length && this.mayStart(tenant, entry)) return Promise.resolve(this.start(tenant, entry));
    if (signal?.aborted) return Promise.resolve('cancelled');
    return new Promise((resolve) => {
      const leave = (why: WaitEnd) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', cancelled);
        const at = entry.waiting.indexOf(waiter);
        if (at >= 0) entry.waiting.splice(at, 1);
        this.forget(tenant, entry);
        resolve(why);
      };
      const cancelled = () => leave('cancelled');
      const timer = setTimeout(() => leave('out-of-time'), Math.max(0, waitMs));
      const waiter: Waiter = {
        grant: (release) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', cancelled);
          resolve(release);
        },
      };
      signal?.addEventListener('abort', cancelled, { once: true });
      entry.waiting.push(waiter);
    });
  }

  /** Requests in flight and waiting, for tests and metrics. */
  get load(): { active: number; waiting: number; tenants: number } {
    let waiting = 0;
    for (const entry of this.tenants.values()) waiting += entry.waiting.length;
    return { active: this.active, waiting, tenants: this.tenants.size };
  }

  private mayStart(tenant: string, entry: Tenant): boolean {
    if (this.active >= this.total) return false;
    return tenant === '' || entry.active < this.share || this.active < this.total - this.share;
  }

  private start(tenant: string, entry: Tenant): () => void {
    this.active += 1;
    entry.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      entry.active -= 1;
      this.forget(tenant, entry);
      this.next();
    };
  }

  /** Hands freed sockets to waiting tenants in turn: the first tenant served goes to the back of the line. */
  private next(): void {
    for (const [tenant, entry] of this.tenants) {
      if (this.active >= this.total) return;
      if (!entry.waiting.length || !this.mayStart(tenant, entry)) continue;
      const waiter = entry.waiting.shift();
      if (!waiter) continue;
      // Re-inserted at the end of the Map: the next free socket goes to another tenant first.
      this.tenants.delete(tenant);
      this.tenants.set(tenant, entry);
      waiter.grant(this.start(tenant, entry));
      return this.next();
    }
  }

  private forget(tenant: string, entry: Tenant): void {
    if (!entry.active && !entry.waiting.length && this.tenants.get(tenant) === entry) this.tenants.delete(tenant);
  }
}
