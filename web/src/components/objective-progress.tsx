// One objective's progress: its KPI readings per cycle against the baseline and the target, as a chart
// and as a table (the chart's text alternative).

import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import { theme } from '../lib/colors';
import { t } from '../lib/i18n';
import { label } from '../lib/names';
import { fmt, num } from '../lib/rational';
import type { KpiMeasurement, Objective } from '../lib/types';
import { ChartView } from './chart';
import { Num, Table } from './ui';

/** The objective's name: its own, else its KPI's. */
export const objectiveName = (o: Objective) => o.name || label(o.kpi);

/** A figure with the objective's unit ("97 %", "3.5 days"). */
export function withUnit(value: unknown, unit: string): string {
  const text = fmt(value);
  if (!unit || text === '–') return text;
  return unit === '%' ? `${text} %` : `${text} ${unit}`;
}

/** How far a reading has come from the baseline to the target, as a share (1 = target reached). */
export function progress(o: Objective, value: unknown): number | null {
  const span = num(o.target) - num(o.baseline);
  const v = num(value);
  if (!Number.isFinite(v) || !Number.isFinite(span) || span === 0) return null;
  return (v - num(o.baseline)) / span;
}

const progressText = (share: number | null) => (share == null ? '–' : t('objective.ofTheWay', { share: Math.round(100 * share) }));

function chartOf(o: Objective, readings: KpiMeasurement[]): ChartConfiguration {
  const labels = readings.map((r) => t('partner.cycle', { cycle: r.cycle }));
  const flat = (v: unknown) => readings.map(() => num(v));
  const unit = o.unit || t('partner.value');
  const all = [...readings.map((r) => num(r.value)), num(o.target), num(o.baseline)].filter(Number.isFinite);
  const low = Math.min(...all);
  const high = Math.max(...all);
  const pad = Math.max((high - low) * 0.1, Math.abs(high) * 0.01, 0.5);
  return {
    type: 'line',
    data: {
      labels,
      datasets: [
        { label: t('objective.readingUnit', { unit }), data: readings.map((r) => num(r.value)), borderColor: theme.realised, backgroundColor: theme.realised, tension: 0.15, pointRadius: 4 },
        { label: t('objective.targetOf', { value: withUnit(o.target, o.unit) }), data: flat(o.target), borderColor: theme.positive, backgroundColor: theme.positive, borderDash: [6, 4], pointRadius: 0 },
        { label: t('objective.baselineOf', { value: withUnit(o.baseline, o.unit) }), data: flat(o.baseline), borderColor: theme.muted, backgroundColor: theme.muted, borderDash: [2, 3], pointRadius: 0 },
      ],
    },
    options: {
      scales: {
        // Room above and below the lines, so the target and the baseline never sit on the frame.
        y: { title: { display: true, text: unit }, suggestedMin: low - pad, suggestedMax: high + pad },
        x: { title: { display: true, text: t('objective.afterCycleAxis') } },
      },
      plugins: { legend: { labels: { usePointStyle: true, pointStyle: 'line' } } },
    },
  };
}

export function ObjectiveProgress(props: { objective: Objective; readings: KpiMeasurement[]; chart?: boolean }) {
  const o = props.objective;
  const readings = useMemo(() => [...props.readings].sort((a, b) => a.cycle - b.cycle), [props.readings]);
  const config = useMemo(() => chartOf(o, readings), [o, readings, t('objective.afterCycleAxis')]);
  const latest = readings[readings.length - 1];
  const name = objectiveName(o);
  return (
    <div class="objective" data-objective={o.id}>
      <dl class="facts inline">
        <dt>{t('objective.baseline')}</dt>
        <dd>{withUnit(o.baseline, o.unit)}</dd>
        <dt>{t('objective.target')}</dt>
        <dd>{withUnit(o.target, o.unit)}</dd>
        <dt>{t('objective.latest')}</dt>
        <dd data-testid="latest-reading">{latest ? t('objective.latestValue', { value: withUnit(latest.value, o.unit), cycle: latest.cycle }) : t('objective.noReading')}</dd>
        <dt>{t('objective.progress')}</dt>
        <dd>{latest ? progressText(progress(o, latest.value)) : '–'}</dd>
      </dl>
      {readings.length > 0 && props.chart !== false && (
        <ChartView config={config} height={220} label={t('objective.chartLabel', { name, baseline: withUnit(o.baseline, o.unit), target: withUnit(o.target, o.unit) })} testId={`chart-objective-${o.id}`} table={false} />
      )}
      {readings.length > 0 && (
        <details class="data-table" open={props.chart === false}>
          <summary>{t('objective.asTable')}</summary>
          <Table class="compact stack-on-phone" columns={[t('objective.afterCycle'), { title: o.unit ? t('objective.readingUnit', { unit: o.unit }) : t('objective.reading'), class: 'right' }, { title: t('objective.fromTo'), class: 'right' }]}>
            {readings.map((r) => (
              <tr data-reading={r.cycle}>
                <td>{t('partner.cycle', { cycle: r.cycle })}</td>
                <td class="right">
                  <Num value={r.value} />
                </td>
                <td class="right">{progressText(progress(o, r.value))}</td>
              </tr>
            ))}
          </Table>
        </details>
      )}
    </div>
  );
}
