// Initiative helpers shared by the board, the detail view and the ballot.

import { num } from './rational';
import type { Initiative } from './types';

/** The initiative's network value: the server's, or the sum of its impacts. */
export function networkValue(i: Initiative): number {
  if (i.network_value !== undefined && i.network_value !== null) return num(i.network_value);
  return (i.impacts ?? []).reduce((sum, impact) => sum + num(impact.estimate), 0);
}

/** An initiative body: the initiative itself or {"initiative": ...}. */
export function unwrapInitiative(raw: any): Initiative {
  return (raw && raw.initiative && typeof raw.initiative === 'object' ? raw.initiative : raw) as Initiative;
}
