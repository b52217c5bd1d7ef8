// The program's jargon in plain words: one source for the glossary page (/glossary), the hover and focus
// help beside each term (components/term.tsx) and the charter page's "Words used in the charter". The words
// themselves are in the catalogs (src/locales/*.json, glossary.terms), in every language.

import { t } from './i18n';

/** A term of the glossary: its key (the page's anchor), how it is written, and its meaning in a sentence or two. */
export interface GlossaryEntry {
  key: string;
  term: string;
  meaning: string;
}

/** The terms' keys, in the glossary page's order; their words are in the catalogs (glossary.terms.<key>). */
const keys = [
  'agreement-index',
  'de-optimisation',
  'dry-spell',
  'in-the-core',
  'mes',
  'network-fair',
  'perpetual-reset',
  'phragmen',
  'realised-value',
  'retention-risk',
  'protected-partner',
  'shapley',
  'steady-growth',
  'transfer',
  'turnout',
  'value-points',
  'weight-policies',
];

/** Every term in the language in use. */
export const glossary = (): GlossaryEntry[] => keys.map((key) => entry(key));

const known = new Set<string>(keys);

/** The entry of `key` in the language in use; a missing key is a programming error the type checker cannot
 *  see, so it throws. */
export function entry(key: string): GlossaryEntry {
  if (!known.has(key)) throw new Error(`no glossary entry ${key}`);
  return { key, term: t(`glossary.terms.${key}.term`), meaning: t(`glossary.terms.${key}.meaning`) };
}
