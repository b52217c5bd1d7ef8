// An API error in plain words, for people: never the error kind ("unauthenticated") or a field path
// ("body.entries[0].value"); what went wrong as a sentence, what to do about it, and the field by its name.

import type { ApiError } from './api';

/** "cycle 3 is voting" → "Cycle 3 is voting." */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : first + '.';
}

/** What to do, by HTTP status, when the server's message alone does not say it. */
const advice: Record<number, string> = {
  403: 'Your access does not allow this: ask a coordinator.',
  404: 'It may have been removed, or the link is wrong.',
  413: 'What was sent is too large.',
  429: 'Too many failed attempts from this computer: wait a minute, then try again.',
  503: 'The server is busy: try again in a moment.',
};

/** The names people know the fields by, where the last part of the path alone would not do. */
const fieldNames: Record<string, string> = {
  email: 'E-mail address',
  password: 'Password',
  token: 'Access token',
  time_zone: 'Time zone',
  closes_at: 'Voting closes',
  proposals_close_at: 'Proposals close',
  voting_closes_at: 'Voting closes',
  max_dry_spell: 'Longest dry spell',
  max_deopt_share: 'Largest de-optimisation share',
};

/** The field an error names, as people call it ("body.impacts[1].estimate" → "Estimate"); none for headers and paths. */
export function fieldName(field: string | undefined): string | undefined {
  if (!field || /^authorization$/i.test(field) || /^(path|query)\./.test(field)) return undefined;
  const last = field.replace(/^body\.?/, '').split('.').pop()?.replace(/\[\d+\]$/, '') ?? '';
  if (!last) return undefined;
  const named = fieldNames[last] ?? last.replace(/_/g, ' ');
  return named.charAt(0).toUpperCase() + named.slice(1);
}

/** The message of an error as a sentence, with what to do when the status says more. */
export function plainMessage(e: ApiError): string {
  if (e.status === 0 && e.kind === 'network') return 'The covalue server cannot be reached: check the connection, then try again.';
  if (e.status >= 500 && e.status !== 503) return 'Something went wrong on the server (it is logged). Try again; if it happens again, tell the coordinator.';
  const message = sentence(e.message);
  // A token refused (not a wrong password, which the sign-in form words itself).
  const extra = e.status === 401 && /authorization/i.test(e.field ?? '') ? 'Check the access token, or ask your coordinator for a new one.' : advice[e.status];
  return extra && !message.includes(extra) ? `${message} ${extra}` : message;
}
