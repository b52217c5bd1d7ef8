// What the server accepts at the door (README "The server", Input/Numbers/Texts;
// program/include/covalue/program/limits.hpp), so forms can say so before sending.

import { t } from './i18n';
import { fmtCount } from './rational';

/** Longest texts, in characters, as the OpenAPI document's maxLength states them. */
export const maxChars = { title: 200, name: 200, description: 10000, reason: 2000, unit: 40, comment: 10000, update: 5000 } as const;

/** The one number grammar of the API and the CLI: 12, -3, 12.5, 7/2 (not +3, .5, 1.5e1, 1.5/2). */
export const amountPattern = /^-?[0-9]+([.][0-9]+|\/[0-9]+)?$/;

const maxAmount = 1_000_000_000n;
const maxDenominator = 1_000_000n;

/** The bounds in words, for help texts. */
export const amountBounds = (): string => t('limits.bounds', { max: fmtCount(1e9) });

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/** The exact value of an amount text as a reduced fraction, or null when it does not follow the grammar. */
function parse(text: string): { n: bigint; d: bigint } | null {
  if (!amountPattern.test(text)) return null;
  let n: bigint;
  let d: bigint;
  const slash = text.indexOf('/');
  const dot = text.indexOf('.');
  if (slash >= 0) {
    n = BigInt(text.slice(0, slash));
    d = BigInt(text.slice(slash + 1));
    if (d === 0n) return null;
  } else if (dot >= 0) {
    const decimals = text.slice(dot + 1);
    n = BigInt(text.slice(0, dot) + decimals);
    d = 10n ** BigInt(decimals.length);
  } else {
    n = BigInt(text);
    d = 1n;
  }
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

/**
 * Why an amount a person typed would be refused, in words (null when the server takes it):
 * the grammar, the sign, at most 10^9 in magnitude, at most 6 decimals (a denominator up to 10^6).
 */
export function amountProblem(text: string, sign: 'any' | 'positive' = 'any'): string | null {
  const shown = `“${text.length > 24 ? text.slice(0, 24) + '…' : text}”`;
  const value = parse(text);
  if (!value) return t('limits.notNumber', { shown });
  if (sign === 'positive' && value.n <= 0n) return t('limits.positive', { shown });
  const magnitude = value.n < 0n ? -value.n : value.n;
  if (magnitude > maxAmount * value.d) return t('limits.tooLarge', { shown, max: fmtCount(1e9) });
  if (value.d > maxDenominator) return t('limits.precision', { shown });
  return null;
}

/** Why a whole number a person typed would be refused, in words (null when it is fine). */
export function integerProblem(text: string, minimum?: number, maximum?: number): string | null {
  if (!/^[0-9]+$/.test(text.trim())) return t('limits.notWhole', { shown: `“${text.trim().length > 24 ? text.trim().slice(0, 24) + '…' : text.trim()}”` });
  const v = Number(text.trim());
  if (minimum !== undefined && v < minimum) return t('limits.atLeast', { minimum });
  if (maximum !== undefined && v > maximum) return t('limits.atMost', { maximum });
  return null;
}

/** The exact value of an amount as a number, for comparing with bounds (NaN when it is not one). */
export function amountValue(text: string): number {
  const v = parse(text.trim());
  return v ? Number(v.n) / Number(v.d) : NaN;
}

/** An exact amount: a reduced fraction n/d with d > 0. */
export interface Exact {
  n: bigint;
  d: bigint;
}

/** The exact value of an amount text (null when it does not follow the grammar), for sums and bounds that must not round. */
export function exactAmount(text: string): Exact | null {
  return parse(text.trim());
}

/** a + b, exactly. */
export function addExact(a: Exact, b: Exact): Exact {
  const n = a.n * b.d + b.n * a.d;
  const d = a.d * b.d;
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

/** Negative, 0 or positive as a is below, equal to or above b. */
export function compareExact(a: Exact, b: Exact): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** An exact amount as the API writes it ("12", "7/2"). */
export function exactText(v: Exact): string {
  return v.d === 1n ? String(v.n) : `${v.n}/${v.d}`;
}
