/** The remembering translator answers exactly as i18next does, and remembers only what is shared. */
import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { MEMO_LIMIT, memoisedTranslator } from './memo.ts';

const instance = i18next.createInstance();
await instance.init({
  lng: 'sv',
  fallbackLng: 'sv',
  defaultNS: 'common',
  initAsync: false,
  interpolation: { escapeValue: false },
  resources: {
    sv: {
      common: {
        hello: 'Hej',
        contact: 'Ring {{municipality}} på {{phone}}',
        named: 'Hej {{name}}',
        files_one: '{{count}} fil',
        files_other: '{{count}} filer',
        list: ['Ett stycke', 'Ett till i {{municipality}}'],
        start: 'Börja',
        start_anmalan: 'Gör en anmälan',
      },
    },
  },
});

/** The fixed translator, and how many calls reached it. */
function counted(): { t: TFunction; calls: () => number } {
  const fixed = instance.getFixedT('sv');
  let n = 0;
  const f = ((...args: unknown[]) => {
    n += 1;
    return (fixed as unknown as (...a: unknown[]) => unknown)(...args);
  }) as unknown as TFunction;
  return { t: f, calls: () => n };
}

const shared = Object.freeze({ municipality: 'Askersund', phone: '0583-810 00' });

describe('a translator that remembers shared texts', () => {
  it('answers every kind of call as i18next does', () => {
    const plain = instance.getFixedT('sv');
    const t = memoisedTranslator(plain, shared);
    for (let i = 0; i < 2; i++) {
      expect(t('hello')).toBe('Hej');
      expect(t('contact', shared)).toBe('Ring Askersund på 0583-810 00');
      expect(t('contact', { ...shared, phone: '112' })).toBe('Ring Askersund på 112');
      expect(t('named', { name: 'Anna' })).toBe('Hej Anna');
      expect(t('files', { count: 1 })).toBe('1 fil');
      expect(t('files', { count: 3 })).toBe('3 filer');
      expect(t('list', { returnObjects: true })).toEqual(['Ett stycke', 'Ett till i {{municipality}}']);
      expect(t('list', { ...shared, returnObjects: true })).toEqual(['Ett stycke', 'Ett till i Askersund']);
      expect(t('list', { ...shared, phone: '112', returnObjects: true })).toEqual(['Ett stycke', 'Ett till i Askersund']);
      expect(t('start', { context: 'anmalan' })).toBe('Gör en anmälan');
      expect(t('start', { context: 'ansokan' })).toBe('Börja');
      expect(t('start', { ...shared, context: 'anmalan' })).toBe('Gör en anmälan');
      expect(t('contact', { ...shared, context: 'anmalan' })).toBe('Ring Askersund på 0583-810 00');
      expect(t('missing.key')).toBe(plain('missing.key'));
    }
  });

  it('asks i18next once per key without values or with the shared ones, and every time otherwise', () => {
    const { t: fixed, calls } = counted();
    const t = memoisedTranslator(fixed, shared);
    for (let i = 0; i < 5; i++) {
      t('hello');
      t('contact', shared);
    }
    expect(calls()).toBe(2);
    // Values of one person's answers are never remembered: each call goes to i18next.
    for (let i = 0; i < 5; i++) t('named', { name: 'Anna' });
    expect(calls()).toBe(7);
    // The shared values in a copy are recognised as the same.
    t('contact', { ...shared });
    expect(calls()).toBe(7);
    // A list of paragraphs with the shared values, and a context alone: once each.
    for (let i = 0; i < 3; i++) {
      t('list', { ...shared, returnObjects: true });
      t('start', { context: 'anmalan' });
    }
    expect(calls()).toBe(9);
    // The shared values with a context (a copy of them, as a page makes for its answers): once.
    for (let i = 0; i < 3; i++) t('start', { ...shared, context: 'anmalan' });
    expect(calls()).toBe(10);
    // A list with other values, a context with other values, a shared value changed: every time.
    t('list', { ...shared, municipality: 'Anna', returnObjects: true });
    t('start', { context: 'anmalan', name: 'Anna' });
    t('contact', { ...shared, phone: '112' });
    t('contact', { ...shared, phone: '112' });
    expect(calls()).toBe(14);
  });

  it('remembers no more than its limit, however many keys are asked for', () => {
    const { t: fixed, calls } = counted();
    const t = memoisedTranslator(fixed, shared);
    for (let i = 0; i < MEMO_LIMIT + 10; i++) t(`nyckel.${i}`);
    const before = calls();
    t(`nyckel.${MEMO_LIMIT + 5}`);
    t('nyckel.1');
    expect(calls()).toBe(before + 1);
  });
});
