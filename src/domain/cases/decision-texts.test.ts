import { describe, expect, it } from 'vitest';
import { LANGUAGES, translator } from '../../i18n/index.ts';
import { DECISION_KINDS, OUTCOMES_BY_KIND } from './decision-kinds.ts';
import { DECISION_TEXTS, decisionLine, decisionText, decisionTextDef, defaultTemplate, placeholdersOf, textProblem, textsOfKind } from './decision-texts.ts';

const appeal = decisionTextDef('remedy.appeal')!;
const sv = translator('sv');
const params = { address: 'Socialnämnden, Box 1, 123 45 Exempelstad', phone: '010-123 45 67' };

describe('the texts about a decision', () => {
  it('have a default in every citizen language, with the same placeholders as the Swedish', () => {
    for (const def of DECISION_TEXTS) {
      const wanted = placeholdersOf(defaultTemplate(sv, def)).sort();
      for (const lang of LANGUAGES) {
        const text = defaultTemplate(translator(lang), def);
        expect(text, `${def.key} ${lang}`).not.toBe(def.i18nKey.split(':')[1]);
        expect(text.trim().length, `${def.key} ${lang}`).toBeGreaterThan(0);
        expect(placeholdersOf(text).sort(), `${def.key} ${lang}`).toEqual(wanted);
      }
    }
  });

  it('are listed for every outcome of every kind: the besvärshänvisning only where it can be appealed', () => {
    for (const kind of DECISION_KINDS) {
      const listed = textsOfKind(kind);
      expect(listed.map((l) => l.outcome)).toEqual(OUTCOMES_BY_KIND[kind]);
      const keys = listed.flatMap((l) => l.texts.map((x) => x.key));
      expect(keys.includes('remedy.appeal'), kind).toBe(kind === 'ansokan');
      expect(keys.includes('remedy.applyOrdinary'), kind).toBe(kind === 'ansokanForenklad');
    }
    // A reporter is told no outcome: only that nothing is told, and the återkoppling where it is due.
    const anmalan = textsOfKind('anmalan').flatMap((l) => l.texts.map((x) => x.key));
    expect(anmalan.some((k) => k.startsWith('outcome.'))).toBe(false);
    expect(anmalan).toContain('mail.aterkoppling_inleds');
  });

  it('read as the default until the municipality has its own wording in the language, and then as that', () => {
    const own = { 'remedy.appeal': { sv: 'Skicka överklagandet till {{address}}.\n\nRing {{phone}}.' } };
    expect(decisionText(sv, 'remedy.appeal', 'sv', undefined, params).join(' ')).toContain('inom tre veckor');
    expect(decisionText(sv, 'remedy.appeal', 'sv', own, params)).toEqual([`Skicka överklagandet till ${params.address}.`, `Ring ${params.phone}.`]);
    // Another language keeps its default.
    expect(decisionText(translator('en'), 'remedy.appeal', 'en', own, params).join(' ')).toContain('three weeks');
    expect(decisionLine(sv, 'outcome.avslag', 'sv', { 'outcome.avslag': { sv: 'Avslag på ansökan' } })).toBe('Avslag på ansökan');
    expect(decisionLine(sv, 'outcome.okand', 'sv', undefined)).toBe('okand');
  });

  it('refuse a wording that drops or invents a placeholder, is empty, holds control characters or breaks a one-line text', () => {
    const fallback = defaultTemplate(sv, appeal);
    expect(textProblem(appeal, fallback, 'Skicka till {{address}}. Ring {{phone}}.')).toBeUndefined();
    expect(textProblem(appeal, fallback, 'Skicka till nämnden. Ring {{phone}}.')).toEqual({ code: 'placeholderMissing', names: ['address'] });
    expect(textProblem(appeal, fallback, 'Till {{address}}, {{phone}}, {{epost}}.')).toEqual({ code: 'placeholderUnknown', names: ['epost'] });
    expect(textProblem(appeal, fallback, '   \n ')).toEqual({ code: 'empty' });
    expect(textProblem(appeal, fallback, 'Till {{address}}\u0007 {{phone}}')).toEqual({ code: 'control' });
    expect(textProblem(appeal, fallback, 'Till {{address}}\u202E {{phone}}')).toEqual({ code: 'control' });
    expect(textProblem(appeal, fallback, 'x'.repeat(5000) + '{{address}}{{phone}}')).toMatchObject({ code: 'tooLong' });
    const outcome = decisionTextDef('outcome.avslag')!;
    expect(textProblem(outcome, 'Avslag', 'Avslag\n\npå ansökan')).toEqual({ code: 'oneLine' });
  });
});
