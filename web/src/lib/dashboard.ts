// The dashboard's series. GET /api/dashboard gives them; when a piece is missing (an older
// server), it is computed from the cycle outcomes and the network report instead.

import { get } from './api';
import { list } from './context';
import { normaliseReport, table } from './reports';
import { num } from './rational';
import type { Cycle, CycleOutcome, Partner } from './types';

export interface CyclePoint {
  cycle: number;
  estimated: number;
  realised: number | null;
  cumEstimated: number;
  cumRealised: number | null;
  gini: number | null;
  participation: number | null; // share of members who cast a ballot
  ballots: number | null;
  members: number | null;
  dryPartners: number | null; // members whose cycle was dry
  maxDrySpell: number | null;
}

export interface PartnerSeries {
  partner: number;
  name: string;
  cumulativeNet: (number | null)[]; // per cycle of `cycles`
  drySpell: (number | null)[];
}

export interface DashboardModel {
  partners: number;
  cycles: number;
  totalRealised: number | null;
  totalEstimated: number | null;
  steadyGrowth: string | null;
  points: CyclePoint[];
  series: PartnerSeries[];
  summary: Record<string, unknown>;
}

const pick = (row: any, ...keys: string[]) => {
  for (const k of keys) if (row && row[k] !== undefined && row[k] !== null) return row[k];
  return undefined;
};
const optNum = (v: unknown) => (v === undefined || v === null || v === '' ? null : Number.isFinite(num(v)) ? num(v) : null);

/** Gini index of values (0 = equal); null when the mean is not positive. */
export function gini(values: number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (mean <= 0) return null;
  let sum = 0;
  for (const a of values) for (const b of values) sum += Math.abs(a - b);
  return sum / (2 * n * n * mean);
}

/** The series from closed cycles' outcomes (and the network report's realised values). */
export function fromOutcomes(outcomes: CycleOutcome[], partners: Partner[], networkRows: Record<string, unknown>[]): Pick<DashboardModel, 'points' | 'series'> {
  const sorted = [...outcomes].sort((a, b) => a.cycle - b.cycle);
  const realisedByCycle = new Map(networkRows.map((r) => [Number(r.cycle), r]));
  const cumulative = new Map<number, number>();
  const series = new Map<number, PartnerSeries>();
  for (const p of partners) series.set(p.id, { partner: p.id, name: p.name, cumulativeNet: [], drySpell: [] });
  let cumEstimated = 0;
  let cumRealised: number | null = 0;
  const points: CyclePoint[] = sorted.map((o, index) => {
    const row = realisedByCycle.get(o.cycle);
    const estimated = num(o.network_value);
    const realised = optNum(pick(row, 'realised_value'));
    cumEstimated += estimated;
    cumRealised = realised === null || cumRealised === null ? null : cumRealised + realised;
    for (const r of o.partners) {
      cumulative.set(r.partner, (cumulative.get(r.partner) ?? 0) + num(r.net_value));
      if (!series.has(r.partner)) series.set(r.partner, { partner: r.partner, name: `Partner ${r.partner}`, cumulativeNet: [], drySpell: [] });
    }
    for (const s of series.values()) {
      const result = o.partners.find((r) => r.partner === s.partner);
      s.cumulativeNet[index] = result ? cumulative.get(s.partner) ?? 0 : null;
      s.drySpell[index] = result ? result.dry_spell : null;
    }
    const members = o.partners.length;
    const voted = o.partners.filter((r) => r.voted).length;
    return {
      cycle: o.cycle,
      estimated,
      realised,
      cumEstimated,
      cumRealised: optNum(pick(row, 'cumulative_realised')) ?? cumRealised,
      gini: gini(o.partners.map((r) => cumulative.get(r.partner) ?? 0)),
      participation: members ? voted / members : null,
      ballots: voted,
      members,
      dryPartners: o.partners.filter((r) => r.dry).length,
      maxDrySpell: o.partners.reduce((m, r) => Math.max(m, r.dry_spell), 0),
    };
  });
  return { points, series: [...series.values()].filter((s) => s.cumulativeNet.some((v) => v !== null)) };
}

/** Reads GET /api/dashboard ({network, cycles: [...], partners: [{cumulative_net_value: [...], dry_spell: [...]}]})
 *  into the model; the series are aligned with `cycles`, of which only decided ones are charted. */
