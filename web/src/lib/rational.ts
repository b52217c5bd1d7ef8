// Exact rationals arrive as strings ("7/2", "12", "-3", "0.25"): parse them for charts and display.

/** The value of an exact rational string (or a number) as a double; NaN when it is not one. */
export function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return NaN;
  const text = value.trim();
  const slash = text.indexOf('/');
  if (slash < 0) return Number(text);
  const n = Number(text.slice(0, slash));
  const d = Number(text.slice(slash + 1));
  return d === 0 ? NaN : n / d;
}

import { locale } from './i18n';

const formats = new Map<string, Intl.NumberFormat>();

/** An Intl.NumberFormat in the language in use, made once per locale and options. */
function numberFormat(name: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale()} ${name}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale(), options)));
  return f;
}

const twoDecimals = { format: (v: number) => numberFormat('two', { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(v) };
const percent = { format: (v: number) => numberFormat('percent', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v) };

/** A whole number in the language in use ("1,234", "1.234", "1 234"). */
export const fmtCount = (n: number): string => numberFormat('count', { maximumFractionDigits: 0 }).format(n);

/** A number with up to `digits` decimals in the language in use. */
export const fmtNumber = (n: number, digits = 2): string => numberFormat(`n${digits}`, { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(n);

/** A number with exactly `digits` decimals in the language in use ("12.50", "12,50"). */
export const fmtFixed = (n: number, digits: number): string => numberFormat(`f${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

/** A rational for reading: at most two decimals, "–" when missing. */
export function fmt(value: unknown): string {
  const v = num(value);
  if (!Number.isFinite(v)) return value === null || value === undefined || value === '' ? '–' : String(value);
  return twoDecimals.format(v);
}

/** A signed rational for reading ("+3.5", "−2"). */
export function fmtSigned(value: unknown): string {
  const v = num(value);
  if (!Number.isFinite(v)) return fmt(value);
  if (v > 0) return '+' + twoDecimals.format(v);
  if (v < 0) return '−' + twoDecimals.format(-v);
  return '0';
}

/** A share in [0, 1] as a percentage with one decimal ("20.0%", "20,0 %"). */
export function pct(value: unknown): string {
  const v = num(value);
  return Number.isFinite(v) ? percent.format(v) : '–';
}

/** The exact string with its decimal value when they differ ("7/3 ≈ 2.33"). */
export function exactTitle(value: unknown): string {
  if (typeof value !== 'string') return String(value ?? '');
  return value.includes('/') ? `${value} ≈ ${fmt(value)}` : value;
}

/** The agreement index of a consensus (exact, in [0, 1]) as every page writes it: a percentage with one decimal. */
export const fmtAgreement = (value: unknown): string => pct(value);
