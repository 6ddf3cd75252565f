/**
 * A map that forgets its oldest entries past `maxEntries` or `maxBytes`.
 * Anything a caller can make the server remember goes in one of these, keyed
 * by a canonical value, so no stream of distinct inputs can grow memory past
 * the bounds (docs/reliability.md lists each cache and its bounds). Eviction is
 * by insertion order, not use: a hit costs one Map lookup and no reordering.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private heldBytes = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
    /** An estimate of what one entry holds, key included. */
    private readonly sizeOf: (key: K, value: V) => number,
    /** Its name in the metrics (cacheSizes); a named cache is listed for as long as it lives. */
    readonly name?: string,
  ) {
    if (name !== undefined) named.add(new WeakRef(this));
  }

  get(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: K, value: V): void {
    const bytes = this.sizeOf(key, value);
    // An entry larger than the whole budget is not kept at all.
    if (bytes > this.maxBytes) return;
    this.delete(key);
    while (this.entries.size >= this.maxEntries || this.heldBytes + bytes > this.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
    this.entries.set(key, { value, bytes });
    this.heldBytes += bytes;
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.heldBytes -= entry.bytes;
  }

  /** Entries and estimated bytes held now (tests, metrics). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.heldBytes };
  }
}

// Every named cache alive in this module copy, held weakly: a cache that is dropped leaves the list with it.
const named = new Set<WeakRef<{ readonly name?: string; readonly size: { entries: number; bytes: number } }>>();

/** What each named cache alive now holds (hosted metrics, which add up caches of one name). */
export function cacheSizes(): { name: string; entries: number; bytes: number }[] {
  return [...named].flatMap((ref) => {
    const cache = ref.deref();
    if (cache?.name === undefined) {
      named.delete(ref);
      return [];
    }
    return [{ name: cache.name, ...cache.size }];
  });
}

/** UTF-16 bytes of a string plus a Map entry's own overhead, for sizeOf estimates. */
export function stringBytes(value: string): number {
  return 2 * value.length + 48;
}
