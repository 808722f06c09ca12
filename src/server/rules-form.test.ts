import { describe, expect, it } from 'vitest';
import { defaultForenkladRules } from '../domain/rules/forenklad.ts';
import { formValuesOf, parseRulesForm } from './rules-form.ts';

describe('the rule-set form', () => {
  it('reads back the values it shows', () => {
    const parsed = parseRulesForm(formValuesOf(defaultForenkladRules, '2027-01-01'));
    expect(parsed).toEqual({ ok: true, validFrom: '2027-01-01', rules: defaultForenkladRules });
  });

  it('takes Swedish number forms: a space between thousands, a decimal comma', () => {
    const parsed = parseRulesForm({ ...formValuesOf(defaultForenkladRules, '2027-01-01'), maxtaxaMonthly: '2 600', stadningHours: '2,5' });
    expect(parsed.ok && [parsed.rules.fees.maxtaxaMonthly, parsed.rules.limits.stadningHours]).toEqual([2600, 2.5]);
  });

  it('names every field that is wrong, in the order of the form, and only the first problem of each', () => {
    const parsed = parseRulesForm({ ...formValuesOf(defaultForenkladRules), validFrom: '2027-02-30', ageLimit: '', requireFolkbokford: '', stadningHours: '2,25', maxtaxaMonthly: '100001', homeCareHourly: '-1', offered: [] });
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { path: 'validFrom', code: 'validFromFormat' },
        { path: 'ageLimit', code: 'numberRequired' },
        { path: 'requireFolkbokford', code: 'chooseYesNo' },
        { path: 'stadningHours', code: 'halfHours' },
        { path: 'homeCareHourly', code: 'wholeNumber' },
        { path: 'maxtaxaMonthly', code: 'outOfRange', min: 0, max: 100_000 },
      ],
    });
  });

  it('a municipality may offer none of the insatser (every förenklad e-tjänst then leaves the catalog)', () => {
    const parsed = parseRulesForm({ ...formValuesOf(defaultForenkladRules, '2027-01-01'), offered: [] });
    expect(parsed.ok && parsed.rules.offered).toEqual([]);
  });
});
