// The program's jargon in plain words: one source for the glossary page (/glossary), the hover and focus
// help beside each term (components/term.tsx) and the charter page's "Words used in the charter".

/** A term of the glossary: its key (the page's anchor), how it is written, and its meaning in a sentence or two. */
export interface GlossaryEntry {
  key: string;
  term: string;
  meaning: string;
}

export const glossary: GlossaryEntry[] = [
  {
    key: 'agreement-index',
    term: 'Agreement index',
    meaning:
      'How much the partners’ ballots agree on the order of the initiatives, from 0 % (every pair of initiatives splits the partners evenly) to 100 % (every partner orders every pair alike). Shown as a percentage with one decimal everywhere.',
  },
  {
    key: 'de-optimisation',
    term: 'De-optimisation',
    meaning:
      'What an initiative costs a partner: a negative estimate. The charter caps the share of a cycle’s total de-optimisation that one partner may carry.',
  },
  {
    key: 'dry-spell',
    term: 'Dry spell',
    meaning:
      'The number of cycles in a row in which a partner was de-optimised or got nothing it asked for. A partner whose dry spell reaches the charter’s limit must not end a cycle below zero.',
  },
  {
    key: 'in-the-core',
    term: 'In the core',
    meaning:
      'The value sharing is stable: no group of partners would get more by leaving and running the selected initiatives on their own. “No” means some group is being asked to give more than it gets back.',
  },
  {
    key: 'mes',
    term: 'Method of Equal Shares (MES)',
    meaning:
      'Each partner gets an equal share of the capacity to spend on the initiatives it supports; an initiative is chosen when its supporters can pay for it together, cheapest per unit of support first. Small groups get their share too.',
  },
  {
    key: 'network-fair',
    term: 'Network-fair ILP',
    meaning:
      'Chooses the initiatives with the most value for the whole network within the capacity, while keeping every partner within the de-optimisation share and protecting partners on a long dry spell. Solved exactly as an integer linear program (ILP) and re-checked by covalue.',
  },
  {
    key: 'perpetual-reset',
    term: 'Perpetual Reset',
    meaning:
      'The default weight policy: a partner’s voting weight grows with its dry spell, so a partner passed over cycle after cycle counts for more until it gets something, then its weight falls back to 1.',
  },
  {
    key: 'phragmen',
    term: 'Sequential Phragmén',
    meaning:
      'Picks initiatives one at a time so that the load of paying for them is spread as evenly as possible over their supporters; it stops at the first best initiative that no longer fits the capacity.',
  },
  {
    key: 'realised-value',
    term: 'Realised value',
    meaning: 'What an initiative actually delivered to each partner, as the coordinator records it after the cycle, beside what was estimated when it was chosen.',
  },
  {
    key: 'retention-risk',
    term: 'Retention risk',
    meaning:
      'How likely a partner is to drift away, from its recent cycles: missed ballots, its dry spell, a cumulative net value below zero, initiatives it supported that were not chosen, de-optimisation over its share, and the leads it carries. Low, medium or high, with the reasons on the partner’s page.',
  },
  {
    key: 'protected-partner',
    term: 'Protected partner',
    meaning:
      'A partner whose dry spell has reached the charter’s limit. While it is protected, the next cycle’s decision must not leave it with a net value below zero.',
  },
  {
    key: 'shapley',
    term: 'Shapley transfer',
    meaning:
      'A side payment that shares a cycle’s value by what each partner adds: its average contribution over every order in which the partners could have joined. Partners who gain more than their contribution pay those who gain less.',
  },
  {
    key: 'steady-growth',
    term: 'Steady growth',
    meaning:
      'Yes when the realised value of each cycle whose actuals are recorded is at least that of the cycle before it; it shows as falling as soon as one cycle realises less than the one before. Cycles whose actuals are not recorded yet do not count.',
  },
  {
    key: 'transfer',
    term: 'Transfer (who pays whom)',
    meaning:
      'After a cycle is decided, partners who gain more than their fair share pay those who gain less or lose, so the value is shared back. Each payer pays each receiver in proportion to what the receiver is owed; the payments add up to each partner’s net transfer.',
  },
  {
    key: 'turnout',
    term: 'Turnout',
    meaning:
      'Which members have cast a ballot in the cycle that is voting. It shows who has voted, never how: ballots stay secret until the cycle closes.',
  },
  {
    key: 'value-points',
    term: 'Value points',
    meaning:
      'The network’s unit of value when its charter names no currency: estimates, actuals, transfers and net values are all counted in it, so they can be added and compared.',
  },
  {
    key: 'weight-policies',
    term: 'Weight policies',
    meaning:
      'How a partner’s voting weight follows from the cycles before: Perpetual Reset (the default), none (everyone always weighs 1), or one of Lackner’s other perpetual rules — PAV, unit cost, consensus, quota, Phragmén, Nash — which each favour the partners that have won least so far in their own way.',
  },
];

const byKey = new Map(glossary.map((e) => [e.key, e]));

/** The entry of `key`; a missing key is a programming error the type checker cannot see, so it throws. */
export function entry(key: string): GlossaryEntry {
  const found = byKey.get(key);
  if (!found) throw new Error(`no glossary entry ${key}`);
  return found;
}
