import { createClient } from '@redis/client';

/**
 * What sealed tokens cannot say by themselves: that one was already used. A
 * code works once and a refresh token is rotated on use (OAuth 2.1 §4.1.2,
 * §4.3.1), and a refresh token used twice revokes its whole grant (a sign it
 * was stolen). With replicas this must be one shared store (Redis); without
 * HIRINGCENTER_REDIS_URL it is this process's memory, right for one replica only.
 */
export interface UsedOnce {
  /** True the first time `id` is claimed within `ttlMs`; false ever after. */
  claim(id: string, ttlMs: number): Promise<boolean>;
  /** Whether `id` was claimed (and has not expired). */
  claimed(id: string): Promise<boolean>;
  /** Whether the store can answer now (readiness). */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

// Bounds the in-memory store: each entry lives at most as long as what it guards (a refresh token: 30 days).
const MAX_MEMORY_ENTRIES = 200_000;

export function memoryUsedOnce(): UsedOnce {
  const until = new Map<string, number>();
  const prune = (now: number) => {
    for (const [id, expires] of until) if (expires <= now) until.delete(id);
    // Still full of live entries: the oldest go first (their tokens are the likeliest to be done with).
    for (const id of until.keys()) {
      if (until.size < MAX_MEMORY_ENTRIES) break;
      until.delete(id);
    }
  };
  return {
    async claim(id, ttlMs) {
      const now = Date.now();
      if ((until.get(id) ?? 0) > now) return false;
      if (until.size >= MAX_MEMORY_ENTRIES) prune(now);
      until.set(id, now + ttlMs);
      return true;
    },
    async claimed(id) {
      return (until.get(id) ?? 0) > Date.now();
    },
    async ready() {
      return true;
    },
    async close() {},
  };
}

// A store that does not answer in this time fails the token request (the client can retry), never hangs it.
const REDIS_COMMAND_MS = 2_000;

export async function redisUsedOnce(url: string, onError: (message: string) => void): Promise<UsedOnce> {
  const client = createClient({
    url,
    // A command while Redis is away fails at once instead of queueing behind a reconnect.
    disableOfflineQueue: true,
    socket: { connectTimeout: REDIS_COMMAND_MS, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
  });
  let lastError = '';
  client.on('error', (error: Error) => {
    // Once per kind of failure, not once per reconnect attempt.
    if (error.message !== lastError) onError(`Redis (HIRINGCENTER_REDIS_URL): ${error.message}`);
    lastError = error.message;
  });
  client.on('ready', () => (lastError = ''));
  await client.connect();
  const key = (id: string) => `hiringcenter-mcp:used:${id}`;
  const bounded = <T>(work: Promise<T>) =>
    Promise.race([
      work,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('Redis did not answer in time')), REDIS_COMMAND_MS).unref()),
    ]);
  return {
    async claim(id, ttlMs) {
      const answer = await bounded(client.set(key(id), '1', { condition: 'NX', expiration: { type: 'PX', value: ttlMs } }));
      return answer === 'OK';
    },
    async claimed(id) {
      return (await bounded(client.exists(key(id)))) === 1;
    },
    async ready() {
      return (
        client.isReady &&
        (await bounded(client.ping()).then(
          () => true,
          () => false,
        ))
      );
    },
    async close() {
      client.destroy();
    },
  };
}
