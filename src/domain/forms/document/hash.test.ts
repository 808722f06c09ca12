import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './hash.ts';

describe('the content hash', () => {
  it('serialises with sorted keys at every level and no whitespace', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: 'x y' }], a: null, skipped: undefined })).toBe('{"a":null,"b":[2,{"c":"x y","d":1}]}');
  });

  it('is the same whatever order the keys are in', () => {
    expect(contentHash({ id: 'a', pages: [{ kind: 'exit', id: 'x' }] })).toBe(contentHash({ pages: [{ id: 'x', kind: 'exit' }], id: 'a' }));
  });

  it('differs when anything differs, the order of a list too', () => {
    const base = contentHash({ start: ['a', 'b'], title: { sv: 'Hej' } });
    expect(contentHash({ start: ['b', 'a'], title: { sv: 'Hej' } })).not.toBe(base);
    expect(contentHash({ start: ['a', 'b'], title: { sv: 'Hej!' } })).not.toBe(base);
  });

  it('is SHA-256 of the canonical serialisation, in hex', () => {
    expect(contentHash({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });
});
