import { describe, expect, it } from 'vitest';
import { langFromAcceptLanguage } from './index.ts';

describe('langFromAcceptLanguage', () => {
  it('gives Swedish when the browser asks for nothing or only for languages the portal lacks', () => {
    expect(langFromAcceptLanguage(undefined)).toBe('sv');
    expect(langFromAcceptLanguage('')).toBe('sv');
    expect(langFromAcceptLanguage('de-DE,de;q=0.9')).toBe('sv');
    expect(langFromAcceptLanguage('*')).toBe('sv');
  });

  it('follows an English browser, with or without a region', () => {
    expect(langFromAcceptLanguage('en')).toBe('en');
    expect(langFromAcceptLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(langFromAcceptLanguage('en-US')).toBe('en');
    expect(langFromAcceptLanguage('EN-us')).toBe('en');
  });

  it('follows a Somali browser, from Somalia, Sweden or elsewhere', () => {
    expect(langFromAcceptLanguage('so')).toBe('so');
    expect(langFromAcceptLanguage('so-SO,so;q=0.9,en;q=0.5')).toBe('so');
    expect(langFromAcceptLanguage('so-SE')).toBe('so');
    expect(langFromAcceptLanguage('sv;q=0.4,so-KE;q=0.8')).toBe('so');
  });

  it('takes the highest quality first, then the order given', () => {
    expect(langFromAcceptLanguage('en;q=0.5,sv;q=0.8')).toBe('sv');
    expect(langFromAcceptLanguage('de;q=1,en;q=0.7,sv;q=0.7')).toBe('en');
    expect(langFromAcceptLanguage('sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('sv');
  });

  it('skips a language refused with quality 0 and a malformed entry', () => {
    expect(langFromAcceptLanguage('en;q=0,fr')).toBe('sv');
    expect(langFromAcceptLanguage('en;q=2')).toBe('sv');
    expect(langFromAcceptLanguage('<script>,en')).toBe('en');
    expect(langFromAcceptLanguage('en;q=abc, sv;q=0.1')).toBe('sv');
  });

  it('ignores an absurdly long header', () => {
    expect(langFromAcceptLanguage(`en,${'x'.repeat(2000)}`)).toBe('sv');
  });
});
