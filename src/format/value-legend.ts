/**
 * Short stand-ins for values that occur more than once in one answer: ids
 * ("@1"), and locations long enough to be worth it ("#1": one recruiter's
 * Zoom link or office recurs all over a page) — each kind numbered on its own,
 * so a stand-in says what it stands for. The first use reads "@1=<value>"
 * (stated in full once), later uses just "@1". A stand-in cannot be mistaken
 * for a value (a literal "@…" or "#…" text is always JSON-quoted), and calls
 * refuse it.
 */
export class ValueLegend {
  private readonly aliases = new Map<string, string>();
  private readonly introduced = new Set<string>();

  /** Aliases every value that occurs at least twice in `values` (numbered in order of first use, after `prefix`). */
  constructor(values: Iterable<string>, prefix: '@' | '#' = '@') {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const [value, count] of counts) if (count > 1) this.aliases.set(value, `${prefix}${this.aliases.size + 1}`);
  }

  /** How many values have a stand-in. */
  get size(): number {
    return this.aliases.size;
  }

  /**
   * The value as this answer writes it at this point: `render(value)`,
   * "@n=" + `render(value)` the first time, or "@n".
   */
  ref(value: string, render: (value: string) => string = (v) => v): string {
    const alias = this.aliases.get(value);
    if (!alias) return render(value);
    if (this.introduced.has(value)) return alias;
    this.introduced.add(value);
    return `${alias}=${render(value)}`;
  }
}

/** Shorter values cost about as many tokens as "@n" plus its definition: left as they are. */
export const MIN_ALIASED_TEXT = 10;
