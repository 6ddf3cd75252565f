/**
 * Short stand-ins for ids that occur more than once in one answer. The first
 * use reads "@1=9e1b…" (the full id, stated once), later uses just "@1". The
 * "@" form cannot be mistaken for an id, and calls refuse it.
 */
export class IdLegend {
  private readonly aliases = new Map<string, string>();
  private readonly introduced = new Set<string>();

  /** Aliases every id that occurs at least twice in `ids` (numbered in order of first use). */
  constructor(ids: Iterable<string>) {
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [id, count] of counts) if (count > 1) this.aliases.set(id, `@${this.aliases.size + 1}`);
  }

  /** How many ids have a stand-in. */
  get size(): number {
    return this.aliases.size;
  }

  /** The id as this answer writes it at this point: in full, "@n=<id>" the first time, or "@n". */
  ref(id: string): string {
    const alias = this.aliases.get(id);
    if (!alias) return id;
    if (this.introduced.has(id)) return alias;
    this.introduced.add(id);
    return `${alias}=${id}`;
  }
}
