// Cycle helpers: which cycle is current, which initiatives are on its ballot.

import { get } from './api';
import { list } from './context';
import { isUndecided } from './initiatives';
import type { Cycle, Initiative } from './types';

export async function loadCycles(): Promise<Cycle[]> {
  const cycles = list<Cycle>(await get<any>('/cycles'), 'cycles');
  return cycles.sort((a, b) => a.number - b.number);
}

/** The candidates of cycle `c`: its initiatives still up for decision, narrowed to its shortlist. */
export function candidatesOf(c: Cycle, initiatives: Initiative[]): Initiative[] {
  const shortlist = new Set(c.shortlist ?? []);
  return initiatives
    .filter((i) => i.cycle === c.number && isUndecided(i))
    .filter((i) => shortlist.size === 0 || shortlist.has(i.id))
    .sort((a, b) => a.id - b.id);
}
