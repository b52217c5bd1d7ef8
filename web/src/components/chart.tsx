// Chart.js, tree-shaken to line and bar charts, in a canvas that follows its container's size, with the same
// figures as a table below it (for screen readers, keyboards and anyone who wants the numbers).

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { theme } from '../lib/colors';
import { locale, useT } from '../lib/i18n';
import { fmt } from '../lib/rational';
import { Table } from './ui';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
  Filler,
);
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font') || 'system-ui, sans-serif';
Chart.defaults.font.size = 12;
Chart.defaults.color = theme.muted;
Chart.defaults.borderColor = theme.grid;
Chart.defaults.plugins.legend.labels.boxWidth = 12;
Chart.defaults.plugins.legend.labels.boxHeight = 12;
Chart.defaults.plugins.tooltip.mode = 'index';
Chart.defaults.plugins.tooltip.intersect = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.animation = false;

/** The figures a chart draws: one row per category (cycle, partner), one column per series, each column titled
 * with the series' name and its axis' title (which carries the unit). */
interface Figures {
  category: string;
  columns: string[];
  rows: { label: string; values: unknown[] }[];
}

type AxisTitles = Record<string, { title?: { text?: unknown } } | undefined>;

function figuresOf(config: ChartConfiguration): Figures {
  const horizontal = (config.options as { indexAxis?: string } | undefined)?.indexAxis === 'y';
  const scales = ((config.options as { scales?: AxisTitles } | undefined)?.scales ?? {}) as AxisTitles;
  const titleOf = (axis: string) => {
    const text = scales[axis]?.title?.text;
    return typeof text === 'string' ? text : '';
  };
  const datasets = config.data.datasets as { label?: string; data: unknown[]; xAxisID?: string; yAxisID?: string }[];
  const columns = datasets.map((d) => {
    const axis = titleOf(horizontal ? (d.xAxisID ?? 'x') : (d.yAxisID ?? 'y'));
    const name = d.label ?? '';
    return axis && axis !== name ? `${name}, ${axis}` : name;
  });
  const labels = (config.data.labels ?? []) as unknown[];
  const rows = labels.map((label, i) => ({
    label: String(label),
    values: datasets.map((d) => {
      const point = d.data[i];
      return point !== null && typeof point === 'object' ? (point as { x?: unknown; y?: unknown })[horizontal ? 'x' : 'y'] : point;
    }),
  }));
  return { category: titleOf(horizontal ? 'y' : 'x'), columns, rows };
}

/** A chart; `category` heads the table's first column ("Cycle", "Partner"); `table` false when the page lists the
 * figures itself. */
export function ChartView(props: { config: ChartConfiguration; height?: number; label: string; testId?: string; table?: boolean; category?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    // Axis numbers in the language's locale ("1.234,5" in German).
    Chart.defaults.locale = locale();
    const chart = new Chart(canvas.current, props.config);
    return () => chart.destroy();
  }, [props.config]);
  const figures = useMemo(() => figuresOf(props.config), [props.config]);
  const t = useT();
  return (
    <>
      <div class="chart" style={{ height: `${props.height ?? 260}px` }} data-testid={props.testId}>
        <canvas ref={canvas} role="img" aria-label={t('chart.label', { label: props.label })} />
      </div>
      {props.table !== false && figures.rows.length > 0 && (
        <details class="data-table" data-testid={props.testId ? `${props.testId}-table` : undefined}>
          <summary>{t('chart.asTable')}</summary>
          {/* A wide table scrolls sideways: the region takes the keyboard's focus so that it can be scrolled. */}
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('chart.figures', { label: props.label })}>
            <Table
              class="compact"
              wrap={false}
              before={<caption class="sr-only">{props.label}</caption>}
              columns={[props.category ?? (figures.category || t('chart.item')), ...figures.columns.map((title) => ({ title, class: 'right' }))]}
            >
              {figures.rows.map((row) => (
                <tr>
                  <th scope="row">{row.label}</th>
                  {row.values.map((value) => (
                    <td class="right">{fmt(value)}</td>
                  ))}
                </tr>
              ))}
            </Table>
          </div>
        </details>
      )}
    </>
  );
}
