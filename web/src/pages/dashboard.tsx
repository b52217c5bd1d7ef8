// The network at a glance: value per cycle, each partner's cumulative net value, dry spells,
// fairness (Gini) and participation.

import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import { ChartView } from '../components/chart';
import { Card, Empty, ErrorBox, Kpi, Loading, PageHeader } from '../components/ui';
import { partnerColor, theme, withAlpha } from '../lib/colors';
import { useApp } from '../lib/context';
import { type DashboardModel, loadDashboard } from '../lib/dashboard';
import { useAsync } from '../lib/hooks';
import { type Growth, steadyGrowth } from '../lib/growth';
import { pct } from '../lib/rational';
import { fmtValue, withUnit } from '../lib/units';
import { Term } from '../components/term';

/** A chart with one point per decided cycle: its datasets and options. */
function cycleChart(m: DashboardModel, type: 'bar' | 'line', datasets: ChartConfiguration['data']['datasets'], options: ChartConfiguration['options']): ChartConfiguration {
  return { type, data: { labels: m.points.map((p) => `Cycle ${p.cycle}`), datasets }, options };
}

function valueChart(m: DashboardModel, unit: string): ChartConfiguration {
  return cycleChart(
    m,
    'bar',
    [
      { type: 'bar', label: 'Estimated', data: m.points.map((p) => p.estimated), backgroundColor: theme.estimated, borderRadius: 3, yAxisID: 'y' },
      { type: 'bar', label: 'Realised', data: m.points.map((p) => p.realised), backgroundColor: theme.realised, borderRadius: 3, yAxisID: 'y' },
      {
        type: 'line',
        label: 'Cumulative realised',
        data: m.points.map((p) => p.cumRealised),
        borderColor: theme.accent,
        backgroundColor: theme.accent,
        tension: 0.25,
        yAxisID: 'y2',
      },
      {
        type: 'line',
        label: 'Cumulative estimated',
        data: m.points.map((p) => p.cumEstimated),
        borderColor: theme.accent,
        borderDash: [5, 4],
        pointRadius: 0,
        tension: 0.25,
        yAxisID: 'y2',
      },
    ],
    {
      scales: {
        y: { beginAtZero: true, title: { display: true, text: withUnit('value per cycle', unit) } },
        y2: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: withUnit('cumulative', unit) } },
      },
    },
  );
}

function partnersChart(m: DashboardModel, unit: string): ChartConfiguration {
  return cycleChart(
    m,
    'line',
    m.series.map((s) => ({
      label: s.name,
      data: s.cumulativeNet,
      borderColor: partnerColor(s.partner),
      backgroundColor: partnerColor(s.partner),
      pointRadius: 2,
      borderWidth: 2,
      tension: 0.2,
      spanGaps: false,
    })),
    {
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 10, boxHeight: 10, padding: 8, font: { size: 11 } } }, tooltip: { itemSort: (a, b) => (b.parsed.y ?? 0) - (a.parsed.y ?? 0) } },
      scales: { y: { title: { display: true, text: withUnit('cumulative net value', unit) } } },
    },
  );
}

function fairnessChart(m: DashboardModel): ChartConfiguration {
  return cycleChart(
    m,
    'bar',
    [
      { type: 'bar', label: 'Partners in a dry cycle', data: m.points.map((p) => p.dryPartners), backgroundColor: withAlpha(theme.negative, 0.55), borderRadius: 3, yAxisID: 'y' },
      { type: 'line', label: 'Longest dry spell', data: m.points.map((p) => p.maxDrySpell), borderColor: '#8a5a00', backgroundColor: '#8a5a00', borderDash: [4, 3], yAxisID: 'y' },
      { type: 'line', label: 'Gini of cumulative net value', data: m.points.map((p) => p.gini), borderColor: theme.primary, backgroundColor: theme.primary, tension: 0.25, yAxisID: 'y2' },
    ],
    {
      scales: {
        y: { beginAtZero: true, suggestedMax: 4, ticks: { precision: 0 }, title: { display: true, text: 'partners / cycles' } },
        y2: { position: 'right', min: 0, max: 1, grid: { drawOnChartArea: false }, title: { display: true, text: 'Gini (0 = equal)' } },
      },
    },
  );
}

