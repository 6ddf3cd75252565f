/**
 * A failure the emulator plays instead of (or around) a real answer, so tests
 * and demos can script outages deterministically.
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
  /** Answer with this status instead of applying the request. */
  status?: number;
  headers?: Record<string, string>;
  /** Raw body text for `status` (default: a JSON error envelope). */
  body?: string;
}

/** First-in, first-out queue of faults; each one is used once, by the first request it matches. */
export class FaultScript {
  private readonly queue: ScriptedFault[] = [];

  push(...faults: ScriptedFault[]): void {
    this.queue.push(...faults);
  }

  clear(): void {
    this.queue.length = 0;
  }

  get pending(): number {
    return this.queue.length;
  }

  take(method: string, path: string): ScriptedFault | undefined {
    const index = this.queue.findIndex(
      (f) => (!f.method || f.method === method) && (!f.path || f.path.test(path)),
    );
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }
}
