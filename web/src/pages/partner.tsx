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
      labels: rows.map((r) => `Cycle ${r.cycle}`),
      datasets: [
        {
          type: 'bar',
          label: 'Net value in the cycle',
          data: rows.map((r) => num(r.net_value)),
          backgroundColor: rows.map((r) => (num(r.net_value) < 0 ? withAlpha(theme.negative, 0.7) : withAlpha(color, 0.7))),
          borderRadius: 3,
          yAxisID: 'y',
        },
        { type: 'line', label: 'Cumulative net value', data: cum, borderColor: color, backgroundColor: color, tension: 0.2, yAxisID: 'y' },
        { type: 'line', label: 'Dry spell', data: rows.map((r) => Number(r.dry_spell)), borderColor: theme.negative, backgroundColor: theme.negative, borderDash: [4, 3], stepped: true, yAxisID: 'y2' },
      ],
    },
    options: {
      scales: {
        y: { title: { display: true, text: withUnit('value', unit) } },
        y2: { position: 'right', beginAtZero: true, suggestedMax: 3, ticks: { precision: 0 }, grid: { drawOnChartArea: false }, title: { display: true, text: 'dry spell (cycles)' } },
      },
    },
  };
}

/** What the partner leads and has delivered, with the value realised: its credit for leading. */
function LeadsCard(props: { partner: number; unit: string }) {
  const leads = useAsync(() => get<LeadRecord[]>(`/partners/${props.partner}/leads`), [props.partner]);
  const rows = leads.data ?? [];
  const delivered = rows.filter((r) => r.status === 'delivered' || r.status === 'reviewed');
  return (
    <Card title="Leads and deliveries" id="leads" extra={<span class="muted small">{props.unit}, realised = confirmed actuals for every partner</span>}>
      <ErrorBox error={leads.error} title="What it leads could not be loaded" onRetry={leads.reload} />
      {leads.data && !rows.length && <p class="muted">It has not led a selected initiative yet.</p>}
      {rows.length > 0 && (
        <>
          <p data-testid="leads-summary">
            Leads {rows.length} {rows.length === 1 ? 'initiative' : 'initiatives'}; delivered {delivered.length}, realising{' '}
            <Num value={String(delivered.reduce((s, r) => s + num(r.realised), 0))} signed /> {props.unit} so far.
          </p>
          <Table class="compact stack-on-phone" columns={['Initiative', 'Cycle', 'Status', right('Estimated'), right('Realised')]}>
            {rows.map((r) => (
              <tr data-lead={r.initiative}>
                <td>
                  <a href={`/initiatives/${r.initiative}`}>{r.title}</a>
                </td>
                <td data-label="Cycle">{r.cycle}</td>
                <td data-label="Status">
                  <Badge value={r.status} />
                </td>
                <NumCell value={r.estimated} signed label="Estimated" />
                <NumCell value={r.realised} signed label="Realised" />
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
  const chart = useMemo(() => (rows.length ? historyChart(rows, color, app.unit) : null), [rows, app.unit]);
  const cumulative = rows.reduce((s, r) => s + num(r.net_value), 0);
  const voted = rows.filter((r) => r.voted === 'yes' || r.voted === true).length;
  const reasons = String(risk?.risk_reasons ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  return (
    <>
      <p class="crumbs">
        <a href="/partners">Partners</a> / {partner?.name ?? props.id}
      </p>
      <PageHeader
        title={partner?.name ?? `Partner ${props.id}`}
        subtitle={
          partner && (
            <>
              <span class="dot big" style={{ background: color }} /> {label(partner.tier)} · member since cycle {partner.joined_cycle}
              {partner.left_cycle != null && ` · left from cycle ${partner.left_cycle}`}
            </>
          )
        }
      />
      <ErrorBox error={data.error} title="The partner report could not be loaded" onRetry={data.reload} />
      {data.loading && !data.data && <Loading what="the partner's history" />}
      {data.data && (
        <>
          <div class="kpis">
            <Kpi label="Cumulative net value" value={<Value value={overview.net_value ?? cumulative} signed />} tone={cumulative < 0 ? 'bad' : 'good'} hint="after transfers" />
            <Kpi label={<Term k="dry-spell">Current dry spell</Term>} value={overview.current_dry_spell ?? (rows.length ? String(rows[rows.length - 1].dry_spell) : '–')} hint={`longest ${overview.longest_dry_spell ?? '–'}`} />
            <Kpi label="Participation" value={rows.length ? `${voted} / ${rows.length}` : '–'} hint="cycles with a ballot" />
            <Kpi label={<Term k="retention-risk" />} value={<RiskBadge band={risk?.risk_band} score={risk?.risk_score} />} tone={risk?.risk_band === 'high' ? 'bad' : 'neutral'} />
          </div>
          <div class="grid-side wide-main">
            <Card title="History">{chart ? <ChartView config={chart} label="Net value and dry spell per cycle" testId="chart-partner" category="Cycle" /> : <Empty title="No decided cycle yet" />}</Card>
            <div class="stack">
              <Card title="Why this retention risk">
                {reasons.length ? (
                  <ul class="reasons">
                    {reasons.map((r) => (
                      <li>{r}</li>
                    ))}
                  </ul>
                ) : (
                  <p class="muted">{risk ? 'No risk factor in its last cycles.' : 'No engagement data.'}</p>
                )}
                {engagement && table(engagement, 'partners').notes.length > 0 && <p class="muted small">{table(engagement, 'partners').notes[table(engagement, 'partners').notes.length - 1]}</p>}
              </Card>
              <Card title="Shares">
                <dl class="facts">
                  <dt>De-optimisation share</dt>
                  <dd>{overview.deopt_share != null ? pct(overview.deopt_share) : '–'}</dd>
                  <dt>Lead share</dt>
                  <dd>{overview.lead_share != null ? pct(overview.lead_share) : '–'}</dd>
                  <dt>Transfers received</dt>
                  <dd>{overview.transfers != null ? <Num value={overview.transfers} signed /> : '–'}</dd>
                  <dt>Supported → selected</dt>
                  <dd>{overview.approvals_selected != null ? pct(overview.approvals_selected) : '–'}</dd>
                  <dt>Estimation bias</dt>
                  <dd>{overview.estimation_bias != null ? <Num value={overview.estimation_bias} signed /> : '–'}</dd>
                </dl>
              </Card>
            </div>
          </div>
          <Card
            title="Objectives and KPI progress"
            id="objectives"
            extra={isCoordinator(app.session) && <a href={`/objectives?partner=${props.id}`}>Record objectives and readings →</a>}
          >
            {!goals?.objectives.length ? (
              <p class="muted">No objective recorded yet.</p>
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
          <Card title="Per cycle">
            {rows.length === 0 ? (
              <Empty title="No history yet" />
            ) : (
              <Table class="compact stack-on-phone" columns={['Cycle', ...resultColumns([right('Leads')])]}>
                {rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`/cycles/${r.cycle}`}>Cycle {String(r.cycle)}</a>
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
