import { describe, expect, it } from 'vitest';
import { addTexts } from './index.ts';
import { contentLang, langOfText, languageStatus } from './coverage.ts';

describe('what a page is shown in', () => {
  // An e-tjänst version compiled after start (its texts added to the translator then).
  addTexts('etj.coverage-test.v1', { sv: { title: 'Ansök', pages: { a: { title: 'Fråga' } } }, en: { title: 'Apply', pages: { a: { title: 'Question' } } }, fi: { title: 'Hae' } });

  it('is the reader’s language when every text of the e-tjänst exists in it, compiled versions included', () => {
    expect(contentLang('en', ['etj.coverage-test.v1'])).toBe('en');
    expect(langOfText('en', 'etj.coverage-test.v1:title')).toBe('en');
  });

  it('is Swedish when a text is missing, and a single missing text is marked Swedish', () => {
    expect(contentLang('fi', ['etj.coverage-test.v1'])).toBe('sv');
    expect(langOfText('fi', 'etj.coverage-test.v1:title')).toBe('fi');
    expect(langOfText('fi', 'etj.coverage-test.v1:pages.a.title')).toBe('sv');
    expect(contentLang('ar', ['etj.coverage-test.v1'])).toBe('sv');
  });

  it('counts the citizen texts of each language, and reviews only translated ones', () => {
    const sv = languageStatus('sv');
    expect(sv.total).toBeGreaterThan(100);
    expect(sv.complete && sv.fullyReviewed).toBe(true);
    const fi = languageStatus('fi');
    expect(fi.source).toBe('translated');
    expect(fi.translated).toBe(fi.total);
    expect(fi.fullyReviewed).toBe(false);
  });

  it('has Somali complete and, with no translator’s review yet, unreviewed', () => {
    const so = languageStatus('so');
    expect(so).toMatchObject({ source: 'translated', complete: true, reviewed: 0, fullyReviewed: false });
    expect(so.translated).toBe(languageStatus('sv').total);
  });
});
