// An API error in plain words, for people: never the error kind ("unauthenticated") or a field path
// ("body.entries[0].value"); what went wrong as a sentence, what to do about it, and the field by its name.

import type { ApiError } from './api';
import { t } from './i18n';

/** "cycle 3 is voting" → "Cycle 3 is voting." */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : first + '.';
}

/** What to do, by HTTP status, when the server's message alone does not say it. */
const advice: Record<number, string> = {
  403: 'errors.advice403',
  404: 'errors.advice404',
  413: 'errors.advice413',
  429: 'errors.advice429',
  503: 'errors.advice503',
};

/** The names people know the fields by, where the last part of the path alone would not do. */
const fieldNames: Record<string, string> = {
  email: 'errors.fields.email',
  password: 'errors.fields.password',
  token: 'errors.fields.token',
  time_zone: 'errors.fields.timeZone',
  closes_at: 'errors.fields.votingCloses',
  proposals_close_at: 'errors.fields.proposalsClose',
  voting_closes_at: 'errors.fields.votingCloses',
  max_dry_spell: 'errors.fields.maxDrySpell',
  max_deopt_share: 'errors.fields.maxDeoptShare',
};

/** The field an error names, as people call it ("body.impacts[1].estimate" → "Estimate"); none for headers and paths. */
export function fieldName(field: string | undefined): string | undefined {
  if (!field || /^authorization$/i.test(field) || /^(path|query)\./.test(field)) return undefined;
  const last = field.replace(/^body\.?/, '').split('.').pop()?.replace(/\[\d+\]$/, '') ?? '';
  if (!last) return undefined;
  const named = fieldNames[last] ? t(fieldNames[last]) : last.replace(/_/g, ' ');
  return named.charAt(0).toUpperCase() + named.slice(1);
}

/** The message of an error as a sentence, with what to do when the status says more. */
export function plainMessage(e: ApiError): string {
  if (e.status === 0 && e.kind === 'network') return t('errors.unreachable');
  if (e.status >= 500 && e.status !== 503) return t('errors.serverFault');
  const message = sentence(e.message);
  // A token refused (not a wrong password, which the sign-in form words itself).
  const extra = e.status === 401 && /authorization/i.test(e.field ?? '') ? t('errors.checkToken') : advice[e.status] && t(advice[e.status]);
  return extra && !message.includes(extra) ? `${message} ${extra}` : message;
}
