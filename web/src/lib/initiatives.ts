// Initiative helpers shared by the board, the detail view and the ballot.

import { num } from './rational';
import type { Initiative } from './types';

/** Whether `i` is still to be decided (proposed or carried over): on a ballot, withdrawable, open to
 * leads. The server says so (`undecided`, from `Initiative::undecided()`): the rule lives there only. */
export function isUndecided(i: Initiative): boolean {
  return i.undecided === true;
}

/** The initiative's network value: the server's, or the sum of its impacts. */
export function networkValue(i: Initiative): number {
  if (i.network_value !== undefined && i.network_value !== null) return num(i.network_value);
  return (i.impacts ?? []).reduce((sum, impact) => sum + num(impact.estimate), 0);
}

/** An initiative body: the initiative itself or {"initiative": ...}. */
export function unwrapInitiative(raw: any): Initiative {
  return (raw && raw.initiative && typeof raw.initiative === 'object' ? raw.initiative : raw) as Initiative;
}
