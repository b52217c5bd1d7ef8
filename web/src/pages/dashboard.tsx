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
import { t, useT } from '../lib/i18n';
import { pct } from '../lib/rational';
import { fmtValue, withUnit } from '../lib/units';
import { Term } from '../components/term';

/** A chart with one point per decided cycle: its datasets and options. */
function cycleChart(m: DashboardModel, type: 'bar' | 'line', datasets: ChartConfiguration['data']['datasets'], options: ChartConfiguration['options']): ChartConfiguration {
  return { type, data: { labels: m.points.map((p) => t('dashboard.cycle', { cycle: p.cycle })), datasets }, options };
}

function valueChart(m: DashboardModel, unit: string): ChartConfiguration {
  return cycleChart(
    m,
    'bar',
    [
      { type: 'bar', label: t('dashboard.estimated'), data: m.points.map((p) => p.estimated), backgroundColor: theme.estimated, borderRadius: 3, yAxisID: 'y' },
      { type: 'bar', label: t('dashboard.realised'), data: m.points.map((p) => p.realised), backgroundColor: theme.realised, borderRadius: 3, yAxisID: 'y' },
      {
        type: 'line',
        label: t('dashboard.cumRealised'),
        data: m.points.map((p) => p.cumRealised),
        borderColor: theme.accent,
        backgroundColor: theme.accent,
        tension: 0.25,
        yAxisID: 'y2',
      },
      {
        type: 'line',
        label: t('dashboard.cumEstimated'),
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
        y: { beginAtZero: true, title: { display: true, text: withUnit(t('dashboard.valuePerCycle'), unit) } },
        y2: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: withUnit(t('dashboard.cumulative'), unit) } },
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
      scales: { y: { title: { display: true, text: withUnit(t('dashboard.cumNet'), unit) } } },
    },
  );
}

function fairnessChart(m: DashboardModel): ChartConfiguration {
  return cycleChart(
    m,
    'bar',
    [
      { type: 'bar', label: t('dashboard.dryPartners'), data: m.points.map((p) => p.dryPartners), backgroundColor: withAlpha(theme.negative, 0.55), borderRadius: 3, yAxisID: 'y' },
      { type: 'line', label: t('dashboard.longestDry'), data: m.points.map((p) => p.maxDrySpell), borderColor: '#8a5a00', backgroundColor: '#8a5a00', borderDash: [4, 3], yAxisID: 'y' },
      { type: 'line', label: t('dashboard.gini'), data: m.points.map((p) => p.gini), borderColor: theme.primary, backgroundColor: theme.primary, tension: 0.25, yAxisID: 'y2' },
    ],
    {
      scales: {
        y: { beginAtZero: true, suggestedMax: 4, ticks: { precision: 0 }, title: { display: true, text: t('dashboard.partnersCycles') } },
        y2: { position: 'right', min: 0, max: 1, grid: { drawOnChartArea: false }, title: { display: true, text: t('dashboard.giniAxis') } },
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
        label: t('dashboard.turnout'),
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
              return pct((ctx.parsed.y ?? 0) / 100) + (p.ballots !== null && p.members !== null ? ' ' + t('dashboard.membersVoted', { ballots: p.ballots, count: p.members }) : '');
            },
          },
        },
      },
      scales: { y: { min: 0, max: 100, title: { display: true, text: t('dashboard.turnoutAxis') } } },
    },
  );
}

/** Steady growth of realised value per cycle (lib/growth.ts): yes, falling (and where), or uneven. */
function GrowthKpi(props: { growth: Growth; unit: string }) {
  const g = props.growth;
  const t = useT();
  const fall = g.lastFall && t('dashboard.fall', { to: g.lastFall.to.cycle, realised: fmtValue(g.lastFall.to.realised, props.unit), before: fmtValue(g.lastFall.from.realised, props.unit), from: g.lastFall.from.cycle });
  const shown = {
    unknown: { value: '–', tone: 'neutral' as const, hint: t('dashboard.growthUnknown') },
    steady: { value: t('dashboard.growthYes'), tone: 'good' as const, hint: t('dashboard.growthSteady', { count: g.compared + 1 }) },
    falling: { value: t('dashboard.growthFalling'), tone: 'bad' as const, hint: fall },
    uneven: { value: t('dashboard.growthNo'), tone: 'bad' as const, hint: t('dashboard.growthUneven', { falls: g.falls, count: g.compared, fall }) },
  }[g.state];
  return (
    <div data-testid="steady-growth" data-state={g.state}>
      <Kpi label={<Term k="steady-growth" />} value={shown.value} tone={shown.tone} hint={shown.hint} />
    </div>
  );
}

export function DashboardPage() {
  const app = useApp();
  const t = useT();
  const dash = useAsync(() => loadDashboard(app.partners), [app.partners]);
  const m = dash.data;
  const charts = useMemo(
    () => (m && m.points.length ? { value: valueChart(m, app.unit), partners: partnersChart(m, app.unit), fairness: fairnessChart(m), participation: participationChart(m) } : null),
    [m, app.unit, t('dashboard.cycleColumn')],
  );
  const growth = m ? steadyGrowth(m.points) : undefined;
  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle', { network: app.networkName || t('dashboard.network') })} />
      <ErrorBox error={dash.error} title={t('dashboard.loadFailed')} onRetry={dash.reload} />
      {dash.loading && !m && <Loading what={t('dashboard.loading')} />}
      {m && (
        <>
          <div class="kpis">
            <Kpi label={t('dashboard.partners')} value={m.partners} hint={t('dashboard.currentMembers')} />
            <Kpi label={t('dashboard.cycles')} value={m.cycles} hint={t('dashboard.decided', { count: m.points.length })} />
            <Kpi
              label={<Term k="realised-value">{t('dashboard.totalRealised')}</Term>}
              value={m.totalRealised === null ? '–' : fmtValue(m.totalRealised, app.unit)}
              hint={m.totalEstimated === null ? undefined : t('dashboard.ofEstimated', { value: fmtValue(m.totalEstimated, app.unit) })}
            />
            <GrowthKpi growth={growth!} unit={app.unit} />
          </div>
          {!charts && (
            <Empty title={t('dashboard.noneDecided')}>{t('dashboard.chartsAppear')}</Empty>
          )}
          {charts && (
            <div class="grid-2">
              <Card title={t('dashboard.valueTitle')} extra={<span class="muted small">{t('dashboard.valueNote')}</span>}>
                <ChartView config={charts.value} height={340} label={t('dashboard.valueTitle')} testId="chart-value" category={t('dashboard.cycleColumn')} />
              </Card>
              <Card title={t('dashboard.partnersTitle')} extra={<span class="muted small">{t('dashboard.afterTransfers')}</span>}>
                <ChartView config={charts.partners} height={340} label={t('dashboard.partnersTitle')} testId="chart-partners" category={t('dashboard.cycleColumn')} />
              </Card>
              <Card title={t('dashboard.fairnessTitle')} extra={<span class="muted small">{t('dashboard.gini')}</span>}>
                <ChartView config={charts.fairness} label={t('dashboard.fairnessLabel')} testId="chart-fairness" category={t('dashboard.cycleColumn')} />
              </Card>
              <Card title={t('dashboard.participation')} extra={<span class="muted small">{m.points.length ? t('dashboard.latest', { share: pct(m.points[m.points.length - 1].participation) }) : ''}</span>}>
                <ChartView config={charts.participation} label={t('dashboard.participationLabel')} testId="chart-participation" category={t('dashboard.cycleColumn')} />
              </Card>
            </div>
          )}
        </>
      )}
    </>
  );
}
