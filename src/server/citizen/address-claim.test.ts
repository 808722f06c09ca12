import { describe, expect, it } from 'vitest';
import { addressFromClaim } from './oidc.ts';

describe('the OIDC address claim', () => {
  it('becomes a Swedish postal address with the postcode spaced', () => {
    expect(addressFromClaim({ street_address: 'Storgatan 12', postal_code: '69630', locality: 'Askersund', country: 'SE' })).toEqual({ street: 'Storgatan 12', postcode: '696 30', city: 'Askersund' });
    expect(addressFromClaim({ street_address: 'c/o Berg\nStorgatan 12', postal_code: '696 30', locality: 'Askersund' })).toEqual({ street: 'c/o Berg, Storgatan 12', postcode: '696 30', city: 'Askersund' });
  });

  it('is nothing when it is missing, incomplete, not Swedish or not an address', () => {
    expect(addressFromClaim(undefined)).toBeUndefined();
    expect(addressFromClaim('Storgatan 12, 696 30 Askersund')).toBeUndefined();
    expect(addressFromClaim({ street_address: 'Storgatan 12', locality: 'Askersund' })).toBeUndefined();
    expect(addressFromClaim({ street_address: 'Storgatan 12', postal_code: '0150', locality: 'Oslo', country: 'NO' })).toBeUndefined();
    expect(addressFromClaim({ street_address: '', postal_code: '69630', locality: 'Askersund' })).toBeUndefined();
  });
});
