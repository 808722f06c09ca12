import { describe, expect, it } from 'vitest';
import { entryOf, stringsOf, textSchemas } from './text.ts';

const strict = textSchemas(true);
const draft = textSchemas(false);

describe('a text', () => {
  it('is published only with Swedish', () => {
    expect(strict.text.safeParse({ sv: 'Hej', en: 'Hello' }).success).toBe(true);
    expect(strict.text.safeParse({ en: 'Hello' }).success).toBe(false);
    expect(draft.text.safeParse({ en: 'Hello' }).success).toBe(true);
  });

  it('is keyed by language tags, and holds no empty words', () => {
    expect(strict.text.safeParse({ sv: 'Hej', 'sv-x-lattlast': 'Hej', ar: 'مرحبا' }).success).toBe(true);
    expect(strict.text.safeParse({ sv: 'Hej', Engelska: 'Hello' }).success).toBe(false);
    expect(draft.text.safeParse({ sv: '' }).success).toBe(false);
  });

  it('may give each language variants and a translator’s review', () => {
    const t = { sv: { text: 'Hur bor du?', variants: { annan: 'Hur bor personen?' } }, en: { text: 'How do you live?', reviewed: true } };
    expect(strict.text.parse(t)).toEqual(t);
    expect(entryOf(t, 'sv')).toEqual({ text: 'Hur bor du?', variants: { annan: 'Hur bor personen?' }, reviewed: false });
    expect(entryOf(t, 'en')).toEqual({ text: 'How do you live?', variants: {}, reviewed: true });
    expect(entryOf(t, 'fi')).toBeUndefined();
    expect(stringsOf(t, 'sv')).toEqual(['Hur bor du?', 'Hur bor personen?']);
  });

  it('is one string where one is shown, and may be paragraphs where paragraphs are', () => {
    expect(strict.text.safeParse({ sv: ['Ett', 'Två'] }).success).toBe(false);
    expect(strict.paragraphs.safeParse({ sv: ['Ett', 'Två'], en: 'One' }).success).toBe(true);
    expect(strict.paragraphs.safeParse({ sv: [] }).success).toBe(false);
  });

  it('has no other properties than its words, variants and review', () => {
    expect(strict.text.safeParse({ sv: { text: 'Hej', granskad: true } }).success).toBe(false);
  });
});
