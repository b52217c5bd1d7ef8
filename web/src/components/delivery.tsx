// What a closed cycle's selection delivered: each selected initiative's status, lead and milestones, its
// realised value (the confirmed actuals of this cycle) against its estimate, and whose actuals are due. The cycle page shows it under the selection.

import { get } from '../lib/api';
import { isCoordinator, list, useApp } from '../lib/context';
import { useAsync } from '../lib/hooks';
import { useT } from '../lib/i18n';
import { networkValue } from '../lib/initiatives';
import { fmtSigned, num } from '../lib/rational';
import type { CycleDelivery, CycleOutcome, Initiative, RealisedValue } from '../lib/types';
import { Badge, Card, ErrorBox, NumCell, right, Table } from './ui';

export function Delivery(props: { outcome: CycleOutcome; initiatives: Initiative[] }) {
  const app = useApp();
  const t = useT();
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
      title={t('delivery.title')}
      id="delivery"
      extra={
        isCoordinator(app.session) ? (
          <a href={`/actuals?cycle=${n}`}>{t('delivery.record')}</a>
        ) : (
          <span class="muted small">{t('delivery.unitNote', { unit: app.unit })}</span>
        )
      }
    >
      <ErrorBox error={actuals.error} title={t('delivery.actualsFailed')} onRetry={actuals.reload} />
      <ErrorBox error={progress.error} title={t('delivery.progressFailed')} onRetry={progress.reload} />
      {progress.data && (
        <p data-testid="delivery-progress">
          <strong>{t('delivery.delivered', { n: progress.data.delivered, total: progress.data.selected })}</strong>
          {progress.data.blocked ? t('delivery.blocked', { n: progress.data.blocked }) : ''}
          {progress.data.in_progress ? t('delivery.inProgress', { n: progress.data.in_progress }) : ''}
          {' · '}
          {progress.data.milestones_total
            ? t('delivery.milestones', { n: progress.data.milestones_done, total: progress.data.milestones_total })
            : t('delivery.noMilestones')}
          {progress.data.actuals_due ? (
            <span class="notice callout" data-testid="actuals-due-count">
              {' '}
              {t('delivery.due', { count: progress.data.actuals_due })}{' '}
              {t('delivery.dueWhen', { count: progress.data.actuals_due_cycles })}
            </span>
          ) : null}
        </p>
      )}
      <p class="muted small" data-testid="delivery-total">
        {!actuals.data
          ? t('delivery.loading')
          : rows.length
          ? t('delivery.realised', { total: fmtSigned(total), estimated: fmtSigned(estimated), unit: app.unit })
          : t('delivery.none')}
      </p>
      <Table class="compact stack-on-phone compact-cards" columns={[t('delivery.col.initiative'), t('delivery.col.status'), t('delivery.col.lead'), right(t('delivery.col.milestones')), right(t('delivery.col.estimated')), right(t('delivery.col.realised')), right(t('delivery.col.recorded'))]}>
        {selected.map((i) => {
          const mine = realisedOf(i.id);
          const row = rowOf.get(i.id);
          return (
            <tr data-delivery={i.id}>
              <td>
                <a href={`/initiatives/${i.id}`}>{i.title}</a>
              </td>
              <td data-label={t('delivery.col.status')}>
                <Badge value={i.status} /> {row?.actuals_due && <span class="badge badge-blocked">{t('delivery.actualsDue')}</span>}
              </td>
              <td data-label={t('delivery.col.lead')}>{row?.lead_name || <span class="muted">{t('delivery.noLead')}</span>}</td>
              <td class="right" data-label={t('delivery.col.milestones')}>
                {row && row.milestones_total ? t('delivery.ofTotal', { n: row.milestones_done, total: row.milestones_total }) : '–'}
              </td>
              <NumCell value={networkValue(i)} signed label={t('delivery.col.estimated')} />
              {mine.length ? (
                <NumCell value={mine.reduce((s, a) => s + num(a.actual), 0)} signed label={t('delivery.col.realised')} />
              ) : (
                <td class="right muted" data-label={t('delivery.col.realised')}>
                  {actuals.data ? t('delivery.notRecorded') : '…'}
                </td>
              )}
              <td class="right" data-label={t('delivery.col.recorded')}>
                {mine.length || '–'}
              </td>
            </tr>
          );
        })}
      </Table>
    </Card>
  );
}
