/** Dates in statement files: the few layouts societies use, read into YYYY-MM-DD. */
import { isValidDate } from '../fixed-width/field-types.js';

export const DATE_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const PATTERNS: Readonly<Record<DateFormat, { re: RegExp; y: number; m: number; d: number }>> = {
  'YYYY-MM-DD': { re: /^(\d{4})-(\d{2})-(\d{2})$/, y: 1, m: 2, d: 3 },
  YYYYMMDD: { re: /^(\d{4})(\d{2})(\d{2})$/, y: 1, m: 2, d: 3 },
  'DD.MM.YYYY': { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, y: 3, m: 2, d: 1 },
  'DD/MM/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, y: 3, m: 2, d: 1 },
  'MM/DD/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, y: 3, m: 1, d: 2 },
};

/** 'YYYY-MM-DD', or null when the text is not a real date in that format. */
export function parseDate(text: string, format: DateFormat): string | null {
  const p = PATTERNS[format];
  const m = p.re.exec(text.trim());
  if (!m) return null;
  const y = (m[p.y] ?? '').padStart(4, '0');
  const mo = (m[p.m] ?? '').padStart(2, '0');
  const d = (m[p.d] ?? '').padStart(2, '0');
  return isValidDate(`${y}${mo}${d}`) ? `${y}-${mo}-${d}` : null;
}
