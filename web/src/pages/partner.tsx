// One partner's history: net value and dry spell per cycle, participation, retention risk, what it leads and delivered.

import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import { ChartView } from '../components/chart';
import { withUnit } from '../lib/units';
import { objectiveName, ObjectiveProgress } from '../components/objective-progress';
import { ResultCells, resultColumns } from '../components/partner-result';
import { Term } from '../components/term';
import { Badge, Card, Empty, ErrorBox, Kpi, Loading, Num, NumCell, PageHeader, right, Table, Value } from '../components/ui';
import { get } from '../lib/api';
import { partnerColor, theme, withAlpha } from '../lib/colors';
import { isCoordinator, list, useApp } from '../lib/context';
import { useAsync } from '../lib/hooks';
import { t, useT } from '../lib/i18n';
import { label } from '../lib/names';
import { normaliseReport, table } from '../lib/reports';
import { num, pct } from '../lib/rational';
import type { KpiMeasurement, LeadRecord, Objective } from '../lib/types';
import { RiskBadge } from './partners';

function historyChart(rows: Record<string, unknown>[], color: string, unit: string): ChartConfiguration {
  let cumulative = 0;
  const cum = rows.map((r) => (cumulative += num(r.net_value)));
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => t('partner.cycle', { cycle: r.cycle })),
      datasets: [
        {
          type: 'bar',
          label: t('partner.netInCycle'),
          data: rows.map((r) => num(r.net_value)),
          backgroundColor: rows.map((r) => (num(r.net_value) < 0 ? withAlpha(theme.negative, 0.7) : withAlpha(color, 0.7))),
          borderRadius: 3,
          yAxisID: 'y',
        },
        { type: 'line', label: t('partner.cumNet'), data: cum, borderColor: color, backgroundColor: color, tension: 0.2, yAxisID: 'y' },
        { type: 'line', label: t('partner.drySpell'), data: rows.map((r) => Number(r.dry_spell)), borderColor: theme.negative, backgroundColor: theme.negative, borderDash: [4, 3], stepped: true, yAxisID: 'y2' },
      ],
    },
    options: {
      scales: {
        y: { title: { display: true, text: withUnit(t('partner.value'), unit) } },
        y2: { position: 'right', beginAtZero: true, suggestedMax: 3, ticks: { precision: 0 }, grid: { drawOnChartArea: false }, title: { display: true, text: t('partner.drySpellAxis') } },
      },
    },
  };
}

/** What the partner leads and has delivered, with the value realised: its credit for leading. */
function LeadsCard(props: { partner: number; unit: string }) {
  const leads = useAsync(() => get<LeadRecord[]>(`/partners/${props.partner}/leads`), [props.partner]);
  const rows = leads.data ?? [];
  const delivered = rows.filter((r) => r.status === 'delivered' || r.status === 'reviewed');
  const t = useT();
  return (
    <Card title={t('partner.leads')} id="leads" extra={<span class="muted small">{t('partner.leadsNote', { unit: props.unit })}</span>}>
      <ErrorBox error={leads.error} title={t('partner.leadsFailed')} onRetry={leads.reload} />
      {leads.data && !rows.length && <p class="muted">{t('partner.noLeads')}</p>}
      {rows.length > 0 && (
        <>
          <p data-testid="leads-summary">
            {t('partner.leadsSummary', { count: rows.length, delivered: delivered.length })}{' '}
            <Num value={String(delivered.reduce((s, r) => s + num(r.realised), 0))} signed /> {t('partner.soFar', { unit: props.unit })}
          </p>
          <Table class="compact stack-on-phone" columns={[t('partner.col.initiative'), t('partner.col.cycle'), t('partner.col.status'), right(t('partner.col.estimated')), right(t('partner.col.realised'))]}>
            {rows.map((r) => (
              <tr data-lead={r.initiative}>
                <td>
                  <a href={`/initiatives/${r.initiative}`}>{r.title}</a>
                </td>
                <td data-label={t('partner.col.cycle')}>{r.cycle}</td>
                <td data-label={t('partner.col.status')}>
                  <Badge value={r.status} />
                </td>
                <NumCell value={r.estimated} signed label={t('partner.col.estimated')} />
                <NumCell value={r.realised} signed label={t('partner.col.realised')} />
              </tr>
            ))}
          </Table>
        </>
      )}
    </Card>
  );
}