export function normaliseDashboard(raw: any, partners: Partner[]): DashboardModel {
  const summary = { ...(raw?.summary ?? {}), ...(raw?.kpis ?? {}) };
  const allRows: any[] = list(raw?.cycles, 'rows');
  const decided = allRows
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => (r.state ? r.state === 'closed' || r.state === 'reviewed' : pick(r, 'estimated_value') !== undefined));
  const rawSeries: any[] = list(raw?.partners, 'rows');
  const seriesOf = (p: any, ...keys: string[]): any[] => {
    const v = pick(p, ...keys);
    return Array.isArray(v) ? v : [];
  };
  let cumE = 0;
  let cumR = 0;
  const points: CyclePoint[] = decided.map(({ r, index }) => {
    const estimated = num(pick(r, 'estimated_value', 'estimated', 'network_value') ?? 0);
    // a closed cycle whose actuals are not recorded yet has realised nothing *yet*: no point
    const measured = optNum(pick(r, 'realised_value', 'realised'));
    const realised = r.state === 'closed' && measured === 0 ? null : measured;
    cumE += estimated;
    cumR += realised ?? 0;
    const members = optNum(pick(r, 'members', 'ballots_issued'));
    const ballots = optNum(pick(r, 'ballots', 'ballots_cast', 'voted'));
    const participation = optNum(pick(r, 'participation_rate', 'participation', 'turnout')) ?? (members && ballots !== null ? ballots / members : null);
    const spells = rawSeries.map((p) => optNum(seriesOf(p, 'dry_spell', 'dry_spells')[index])).filter((v): v is number => v !== null);
    return {
      cycle: Number(pick(r, 'number', 'cycle')),
      estimated,
      realised,
      cumEstimated: optNum(pick(r, 'cumulative_estimated')) ?? cumE,
      cumRealised: realised === null ? null : optNum(pick(r, 'cumulative_realised')) ?? cumR,
      gini: optNum(pick(r, 'gini', 'gini_net_value')),
      participation,
      ballots,
      members,
      dryPartners: optNum(pick(r, 'dry_partners')) ?? (spells.length ? spells.filter((v) => v > 0).length : null),
      maxDrySpell: optNum(pick(r, 'max_dry_spell', 'largest_dry_spell')) ?? (spells.length ? Math.max(...spells) : null),
    };
  });
  const names = new Map(partners.map((p) => [p.id, p.name]));
  const joined = new Map(partners.map((p) => [p.id, p.joined_cycle]));
  const series: PartnerSeries[] = rawSeries
    .filter((p) => seriesOf(p, 'cumulative_net_value', 'cumulative_net').length > 0)
    .map((p) => {
      const id = Number(pick(p, 'id', 'partner'));
      const net = seriesOf(p, 'cumulative_net_value', 'cumulative_net');
      const dry = seriesOf(p, 'dry_spell', 'dry_spells');
      const since = joined.get(id) ?? 1;
      return {
        partner: id,
        name: pick(p, 'name') ?? names.get(id) ?? `Partner ${id}`,
        // before it joined a partner has no value to chart; after it left its line stays flat
        cumulativeNet: decided.map(({ index }, i) => (points[i].cycle < since ? null : optNum(net[index]))),
        drySpell: decided.map(({ index }) => optNum(dry[index])),
      };
    });
  const members = rawSeries.filter((p) => p.status ? p.status === 'member' : true).length;
  return {
    partners: Number(pick(summary, 'partners', 'members') ?? (members || partners.filter((p) => p.left_cycle == null).length)),
    cycles: Number(pick(summary, 'cycles') ?? allRows.length),
    totalRealised: optNum(pick(summary, 'total_realised', 'realised_value')),
    totalEstimated: optNum(pick(summary, 'total_estimated', 'estimated_value')),
    steadyGrowth: pick(summary, 'steady_growth') ?? null,
    points,
    series,
    summary,
  };
}

/** Loads the dashboard and the network report's summary (the KPI cards). Without a dashboard
 *  endpoint (404), the series are computed from the cycle outcomes. */
export async function loadDashboard(partners: Partner[]): Promise<DashboardModel> {
  const [dashboardRaw, networkRaw] = await Promise.all([
    get<any>('/dashboard').catch((e) => {
      if (e?.status === 404) return null;
      throw e;
    }),
    get<any>('/reports/network'),
  ]);
  const network = normaliseReport(networkRaw);
  let model = dashboardRaw ? normaliseDashboard(dashboardRaw, partners) : null;
  if (!model || model.points.length === 0) {
    const closed = list<Cycle>(await get<any>('/cycles'), 'cycles').filter((c) => c.state === 'closed' || c.state === 'reviewed');
    const outcomes = await Promise.all(closed.map((c) => get<any>(`/cycles/${c.number}/outcome`).then(unwrapOutcome)));
    const derived = fromOutcomes(outcomes, partners, table(network, 'cycles').rows);
    model = { ...(model ?? normaliseDashboard({}, partners)), ...derived };
  }
  const s = network.summary;
  return {
    ...model,
    summary: { ...s, ...model.summary },
    partners: optNum(s.partners) ?? model.partners,
    cycles: optNum(s.cycles) ?? model.cycles,
    totalRealised: model.totalRealised ?? optNum(s.total_realised),
    totalEstimated: model.totalEstimated ?? optNum(s.total_estimated),
    steadyGrowth: model.steadyGrowth ?? (s.steady_growth as string | undefined) ?? null,
  };
}

/** An outcome body: the outcome itself or {"outcome": ...}. */
export function unwrapOutcome(raw: any): CycleOutcome {
  return (raw && raw.outcome && typeof raw.outcome === 'object' ? raw.outcome : raw) as CycleOutcome;
}
