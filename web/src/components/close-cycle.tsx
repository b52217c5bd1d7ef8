// The coordinator's "Close the cycle" button: it says how many of the members have cast a ballot, and asks a
// second time when turnout is low, naming who has not voted yet.

import { get } from '../lib/api';
import { useApp } from '../lib/context';
import { useAsync } from '../lib/hooks';
import type { Cycle } from '../lib/types';

/** Below this share of members voting, turnout is low (the dashboard's participation chart marks it too). */
export const lowTurnout = 0.75;

export function CloseCycleButton(props: { cycle: Cycle; busy: boolean; onClose: () => void }) {
  const app = useApp();
  const n = props.cycle.number;
  // The cycle report counts the ballots cast so far, without showing whose (ballots stay secret until close).
  const report = useAsync(() => get<any>(`/reports/cycle/${n}`), [n]);
  const cast = Number(report.data?.summary?.ballots_cast);
  const members = app.partners.filter((p) => p.joined_cycle <= n && (p.left_cycle == null || p.left_cycle > n)).length;
  const known = Number.isFinite(cast) && members > 0;
  const low = known && cast / members < lowTurnout;
  async function close() {
    const turnout = known ? ` ${cast} of ${members} members have cast a ballot.` : '';
    if (!confirm(`Close cycle ${n}?${turnout} The rule selects the portfolio from the ballots cast so far; no ballot can be cast or changed after.`)) return;
    if (low && !confirm(`Turnout is low: only ${cast} of ${members} members (${Math.round((100 * cast) / members)}%) have voted. The partners that have not voted get nothing they asked for this cycle. Close it anyway?`)) return;
    props.onClose();
  }
  return (
    <>
      <button class="btn primary" data-action="close-cycle" disabled={props.busy} onClick={close} aria-describedby={known ? 'close-turnout' : undefined}>
        {props.busy ? 'Closing…' : 'Close the cycle'}
      </button>
      {known && (
        <span id="close-turnout" class={'muted small turnout' + (low ? ' low' : '')} data-testid="close-turnout">
          {cast} of {members} ballots cast{low ? ' — low turnout' : ''}
        </span>
      )}
    </>
  );
}
