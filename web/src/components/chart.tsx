// Chart.js, tree-shaken to line and bar charts, in a canvas that follows its container's size.

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
import { useEffect, useRef } from 'preact/hooks';
import { theme } from '../lib/colors';

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

export function ChartView(props: { config: ChartConfiguration; height?: number; label: string; testId?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, props.config);
    return () => chart.destroy();
  }, [props.config]);
  return (
    <div class="chart" style={{ height: `${props.height ?? 260}px` }} data-testid={props.testId}>
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}
