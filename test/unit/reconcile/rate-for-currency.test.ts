/** Which fixed rate (--rate) the lines of each currency of a statement get. */
import { describe, expect, it } from 'vitest';
import { rateForCurrency } from '../../../src/app/reconcile.js';
import { parseRate } from '../../../src/reconcile/amounts.js';

const eur = parseRate('EUR:KZT=500');
const reverse = parseRate('KZT:USD=0.002');

describe('rateForCurrency', () => {
  it.each([
    ['the currency it names', eur, 'EUR', ['EUR', 'USD'], true],
    ['not another currency', eur, 'USD', ['EUR', 'USD'], false],
    ['the currency it names when that is not the main one', eur, 'EUR', ['USD', 'EUR'], true],
    ['not the main currency when it names another of the statement', eur, 'USD', ['USD', 'EUR'], false],
    ['the main currency when it names none of them (the service then refuses it)', eur, 'GBP', ['GBP', 'USD'], true],
    ['not a second currency when it names none of them', eur, 'USD', ['GBP', 'USD'], false],
    ['a rate written the other way round', reverse, 'USD', ['EUR', 'USD'], true],
  ] as const)('gives %s', (_what, rate, currency, currencies, given) => {
    expect(rate).not.toBeNull();
    expect(rateForCurrency(rate, currency, 'KZT', currencies)).toBe(given ? rate : null);
  });

  it('gives nothing without a rate', () => {
    expect(rateForCurrency(null, 'EUR', 'KZT', ['EUR'])).toBeNull();
  });
});
