// One colour per partner, the same on every page and chart: picked by partner id.

// Distinct hues first (a network rarely has more than 14 partners), lighter ones after.
const palette = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
  '#bcbd22', '#17becf', '#393b79', '#e0a800', '#006d5b', '#ff9896', '#98df8a', '#c5b0d5',
  '#c49c94', '#aec7e8', '#ffbb78', '#dbdb8d',
];

/** The colour of partner `id` (ids start at 1). */
export function partnerColor(id: number): string {
  return palette[(((id - 1) % palette.length) + palette.length) % palette.length];
}

/** The same colour with an alpha channel, for fills. */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export const theme = {
  primary: '#1f4e79',
  estimated: '#8fb3d9',
  realised: '#1f4e79',
  positive: '#2e7d4f',
  negative: '#c0392b',
  accent: '#e0a100',
  grid: '#e6e9ef',
  muted: '#6b7685',
};