export function PartnerPage(props: { id: number }) {
  const app = useApp();
  const t = useT();
  const partner = app.partners.find((p) => p.id === props.id);
  const data = useAsync(
    () =>
      Promise.all([
        get<any>(`/reports/partner/${props.id}`).then(normaliseReport),
        get<any>('/reports/engagement').then(normaliseReport).catch(() => null),
        Promise.all([get<unknown>('/objectives'), get<unknown>('/kpis')]).then(
          ([o, k]) => ({ objectives: list<Objective>(o, 'objectives').filter((x) => x.partner === props.id), readings: list<KpiMeasurement>(k, 'kpis') }),
          () => ({ objectives: [] as Objective[], readings: [] as KpiMeasurement[] }),
        ),
      ]),
    [props.id],
  );
  const [report, engagement, goals] = data.data ?? [];
  const rows = useMemo(() => [...table(report, 'partner_cycles').rows].sort((a, b) => Number(a.cycle) - Number(b.cycle)), [report]);
  const overview = table(report, 'partners').rows.find((r) => Number(r.partner) === props.id) ?? {};
  const risk = table(engagement, 'partners').rows.find((r) => Number(r.partner) === props.id);
  const color = partnerColor(props.id);
  const chart = useMemo(() => (rows.length ? historyChart(rows, color, app.unit) : null), [rows, app.unit, t('partner.value')]);
  const cumulative = rows.reduce((s, r) => s + num(r.net_value), 0);
  const voted = rows.filter((r) => r.voted === 'yes' || r.voted === true).length;
  const reasons = String(risk?.risk_reasons ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  return (
    <>
      <p class="crumbs">
        <a href="/partners">{t('layout.nav.partners')}</a> / {partner?.name ?? props.id}
      </p>
      <PageHeader
        title={partner?.name ?? t('app.partnerNumber', { id: props.id })}
        subtitle={
          partner && (
            <>
              <span class="dot big" style={{ background: color }} /> {label(partner.tier)} · {t('partner.memberSince', { cycle: partner.joined_cycle })}
              {partner.left_cycle != null && ` · ${t('partner.leftFrom', { cycle: partner.left_cycle })}`}
            </>
          )
        }
      />
      <ErrorBox error={data.error} title={t('partner.loadFailed')} onRetry={data.reload} />
      {data.loading && !data.data && <Loading what={t('partner.loading')} />}
      {data.data && (
        <>
          <div class="kpis">
            <Kpi label={t('partner.cumNet')} value={<Value value={overview.net_value ?? cumulative} signed />} tone={cumulative < 0 ? 'bad' : 'good'} hint={t('partner.afterTransfers')} />
            <Kpi label={<Term k="dry-spell">{t('partner.currentDry')}</Term>} value={overview.current_dry_spell ?? (rows.length ? String(rows[rows.length - 1].dry_spell) : '–')} hint={t('partner.longest', { value: overview.longest_dry_spell ?? '–' })} />
            <Kpi label={t('partner.participation')} value={rows.length ? `${voted} / ${rows.length}` : '–'} hint={t('partner.withBallot')} />
            <Kpi label={<Term k="retention-risk" />} value={<RiskBadge band={risk?.risk_band} score={risk?.risk_score} />} tone={risk?.risk_band === 'high' ? 'bad' : 'neutral'} />
          </div>
          <div class="grid-side wide-main">
            <Card title={t('partner.history')}>{chart ? <ChartView config={chart} label={t('partner.chartLabel')} testId="chart-partner" category={t('partner.col.cycle')} /> : <Empty title={t('partner.noDecided')} />}</Card>
            <div class="stack">
              <Card title={t('home.whyRisk')}>
                {reasons.length ? (
                  <ul class="reasons">
                    {reasons.map((r) => (
                      <li>{r}</li>
                    ))}
                  </ul>
                ) : (
                  <p class="muted">{risk ? t('home.noRisk') : t('partner.noEngagement')}</p>
                )}
                {engagement && table(engagement, 'partners').notes.length > 0 && <p class="muted small">{table(engagement, 'partners').notes[table(engagement, 'partners').notes.length - 1]}</p>}
              </Card>
              <Card title={t('partner.shares')}>
                <dl class="facts">
                  <dt>{t('partner.deoptShare')}</dt>
                  <dd>{overview.deopt_share != null ? pct(overview.deopt_share) : '–'}</dd>
                  <dt>{t('partner.leadShare')}</dt>
                  <dd>{overview.lead_share != null ? pct(overview.lead_share) : '–'}</dd>
                  <dt>{t('partner.transfersReceived')}</dt>
                  <dd>{overview.transfers != null ? <Num value={overview.transfers} signed /> : '–'}</dd>
                  <dt>{t('partner.supportedSelected')}</dt>
                  <dd>{overview.approvals_selected != null ? pct(overview.approvals_selected) : '–'}</dd>
                  <dt>{t('partner.bias')}</dt>
                  <dd>{overview.estimation_bias != null ? <Num value={overview.estimation_bias} signed /> : '–'}</dd>
                </dl>
              </Card>
            </div>
          </div>
          <Card
            title={t('partner.objectives')}
            id="objectives"
            extra={isCoordinator(app.session) && <a href={`/objectives?partner=${props.id}`}>{t('partner.recordObjectives')}</a>}
          >
            {!goals?.objectives.length ? (
              <p class="muted">{t('partner.noObjective')}</p>
            ) : (
              <div class="grid-2">
                {goals.objectives.map((o) => (
                  <section aria-label={objectiveName(o)}>
                    <h3 class="sub-head">{objectiveName(o)}</h3>
                    <ObjectiveProgress objective={o} readings={goals.readings.filter((r) => r.objective === o.id)} />
                  </section>
                ))}
              </div>
            )}
          </Card>
          <LeadsCard partner={props.id} unit={app.unit} />
          <Card title={t('partner.perCycle')}>
            {rows.length === 0 ? (
              <Empty title={t('partner.noHistory')} />
            ) : (
              <Table class="compact stack-on-phone" columns={[t('partner.col.cycle'), ...resultColumns([right(t('partner.col.leads'))])]}>
                {rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`/cycles/${r.cycle}`}>{t('partner.cycle', { cycle: String(r.cycle) })}</a>
                    </td>
                    <ResultCells row={r} extra={<td class="right">{String(r.leads ?? '–')}</td>} />
                  </tr>
                ))}
              </Table>
            )}
          </Card>
        </>
      )}
    </>
  );
}
