import { describe, expect, it } from 'vitest';
import { seededService } from '../../server/etjanster/seed.ts';
import { keptPrefills, prefillFields, prefilledFrom } from './prefill.ts';
import { strictSchemas } from './document/schema.ts';

const larm = seededService('trygghetslarm');
const home = { street: 'Storgatan 12', postcode: '696 30', city: 'Askersund' };

describe("values about the logged-in person, in the fields that declare they take them", () => {
  it('names the fields about the person themselves in trygghetslarm: their address and their folkbokföring, nothing about the ombud', () => {
    expect(prefillFields(larm).map((f) => [f.name, f.prefill])).toEqual([
      ['folkbokford', 'folkbokfordKommun'],
      ['adress', 'address'],
    ]);
  });

  it('answers "folkbokförd i kommunen" from the kommunkod: ja for this municipality, nej for another', () => {
    expect(prefilledFrom(larm, { address: { value: home, source: 'folkbokforing' }, kommunkod: { value: '1882', source: 'folkbokforing' } }, '1882')).toEqual({
      values: { folkbokford: 'ja', adress: home },
      sources: { folkbokford: 'folkbokforing', adress: 'folkbokforing' },
    });
    expect(prefilledFrom(larm, { kommunkod: { value: '1880', source: 'folkbokforing' } }, '1882')).toEqual({ values: { folkbokford: 'nej' }, sources: { folkbokford: 'folkbokforing' } });
    expect(prefilledFrom(larm, { address: { value: home, source: 'eid' } }, '1882')).toEqual({ values: { adress: home }, sources: { adress: 'eid' } });
    expect(prefilledFrom(larm, {}, '1882')).toEqual({ values: {}, sources: {} });
  });

  it('records only the answers sent as they were prefilled', () => {
    const prefilled = prefilledFrom(larm, { address: { value: home, source: 'folkbokforing' }, kommunkod: { value: '1882', source: 'folkbokforing' } }, '1882');
    expect(keptPrefills(prefilled, { folkbokford: 'ja', adress: { ...home } })).toEqual({ folkbokford: 'folkbokforing', adress: 'folkbokforing' });
    expect(keptPrefills(prefilled, { folkbokford: 'ja', adress: { ...home, street: 'Storgatan 14' } })).toEqual({ folkbokford: 'folkbokforing' });
    expect(keptPrefills(prefilled, {})).toEqual({});
    expect(keptPrefills(undefined, { adress: home })).toEqual({});
  });

  it('is declared only where it fits: an address takes "address", a yes/no question "folkbokfordKommun"', () => {
    // As a document declares it: an unknown property is an error there, not dropped.
    const page = (field: Record<string, unknown>) => strictSchemas.parts.leafField.safeParse({ name: 'x', label: { sv: 'Fråga' }, ...field }).success;
    expect(page({ type: 'address', prefill: 'address' })).toBe(true);
    expect(page({ type: 'yesNo', prefill: 'folkbokfordKommun' })).toBe(true);
    expect(page({ type: 'address', prefill: 'folkbokfordKommun' })).toBe(false);
    expect(page({ type: 'text', prefill: 'address' })).toBe(false);
  });
});
