// The coordinator's "Close the cycle" button: it says how many member partners have voted (a ballot a proxy cast
// for a partner counts), and when that is below the charter's close_turnout_warning it warns with the figures and
// asks a second time; the server refuses such a close unless it is confirmed (confirm_low_turnout).

import { get } from '../lib/api';
import { useAsync } from '../lib/hooks';
import { useT } from '../lib/i18n';
import type { Cycle, Turnout } from '../lib/types';

export function CloseCycleButton(props: { cycle: Cycle; busy: boolean; onClose: (confirmLowTurnout: boolean) => void }) {
  const n = props.cycle.number;
  // Counts only (who has voted, never how), computed by the server against the charter.
  const turnout = useAsync(() => get<Turnout>(`/cycles/${n}/turnout`), [n]);
  const t = turnout.data;
  const tr = useT();
  const low = !!t?.below;
  async function close() {
    const figures = t ? ' ' + tr('close.figures', { voted: t.voted, count: t.members }) : '';
    if (!confirm(tr('close.confirm', { cycle: n, figures }))) return;
    if (low && !confirm(tr('close.confirmLow', { summary: t!.summary }))) return;
    props.onClose(low);
  }
  return (
    <>
      <button class="btn primary" data-action="close-cycle" disabled={props.busy} onClick={close} aria-describedby={t ? 'close-turnout' : undefined}>
        {props.busy ? tr('close.closing') : tr('close.button')}
      </button>
      {t && (
        <span id="close-turnout" class={'muted small turnout' + (low ? ' low' : '')} data-testid="close-turnout" role={low ? 'status' : undefined}>
          {low ? tr('close.low', { summary: t.summary }) : tr('close.voted', { voted: t.voted, count: t.members }) + (t.delegated > 0 ? ' ' + tr('close.byProxy', { count: t.delegated }) : '')}
        </span>
      )}
    </>
  );
}
