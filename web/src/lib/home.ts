// GET /api/home: the open cycle, what is asked of a representative's partner now and how it stands,
// who pays whom in the newest closed cycle, and what needs a coordinator's attention with the turnout.

import { get } from './api';
import type { AttentionKind, HomeTaskKind } from './generated/enum_names';
import type { Cycle, Rational } from './types';

export interface HomeTask {
  kind: HomeTaskKind;
  cycle: number;
  initiative: number | null;
  /** The deadline (UTC), or null for none. */
  due: string | null;
  /** A vote whose ballot is cast. */
  done: boolean;
}

export interface Attention {
  kind: AttentionKind;
  cycle: number | null;
  partner: number | null;
  due: string | null;
  /** Voting: ballots in; actuals: selected initiatives without one; a partner at risk: its risk score. */
  count: number;
  detail: string;
}

export interface Standing {
  partner: number;
  net_value: Rational;
  transfers: Rational;
  current_dry_spell: number;
  max_dry_spell: number;
  protected: boolean;
  leads: number[];
  risk_score: number | null;
  risk_band: string | null;
  risk_reasons: string;
}

export interface Payment {
  from: number;
  to: number;
  amount: Rational;
}

export interface Home {
  open_cycle: Cycle | null;
  members: number;
  voted: number;
  /** Coordinators, while the open cycle votes: who has voted, never how. */
  /** cast_by: the proxy that cast the partner's ballot (a delegation). */
  turnout: { partner: number; voted: boolean; cast_by?: number }[] | null;
  standing: Standing | null;
  tasks: HomeTask[];
  transfers_cycle: number | null;
  transfers: Payment[];
  attention: Attention[];
}

export const loadHome = () => get<Home>('/home');