function participationChart(m: DashboardModel): ChartConfiguration {
  return cycleChart(
    m,
    'bar',
    [
      {
        label: 'Turnout',
        data: m.points.map((p) => (p.participation === null ? null : Math.round(1000 * p.participation) / 10)),
        backgroundColor: m.points.map((p) => ((p.participation ?? 1) < 0.75 ? withAlpha(theme.accent, 0.85) : withAlpha(theme.positive, 0.75))),
        borderRadius: 3,
      },
    ],
    {
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const p = m.points[ctx.dataIndex];
              return `${ctx.parsed.y}%` + (p.ballots !== null && p.members !== null ? ` (${p.ballots} of ${p.members} members voted)` : '');
            },
          },
        },
      },
      scales: { y: { min: 0, max: 100, title: { display: true, text: '% of members who voted' } } },
    },
  );
}

/** Steady growth of realised value per cycle (lib/growth.ts): yes, falling (and where), or uneven. */
function GrowthKpi(props: { growth: Growth; unit: string }) {
  const g = props.growth;
  const fall = g.lastFall && `cycle ${g.lastFall.to.cycle} realised ${fmtValue(g.lastFall.to.realised, props.unit)}, down from ${fmtValue(g.lastFall.from.realised, props.unit)} in cycle ${g.lastFall.from.cycle}`;
  const shown = {
    unknown: { value: '–', tone: 'neutral' as const, hint: 'needs the actuals of two cycles' },
    steady: { value: 'Yes', tone: 'good' as const, hint: `realised value per cycle never fell (${g.compared + 1} cycles measured)` },
    falling: { value: 'Falling', tone: 'bad' as const, hint: fall },
    uneven: { value: 'No', tone: 'bad' as const, hint: `fell in ${g.falls} of ${g.compared} cycles; last fall: ${fall}` },
  }[g.state];
  return (
    <div data-testid="steady-growth" data-state={g.state}>
      <Kpi label={<Term k="steady-growth" />} value={shown.value} tone={shown.tone} hint={shown.hint} />
    </div>
  );
}

export function DashboardPage() {
  const app = useApp();
  const dash = useAsync(() => loadDashboard(app.partners), [app.partners]);
  const m = dash.data;
  const charts = useMemo(
    () => (m && m.points.length ? { value: valueChart(m, app.unit), partners: partnersChart(m, app.unit), fairness: fairnessChart(m), participation: participationChart(m) } : null),
    [m, app.unit],
  );
  const growth = m ? steadyGrowth(m.points) : undefined;
  return (
    <>
      <PageHeader title="Dashboard" subtitle={`How the ${app.networkName || 'network'} program creates and shares value, cycle after cycle`} />
      <ErrorBox error={dash.error} title="The dashboard could not be loaded" onRetry={dash.reload} />
      {dash.loading && !m && <Loading what="the dashboard" />}
      {m && (
        <>
          <div class="kpis">
            <Kpi label="Partners" value={m.partners} hint="current members" />
            <Kpi label="Cycles" value={m.cycles} hint={`${m.points.length} decided`} />
            <Kpi
              label={<Term k="realised-value">Total realised value</Term>}
              value={m.totalRealised === null ? '–' : fmtValue(m.totalRealised, app.unit)}
              hint={m.totalEstimated === null ? undefined : `of ${fmtValue(m.totalEstimated, app.unit)} estimated`}
            />
            <GrowthKpi growth={growth!} unit={app.unit} />
          </div>
          {!charts && (
            <Empty title="No cycle has been decided yet">Charts appear once the coordinator closes the first cycle.</Empty>
          )}
          {charts && (
            <div class="grid-2">
              <Card title="Network value per cycle" extra={<span class="muted small">estimated vs realised, and cumulative</span>}>
                <ChartView config={charts.value} height={340} label="Network value per cycle" testId="chart-value" category="Cycle" />
              </Card>
              <Card title="Cumulative net value by partner" extra={<span class="muted small">after transfers</span>}>
                <ChartView config={charts.partners} height={340} label="Cumulative net value by partner" testId="chart-partners" category="Cycle" />
              </Card>
              <Card title="Dry spells and fairness" extra={<span class="muted small">Gini of cumulative net value</span>}>
                <ChartView config={charts.fairness} label="Dry spells and Gini index" testId="chart-fairness" category="Cycle" />
              </Card>
              <Card title="Participation" extra={<span class="muted small">{m.points.length ? `latest ${pct(m.points[m.points.length - 1].participation)}` : ''}</span>}>
                <ChartView config={charts.participation} label="Participation per cycle" testId="chart-participation" category="Cycle" />
              </Card>
            </div>
          )}
        </>
      )}
    </>
  );
}
