import { describe, expect, it } from 'vitest';
import { SocketShare } from '../../src/api/socket-share.js';

const granted = async (turn: Promise<(() => void) | string>) => {
  const release = await turn;
  if (typeof release === 'string') throw new Error(`no socket: ${release}`);
  return release;
};
const pending = (turn: Promise<unknown>) =>
  Promise.race([turn.then(() => 'granted'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 20))]);

describe('upstream sockets shared between hosted callers', () => {
  it('a lone busy key leaves its share free; a newcomer is served at once; a key within its share goes before one past it', async () => {
    const share = new SocketShare(4, 1);
    const a = await Promise.all([0, 1, 2].map(() => granted(share.turn('A', undefined, 1_000))));
    const fourthForA = share.turn('A', undefined, 1_000);
    expect(await pending(fourthForA)).toBe('waiting');
    const b = await granted(share.turn('B', undefined, 1_000));
    const c = share.turn('C', undefined, 1_000);
    expect(share.load).toMatchObject({ active: 4, waiting: 2 });
    // A socket frees up: C (within its share) is served before A (past its share), though A asked first.
    a[0]!();
    expect(await pending(c)).toBe('granted');
    expect(await pending(fourthForA)).toBe('waiting');
    b();
    (await granted(c))();
    for (const release of a.slice(1)) release();
    (await granted(fourthForA))();
    expect(share.load).toEqual({ active: 0, waiting: 0, tenants: 0 });
  });

  it('the server’s own key may use the whole pool; a wait ends when its time runs out or the call is cancelled', async () => {
    const share = new SocketShare(2, 1);
    const own = await Promise.all([granted(share.turn('', undefined, 100)), granted(share.turn('', undefined, 100))]);
    expect(await share.turn('X', undefined, 10)).toBe('out-of-time');
    const controller = new AbortController();
    const cancelled = share.turn('X', controller.signal, 1_000);
    controller.abort();
    expect(await cancelled).toBe('cancelled');
    for (const release of own) release();
    expect(share.load).toEqual({ active: 0, waiting: 0, tenants: 0 });
  });
});
