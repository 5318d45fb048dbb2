/** ISO 4217 currency codes: lookup and minor units (the table itself is data in currency-table.ts). */
import { CURRENCY_MINOR_UNITS } from './currency-table.js';

/** True when `code` is an ISO 4217 code cwrkit knows (three upper-case letters in the table). */
export function isCurrency(code: string): boolean {
  return Object.hasOwn(CURRENCY_MINOR_UNITS, code);
}

/** Minor units (decimals) of a currency, or undefined when the code is unknown. */
export function minorUnits(code: string): number | undefined {
  return isCurrency(code) ? CURRENCY_MINOR_UNITS[code] : undefined;
}

/** Normalises user input ("kzt ", "Eur") to an ISO code, or null when it is not a known currency. */
export function normaliseCurrency(text: string): string | null {
  const c = text.trim().toUpperCase();
  return isCurrency(c) ? c : null;
}

export function allCurrencies(): string[] {
  return Object.keys(CURRENCY_MINOR_UNITS);
}
