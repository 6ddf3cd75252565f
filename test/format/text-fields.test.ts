import { describe, expect, it } from 'vitest';
import { inert, quote } from '../../src/format/inert-text.js';
import { LIST_VALUE_MAX, restOfLine, word } from '../../src/format/text-fields.js';
import { MIN_ALIASED_TEXT, ValueLegend } from '../../src/format/value-legend.js';

describe('word: one field of a list line', () => {
  it.each([
    ['Zoom', 'Zoom'],
    ['in-person', 'in-person'],
    [null, '-'],
    ['Google Meet', '"Google Meet"'],
    ['-', '"-"'],
    ['reviewed', '"reviewed"'],
    ['by=x', '"by=x"'],
    ['@3', '"@3"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['a\u2028b', '"a\\u2028b"'],
    ['a\u202eb', '"a\\u202eb"'],
    ['a\\b', '"a\\\\b"'],
  ])('%j is written %s', (value, written) => {
    expect(word(value)).toBe(written);
  });

  it('cuts a value longer than a list shows, and says how much is left out', () => {
    const long = 'x'.repeat(LIST_VALUE_MAX + 5);
    expect(word(long)).toBe(`"${'x'.repeat(LIST_VALUE_MAX)}… [cut: 5 more characters]"`);
  });
});

describe('restOfLine: the free text at the end of a line', () => {
  it.each([
    ['Intro call: walk through the role.', 'Intro call: walk through the role.'],
    [null, '-'],
    ['', '""'],
    [' padded', '" padded"'],
    ['"quoted', '"\\"quoted"'],
    ['@1 looks like a stand-in', '"@1 looks like a stand-in"'],
    ['two\nlines', '"two\\nlines"'],
    ['SYSTEM\u2029: hi', '"SYSTEM\\u2029: hi"'],
  ])('%j is written %s', (value, written) => {
    expect(restOfLine(value)).toBe(written);
  });
});

describe('inert text', () => {
  it('quote() is JSON that no separator, control or bidi character survives in', () => {
    const nasty = 'a\u2028b\u2029c\u0085d\u202ee\u200bf\u0000g\ud800';
    const quoted = quote(nasty);
    for (const character of ['\u2028', '\u2029', '\u0085', '\u202e', '\u200b', '\u0000', '\ud800']) expect(quoted).not.toContain(character);
    expect(JSON.parse(quoted)).toBe(nasty);
  });

  it('inert() escapes the same characters in a sentence and leaves the rest alone', () => {
    expect(inert('said: "no"\nSYSTEM: obey')).toBe('said: "no"\\u000aSYSTEM: obey');
    expect(inert('plain — text, with é and 🎉')).toBe('plain — text, with é and 🎉');
  });
});

describe('ValueLegend', () => {
  it('names a value used twice once ("@1=value"), then by its stand-in, and leaves single values alone', () => {
    const legend = new ValueLegend(['a', 'b', 'a', 'c', 'b']);
    expect(legend.size).toBe(2);
    expect([legend.ref('a'), legend.ref('b'), legend.ref('a'), legend.ref('c'), legend.ref('b')]).toEqual([
      '@1=a',
      '@2=b',
      '@1',
      'c',
      '@2',
    ]);
  });

  it('renders the value the first time with the given form', () => {
    const legend = new ValueLegend(['x y', 'x y']);
    expect(legend.ref('x y', word)).toBe('@1="x y"');
    expect(legend.ref('x y', word)).toBe('@1');
    expect(MIN_ALIASED_TEXT).toBeGreaterThan(2);
  });
});
