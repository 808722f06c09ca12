import { describe, expect, it } from 'vitest';
import { placeholderProblems, SHARED_PLACEHOLDERS } from './placeholders.ts';
import { sharedTextParams } from '../../../i18n/text-params.ts';
import { translator } from '../../../i18n/index.ts';
import { defaultForenkladRules } from '../../rules/forenklad.ts';

const SHARED: readonly string[] = SHARED_PLACEHOLDERS;

describe('placeholders', () => {
  it('are exactly the shared values every page gives its texts', () => {
    const contact = { municipality: 'Askersund', phone: '0583-810 00', email: 'a@b.se', address: 'Torget 1', socialjour: '0583-810 00' };
    const given = Object.keys(sharedTextParams(translator('sv'), 'sv', contact, defaultForenkladRules));
    expect([...given].sort()).toEqual([...SHARED].sort());
  });

  it('may be any shared value, with a known format', () => {
    expect(placeholderProblems('Högst {{maxtaxa}} kr i {{municipality}}, {{max, number}} tecken', [...SHARED, 'max'])).toEqual([]);
  });

  it('may not name a value the text is not given', () => {
    expect(placeholderProblems('Ring {{telefon}}', SHARED)).toEqual([{ code: 'unknownPlaceholder', params: { name: 'telefon' } }]);
    expect(placeholderProblems('Högst {{max}} tecken', SHARED)).toEqual([{ code: 'unknownPlaceholder', params: { name: 'max' } }]);
  });

  it('may not be half written, use an unknown format or nest another text', () => {
    expect(placeholderProblems('Ring {{phone}', SHARED).map((p) => p.code)).toEqual(['malformedPlaceholder']);
    expect(placeholderProblems('Ring {{ }}', SHARED).map((p) => p.code)).toEqual(['malformedPlaceholder']);
    expect(placeholderProblems('{{phone, fet}}', SHARED)).toEqual([{ code: 'unknownPlaceholderFormat', params: { name: 'phone', format: 'fet' } }]);
    expect(placeholderProblems('Se $t(common:x)', SHARED).map((p) => p.code)).toEqual(['nestedText']);
  });
});
