// Realised against estimated value, per partner, for one initiative in one cycle: the actuals page and
// the initiative page show it.

import { useT } from '../lib/i18n';
import { fmtSigned, num } from '../lib/rational';
import type { Initiative, RealisedValue } from '../lib/types';
import { Num, PartnerChip, Table } from './ui';

/** Realised against estimated, per partner, for one initiative in one cycle: the table the initiative page shows too. */
export function RealisedTable(props: { initiative: Initiative; cycle: number; actuals: RealisedValue[]; partners?: number[] }) {
  const estimate = new Map((props.initiative.impacts ?? []).map((i) => [i.partner, i.estimate]));
  const realised = new Map(props.actuals.filter((a) => a.initiative === props.initiative.id && a.cycle === props.cycle).map((a) => [a.partner, a.actual]));
  const ids = props.partners ?? [...new Set([...estimate.keys(), ...realised.keys()])];
  const t = useT();
  return (
    <Table class="compact realised stack-on-phone compact-cards" columns={[t('realised.partner'), { title: t('realised.estimated'), class: 'right' }, { title: t('realised.realised'), class: 'right' }, { title: t('realised.difference'), class: 'right' }]}>
      {ids.map((id) => {
        const e = estimate.get(id) ?? '0';
        const r = realised.get(id);
        return (
          <tr data-partner={id}>
            <td>
              <PartnerChip id={id} />
            </td>
            <td class="right" data-label={t('realised.estimated')}>
              <Num value={e} signed />
            </td>
            <td class="right" data-label={t('realised.realised')} data-testid="realised">
              {r !== undefined ? <Num value={r} signed /> : <span class="muted">{t('realised.notRecorded')}</span>}
            </td>
            <td class="right" data-label={t('realised.difference')}>
              {r !== undefined ? <span class={num(r) - num(e) < 0 ? 'neg' : 'pos'}>{fmtSigned(num(r) - num(e))}</span> : <span class="muted">–</span>}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

