// The network's unit of value (the charter's `unit`: a currency code such as EUR, or "value points"), and the
// one way every page writes a value figure with it.

import { fmt, fmtSigned } from './rational';

/** The unit when the charter names none. */
export const defaultUnit = 'value points';

/** The unit the charter states, or the default (a server that does not state one yet). */
export function unitOf(charter: unknown): string {
  const unit = (charter as { unit?: unknown } | null | undefined)?.unit;
  return typeof unit === 'string' && unit.trim() ? unit.trim() : defaultUnit;
}

/** A currency code (ISO 4217 shape: three capital letters) is written before the number, other units after. */
const isCurrency = (unit: string) => /^[A-Z]{3}$/.test(unit);

/** "12.5 value points", "EUR 12.5", "+3 value points" (signed). */
export function fmtValue(value: unknown, unit: string, signed = false): string {
  const number = signed ? fmtSigned(value) : fmt(value);
  if (number === '–') return number;
  return isCurrency(unit) ? `${unit} ${number}` : `${number} ${unit}`;
}

/** A column or axis heading with the unit: "Net value (value points)". */
export const withUnit = (title: string, unit: string) => `${title} (${unit})`;
