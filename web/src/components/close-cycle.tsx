// The coordinator's "Close the cycle" button: it says how many member partners have voted (a ballot a proxy cast
// for a partner counts), and when that is below the charter's close_turnout_warning it warns with the figures and
// asks a second time; the server refuses such a close unless it is confirmed (confirm_low_turnout).

import { get } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { Cycle, Turnout } from '../lib/types';

export function CloseCycleButton(props: { cycle: Cycle; busy: boolean; onClose: (confirmLowTurnout: boolean) => void }) {
  const n = props.cycle.number;
  // Counts only (who has voted, never how), computed by the server against the charter.
  const turnout = useAsync(() => get<Turnout>(`/cycles/${n}/turnout`), [n]);
  const t = turnout.data;
  const low = !!t?.below;
  async function close() {
    const figures = t ? ` ${t.voted} of ${t.members} partners have voted.` : '';
    if (!confirm(`Close cycle ${n}?${figures} The rule selects the portfolio from the ballots cast so far; no ballot can be cast or changed after.`)) return;
    if (low && !confirm(`Turnout is low: ${t!.summary}. The partners that have not voted get nothing they asked for this cycle. Close it anyway?`)) return;
    props.onClose(low);
  }
  return (
    <>
      <button class="btn primary" data-action="close-cycle" disabled={props.busy} onClick={close} aria-describedby={t ? 'close-turnout' : undefined}>
        {props.busy ? 'Closing…' : 'Close the cycle'}
      </button>
      {t && (
        <span id="close-turnout" class={'muted small turnout' + (low ? ' low' : '')} data-testid="close-turnout" role={low ? 'status' : undefined}>
          {low ? `Low turnout: ${t.summary}` : `${t.voted} of ${t.members} partners have voted${t.delegated > 0 ? ` (${t.delegated} by a proxy)` : ''}`}
        </span>
      )}
    </>
  );
}
