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
import { fmt, pct } from '../lib/rational';

/** A chart with one point per decided cycle: its datasets and options. */
function cycleChart(m: DashboardModel, type: 'bar' | 'line', datasets: ChartConfiguration['data']['datasets'], options: ChartConfiguration['options']): ChartConfiguration {
  return { type, data: { labels: m.points.map((p) => `Cycle ${p.cycle}`), datasets }, options };
}

function valueChart(m: DashboardModel): ChartConfiguration {
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
        y: { beginAtZero: true, title: { display: true, text: 'value per cycle' } },
        y2: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: 'cumulative' } },
      },
    },
  );
}

function partnersChart(m: DashboardModel): ChartConfiguration {
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
      scales: { y: { title: { display: true, text: 'cumulative net value' } } },
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

export function DashboardPage() {
  const app = useApp();
  const dash = useAsync(() => loadDashboard(app.partners), [app.partners]);
  const m = dash.data;
  const charts = useMemo(
    () => (m && m.points.length ? { value: valueChart(m), partners: partnersChart(m), fairness: fairnessChart(m), participation: participationChart(m) } : null),
    [m],
  );
  const growth = m?.steadyGrowth;
  const growthYes = growth === 'yes' || (growth as unknown) === true;
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
            <Kpi label="Total realised value" value={m.totalRealised === null ? '–' : fmt(m.totalRealised)} hint={m.totalEstimated === null ? undefined : `of ${fmt(m.totalEstimated)} estimated`} />
            <Kpi
              label="Steady growth"
              value={growth == null ? '–' : growthYes ? 'Yes' : 'No'}
              tone={growth == null ? 'neutral' : growthYes ? 'good' : 'bad'}
              hint={growthYes ? 'realised value grows every cycle' : growth == null ? undefined : 'some cycle added no realised value'}
            />
          </div>
          {!charts && (
            <Empty title="No cycle has been decided yet">Charts appear once the coordinator closes the first cycle.</Empty>
          )}
          {charts && (
            <div class="grid-2">
              <Card title="Network value per cycle" extra={<span class="muted small">estimated vs realised, and cumulative</span>}>
                <ChartView config={charts.value} height={340} label="Network value per cycle" testId="chart-value" />
              </Card>
              <Card title="Cumulative net value by partner" extra={<span class="muted small">after transfers</span>}>
                <ChartView config={charts.partners} height={340} label="Cumulative net value by partner" testId="chart-partners" />
              </Card>
              <Card title="Dry spells and fairness" extra={<span class="muted small">Gini of cumulative net value</span>}>
                <ChartView config={charts.fairness} label="Dry spells and Gini index" testId="chart-fairness" />
              </Card>
              <Card title="Participation" extra={<span class="muted small">{m.points.length ? `latest ${pct(m.points[m.points.length - 1].participation)}` : ''}</span>}>
                <ChartView config={charts.participation} label="Participation per cycle" testId="chart-participation" />
              </Card>
            </div>
          )}
        </>
      )}
    </>
  );
}
