import { describe, expect, it } from 'vitest';
import { newSpanId, readTraceContext, traceHeaders } from '../src/trace-context.js';

const ID = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('trace context (W3C traceparent / tracestate)', () => {
  it('reads a well-formed traceparent and carries it on as a child with the same flags and state', () => {
    const trace = readTraceContext(`00-${ID}-00f067aa0ba902b7-01`, 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7');
    expect(trace).toEqual({ traceId: ID, flags: '01', state: 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7' });
    expect(traceHeaders(trace!, 'aaaaaaaaaaaaaaaa')).toEqual({
      traceparent: `00-${ID}-aaaaaaaaaaaaaaaa-01`,
      tracestate: 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7',
    });
  });

  it('accepts a later version with more fields, reading only the known part', () => {
    expect(readTraceContext(`cc-${ID}-00f067aa0ba902b7-09-whatever`, undefined)?.traceId).toBe(ID);
  });

  it.each([
    ['not a string', 42],
    ['version ff', `ff-${ID}-00f067aa0ba902b7-01`],
    ['version 00 with more fields', `00-${ID}-00f067aa0ba902b7-01-extra`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['an all-zero parent id', `00-${ID}-${'0'.repeat(16)}-01`],
    ['upper-case hex', `00-${ID.toUpperCase()}-00f067aa0ba902b7-01`],
    ['a short trace id', `00-${ID.slice(1)}-00f067aa0ba902b7-01`],
    ['a line break', `00-${ID}-00f067aa0ba902b7-01\nx: y`],
    ['an overlong value', `00-${ID}-00f067aa0ba902b7-01-${'x'.repeat(600)}`],
  ])('ignores %s', (_, value) => {
    expect(readTraceContext(value, undefined)).toBeUndefined();
  });

  it('drops a tracestate that is too long or not printable, keeping the trace', () => {
    const parent = `00-${ID}-00f067aa0ba902b7-01`;
    expect(readTraceContext(parent, 'a=b'.padEnd(513, 'c'))?.state).toBeUndefined();
    expect(readTraceContext(parent, 'a=b\r\nx-injected: 1')?.state).toBeUndefined();
    expect(readTraceContext(parent, ['a=b'])?.state).toBeUndefined();
  });

  it('makes span ids of 16 hex digits, never all zero', () => {
    for (let i = 0; i < 200; i++) expect(newSpanId()).toMatch(/^(?!0{16})[0-9a-f]{16}$/);
  });
});
