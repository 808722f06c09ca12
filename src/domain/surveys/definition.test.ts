import { describe, expect, it } from 'vitest';
import { defineSurvey, HELP_PAGE_ID, pageIds, scoredQuestions } from './definition.ts';
import { INDICATOR_IDS } from './indicators.ts';
import { SURVEYS } from '../../surveys/index.ts';
import { hasKey, LANGUAGES } from '../../i18n/index.ts';
import { choicesOf, cleanAnswers, findSurveyPage, readSurveyPage } from './answers.ts';
import { normaliseCode, formatCode, CODE_ALPHABET } from './codes.ts';

describe('survey definitions', () => {
  it('ship the six surveys of the municipality', () => {
    expect(SURVEYS.map((s) => s.id).sort()).toEqual(['hemtjanst', 'ifo', 'lss-daglig-verksamhet', 'lss-gruppboende', 'sarskilt-boende', 'trygg-hemgang']);
  });

  it('feed every survey indicator of seed 001 from exactly one question', () => {
    const fed = SURVEYS.flatMap((s) => scoredQuestions(s).flatMap((q) => (q.indicator ? [q.indicator] : [])));
    expect([...fed].sort()).toEqual([...INDICATOR_IDS].sort());
  });

  it('end every survey with the question whether someone helped to answer', () => {
    for (const s of SURVEYS) expect(pageIds(s).at(-1)).toBe(HELP_PAGE_ID);
  });

  it('refuse an unknown question kind or scale at start-up', () => {
    expect(() => defineSurvey({ id: 'x', version: 1, area: 'ifo', unitKinds: ['ifo'], pages: [{ id: 'a', questions: [{ kind: 'slider', id: 'q' } as never] }] })).toThrow(/Survey definition "x"/);
    expect(() => defineSurvey({ id: 'x', version: 1, area: 'ifo', unitKinds: ['ifo'], pages: [{ id: 'a', questions: [{ kind: 'scale', id: 'q', scale: 'nope' as never }] }] })).toThrow();
  });

  it('refuse a question id used twice', () => {
    expect(() => defineSurvey({ id: 'x', version: 1, area: 'ifo', unitKinds: ['ifo'], pages: [{ id: 'a', questions: [{ kind: 'text', id: 'q' }, { kind: 'text', id: 'q' }] }] })).toThrow(/twice/);
  });

  it.each(LANGUAGES)('have every text in %s', (lang) => {
    for (const s of SURVEYS) {
      const ns = `survey-${s.id}`;
      for (const key of ['title', 'intro', 'targetGroup']) expect(hasKey(lang, `${ns}:${key}`), `${ns}:${key}`).toBe(true);
      for (const p of s.pages) {
        expect(hasKey(lang, `${ns}:pages.${p.id}`), `${ns}:pages.${p.id}`).toBe(true);
        for (const q of p.questions) {
          expect(hasKey(lang, `${ns}:questions.${q.id}`), `${ns}:questions.${q.id}`).toBe(true);
          if (q.kind === 'scale') for (const o of choicesOf(q)) expect(hasKey(lang, o === 'vet-ej' ? 'surveys:dontKnow' : `surveys:scales.${q.scale}.${o}`), `${q.scale}.${o}`).toBe(true);
        }
      }
    }
  });
});

describe('reading a survey page', () => {
  const def = SURVEYS.find((s) => s.id === 'hemtjanst')!;
  const page = findSurveyPage(def, 'personalen')!;
  const form = (v: Record<string, string>) => ({ get: (n: string) => v[n] ?? null });

  it('lets every question be skipped, except whether someone helped', () => {
    expect(readSurveyPage(page, form({}))).toEqual({ values: {}, errors: [] });
    expect(readSurveyPage(findSurveyPage(def, HELP_PAGE_ID)!, form({})).errors).toEqual([{ question: 'hjalp', code: 'required' }]);
  });

  it('refuses a value the question does not offer', () => {
    expect(readSurveyPage(page, form({ hansyn: 'kanske' })).errors).toEqual([{ question: 'hansyn', code: 'invalid' }]);
  });

  it('keeps only the definition’s own questions and values', () => {
    expect(cleanAnswers(def, { hansyn: 'alltid', smuggled: 'x', tider: 'bogus', hjalp: 'ja-personal', kommentar: ' bra ' })).toEqual({ hansyn: 'alltid', hjalp: 'ja-personal', kommentar: 'bra' });
  });
});

describe('invitation codes', () => {
  it('forgive spaces, dashes and lower case', () => {
    expect(normaliseCode(' acde-fghj ')).toBe('ACDEFGHJ');
    expect(formatCode('ACDEFGHJ')).toBe('ACDE-FGHJ');
  });

  it('refuse look-alike characters and wrong lengths', () => {
    expect(normaliseCode('0OIL1SZB')).toBeUndefined();
    expect(normaliseCode('ACDEFGH')).toBeUndefined();
    for (const ch of '01OIL5S2Z8B') expect(CODE_ALPHABET.includes(ch)).toBe(false);
  });
});
