// What a closed cycle's selection delivered: each selected initiative's status, lead and milestones, its
// realised value (the confirmed actuals of this cycle) against its estimate, and whose actuals are due. The cycle page shows it under the selection.

import { get } from '../lib/api';
import { isCoordinator, list, useApp } from '../lib/context';
import { useAsync } from '../lib/hooks';
import { networkValue } from '../lib/initiatives';
import { fmtSigned, num } from '../lib/rational';
import type { CycleDelivery, CycleOutcome, Initiative, RealisedValue } from '../lib/types';
import { Badge, Card, ErrorBox, NumCell, right, Table } from './ui';

export function Delivery(props: { outcome: CycleOutcome; initiatives: Initiative[] }) {
  const app = useApp();
  const n = props.outcome.cycle;
  const actuals = useAsync(() => get<unknown>('/actuals').then((r) => list<RealisedValue>(r, 'actuals').filter((a) => a.cycle === n)), [n]);
  // Delivery progress by the leads: statuses, milestones, and whose actuals are due.
  const progress = useAsync(() => get<CycleDelivery>(`/cycles/${n}/delivery`), [n]);
  const rowOf = new Map((progress.data?.initiatives ?? []).map((r) => [r.initiative, r]));
  const byId = new Map(props.initiatives.map((i) => [i.id, i]));
  const selected = props.outcome.decisions.filter((d) => d.selected).map((d) => byId.get(d.initiative)).filter((i): i is Initiative => !!i);
  if (!selected.length) return null;
  const rows = actuals.data ?? [];
  const realisedOf = (id: number) => rows.filter((a) => a.initiative === id);
  const total = rows.reduce((s, a) => s + num(a.actual), 0);
  const estimated = selected.reduce((s, i) => s + networkValue(i), 0);
  return (
    <Card
      title="Delivery and realised value"
      id="delivery"
      extra={
        isCoordinator(app.session) ? (
          <a href={`/actuals?cycle=${n}`}>Record actuals →</a>
        ) : (
          <span class="muted small">{app.unit}, from the actuals recorded</span>
        )
      }
    >
      <ErrorBox error={actuals.error} title="The actuals could not be loaded" onRetry={actuals.reload} />
      <ErrorBox error={progress.error} title="The delivery progress could not be loaded" onRetry={progress.reload} />
      {progress.data && (
        <p data-testid="delivery-progress">
          <strong>
            {progress.data.delivered} of {progress.data.selected} delivered
          </strong>
          {progress.data.blocked ? `, ${progress.data.blocked} blocked` : ''}
          {progress.data.in_progress ? `, ${progress.data.in_progress} in progress` : ''}
          {' · '}
          {progress.data.milestones_total
            ? `milestones ${progress.data.milestones_done} of ${progress.data.milestones_total} done`
            : 'no milestones set yet'}
          {progress.data.actuals_due ? (
            <span class="notice callout" data-testid="actuals-due-count">
              {' '}
              Actuals due but missing for {progress.data.actuals_due} {progress.data.actuals_due === 1 ? 'initiative' : 'initiatives'} (due once{' '}
              {progress.data.actuals_due_cycles === 1 ? 'the next cycle has' : `${progress.data.actuals_due_cycles} later cycles have`} closed).
            </span>
          ) : null}
        </p>
      )}
      <p class="muted small" data-testid="delivery-total">
        {!actuals.data
          ? 'Loading the actuals…'
          : rows.length
          ? `Realised ${fmtSigned(total)} of ${fmtSigned(estimated)} ${app.unit} estimated for the selection.`
          : 'No actual recorded yet for this cycle: realised value shows here once the coordinator records it.'}
      </p>
      <Table class="compact stack-on-phone compact-cards" columns={['Initiative', 'Status', 'Lead', right('Milestones'), right('Estimated'), right('Realised'), right('Partners recorded')]}>
        {selected.map((i) => {
          const mine = realisedOf(i.id);
          const row = rowOf.get(i.id);
          return (
            <tr data-delivery={i.id}>
              <td>
                <a href={`/initiatives/${i.id}`}>{i.title}</a>
              </td>
              <td data-label="Status">
                <Badge value={i.status} /> {row?.actuals_due && <Badge value="actuals due" kind="blocked" />}
              </td>
              <td data-label="Lead">{row?.lead_name || <span class="muted">none</span>}</td>
              <td class="right" data-label="Milestones">
                {row && row.milestones_total ? `${row.milestones_done} of ${row.milestones_total}` : '–'}
              </td>
              <NumCell value={networkValue(i)} signed label="Estimated" />
              {mine.length ? (
                <NumCell value={mine.reduce((s, a) => s + num(a.actual), 0)} signed label="Realised" />
              ) : (
                <td class="right muted" data-label="Realised">
                  {actuals.data ? 'not recorded' : '…'}
                </td>
              )}
              <td class="right" data-label="Partners recorded">
                {mine.length || '–'}
              </td>
            </tr>
          );
        })}
      </Table>
    </Card>
  );
}
