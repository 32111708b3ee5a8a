import { describe, expect, it } from 'vitest';
import { editDistance, nearest, suggestionBound } from '../../src/util/edit-distance.js';
import { quoteValue } from '../../src/util/text.js';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['valueQuanity', 'valueQuantity', 1],
    ['gendre', 'gender', 1], // a transposition counts 1
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3], // OSA, not unrestricted Damerau-Levenshtein (2)
  ])('%s → %s: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('is Infinity beyond the bound', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBe(Infinity);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(Infinity);
  });
});

describe('nearest', () => {
  it('the nearest candidate within the bound', () => {
    expect(nearest('valueQuanity', ['valueString', 'valueQuantity', 'valueRange'])).toBe('valueQuantity');
    expect(nearest('favouriteColour', ['gender', 'birthDate'])).toBeUndefined();
  });

  it('nothing for a word that is a candidate', () => {
    expect(nearest('gender', ['gender', 'gendr'])).toBeUndefined();
  });

  it('ties: a case-only difference first, then the closest length, then code-unit order, whatever the candidates order', () => {
    expect(nearest('Code', ['node', 'code'])).toBe('code');
    expect(nearest('Code', ['code', 'node'])).toBe('code');
    expect(nearest('abcd', ['abxd', 'abyd'])).toBe('abxd');
    expect(nearest('abcd', ['abyd', 'abxd'])).toBe('abxd');
  });

  it('bounds: one edit up to three characters, else two or a third of the length', () => {
    expect([suggestionBound('id'), suggestionBound('name'), suggestionBound('valueQuanity'), suggestionBound('x'.repeat(30))]).toEqual([
      1, 2, 4, 10,
    ]);
    expect(nearest('xx', ['id'])).toBeUndefined();
  });
});

describe('quoteValue', () => {
  it('a string in quotes, a number or boolean as written, an object as compact JSON', () => {
    expect(quoteValue('13-09-2023 09:24')).toBe("'13-09-2023 09:24'");
    expect(quoteValue(12.5)).toBe('12.5');
    expect(quoteValue(true)).toBe('true');
    expect(quoteValue({ a: [1, 'b'], c: null })).toBe('{"a":[1,"b"],"c":null}');
  });

  it('control characters, line breaks, tabs and bidirectional controls escaped', () => {
    expect(quoteValue('a\u001b[31mb\nc\td\u202Ee')).toBe("'a\\u001b[31mb\\u000ac\\td\\u202ee'");
    expect(quoteValue('\uD800x')).toBe("'\\ud800x'");
  });

  it('cut at the cap with an ellipsis, never inside an escape or a surrogate pair', () => {
    const s = quoteValue('x'.repeat(100));
    expect(s).toBe(`'${'x'.repeat(59)}…'`);
    expect(quoteValue('x'.repeat(60))).toBe(`'${'x'.repeat(60)}'`);
    const esc = quoteValue('x'.repeat(57) + '\u0000yyyy');
    expect(esc).toBe(`'${'x'.repeat(57)}…'`);
    const pair = quoteValue('x'.repeat(58) + '😀yyy');
    expect(pair).toBe(`'${'x'.repeat(58)}…'`);
    expect(quoteValue('x'.repeat(10), 5)).toBe("'xxxx…'");
  });

  it('a huge object costs only its first characters', () => {
    const big = { entry: Array.from({ length: 100_000 }, (_, i) => ({ i })) };
    const q = quoteValue(big);
    expect(q.length).toBe(60);
    expect(q.endsWith('…')).toBe(true);
    expect(q.startsWith('{"entry":[{"i":0},')).toBe(true);
  });
});
