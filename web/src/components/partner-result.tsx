// One partner's result in one cycle, as the cycle's per-partner table and the partner's per-cycle
// table both show it: the same columns, the same cells, whether the row comes from the cycle's
// outcome or from the partner report.

import type { ComponentChildren } from 'preact';
import { t } from '../lib/i18n';
import { num } from '../lib/rational';
import { type Column, Num, NumCell, right, YesNo } from './ui';

/** The fields of a partner's result the tables show (an outcome's partner row or a partner report row). */
export interface ResultRow {
  weight?: unknown;
  estimated_value?: unknown;
  deoptimisation?: unknown;
  transfer?: unknown;
  net_value?: unknown;
  supported?: unknown;
  supported_selected?: unknown;
  voted?: unknown;
  dry?: unknown;
  dry_spell?: unknown;
}

const yes = (value: unknown) => value === true || value === 'yes';

/** The headings of the result columns; `extra` (e.g. the partner's leads) stands before "Voted". */
export function resultColumns(extra: Column[] = []): Column[] {
  const c = (key: string) => t(`result.${key}`);
  return [right(c('weight')), right(c('estimated')), right(c('deopt')), right(c('transfer')), right(c('netValue')), right(c('gotAsked')), ...extra, c('voted'), right(c('drySpell'))];
}

/** The result cells of one row, under `resultColumns(extra)`: `extra` holds the cells of the extra columns. */
export function ResultCells(props: { row: ResultRow; extra?: ComponentChildren }) {
  const r = props.row;
  return (
    <>
      <NumCell value={r.weight} />
      <NumCell value={r.estimated_value} signed />
      <td class="right">
        {num(r.deoptimisation) > 0 ? (
          <span class="neg">
            <Num value={r.deoptimisation} />
          </span>
        ) : num(r.deoptimisation) === 0 ? (
          <span class="muted">0</span>
        ) : (
          <Num value={r.deoptimisation} />
        )}
      </td>
      <NumCell value={r.transfer} signed />
      <NumCell value={r.net_value} signed class="strong" />
      <td class="right">
        {String(r.supported_selected ?? '–')} / {String(r.supported ?? '–')}
      </td>
      {props.extra}
      <td>
        <YesNo value={r.voted} />
      </td>
      <td class="right">{yes(r.dry) ? <span class="neg">{String(r.dry_spell)}</span> : String(r.dry_spell)}</td>
    </>
  );
}
