// Display names of the snake_case enums the API sends. The names themselves (and their order) come
// from covalue's name tables: ./generated/enum_names.ts is written by `covalue names` at build time
// (scripts/build-web.sh). Each Record below must label every name of its enum, and nothing else; the labels
// are catalog keys (names.<name> in src/locales/*.json).

import { t } from './i18n';

import type {
  BallotFormat,
  Channel,
  CycleState,
  DecisionReason,
  EventKind,
  InitiativeStatus,
  Kpi,
  Role,
  SelectionRule,
  Tier,
} from './generated/enum_names';

export { channels, initiativeStatuses, kpis, roles, selectionRules, tiers } from './generated/enum_names';

const statusLabels: Record<InitiativeStatus, string> = {
  proposed: 'names.proposed',
  selected: 'names.selected',
  in_progress: 'names.in_progress',
  delivered: 'names.delivered',
  reviewed: 'names.reviewed',
  rejected: 'names.rejected',
  withdrawn: 'names.withdrawn',
  carried_over: 'names.carried_over',
  blocked: 'names.blocked',
};

const cycleStateLabels: Record<CycleState, string> = {
  proposing: 'names.proposing',
  voting: 'names.voting',
  closed: 'names.closed',
  reviewed: 'names.reviewed',
};

const channelLabels: Record<Channel, string> = {
  sales: 'names.sales',
  manufacturing: 'names.manufacturing',
  supply_chain: 'names.supply_chain',
  consumer_experience: 'names.consumer_experience',
};

const tierLabels: Record<Tier, string> = {
  raw_materials: 'names.raw_materials',
  manufacturer: 'names.manufacturer',
  distributor: 'names.distributor',
  logistics: 'names.logistics',
  retailer: 'names.retailer',
  marketplace: 'names.marketplace',
  last_mile: 'names.last_mile',
  other: 'names.other',
};

const ruleLabels: Record<SelectionRule, string> = {
  mes: 'names.mes',
  phragmen: 'names.phragmen',
  greedy: 'names.greedy',
  network_fair: 'names.network_fair',
  consensus: 'names.consensus',
};

const formatLabels: Record<BallotFormat, string> = {
  approvals: 'names.approvals',
  ranking: 'names.ranking',
  scores: 'names.scores',
  points: 'names.points',
};

const reasonLabels: Record<DecisionReason, string> = {
  selected: 'names.selected',
  selected_objection_met: 'names.selected_objection_met',
  not_chosen: 'names.not_chosen',
  negative_network_value: 'names.negative_network_value',
  objection: 'names.objection',
  exceeds_capacity: 'names.exceeds_capacity',
};

const roleLabels: Record<Role, string> = {
  operator: 'names.operator',
  coordinator: 'names.coordinator',
  representative: 'names.representative',
  observer: 'names.observer',
  admin: 'names.admin',
};

const kpiLabels: Record<Kpi, string> = {
  perfect_order_rate: 'names.perfect_order_rate',
  order_cycle_time: 'names.order_cycle_time',
  cost_to_serve: 'names.cost_to_serve',
  stock_out_rate: 'names.stock_out_rate',
  on_time_delivery: 'names.on_time_delivery',
  return_rate: 'names.return_rate',
  consumer_satisfaction: 'names.consumer_satisfaction',
  custom: 'names.custom',
};

const eventLabels: Record<EventKind, string> = {
  cycle_opened: 'names.cycle_opened',
  voting_opened: 'names.voting_opened',
  voting_closes_soon: 'names.voting_closes_soon',
  cycle_closed: 'names.cycle_closed',
  lead_named: 'names.lead_named',
  proposal_withdrawn: 'names.proposal_withdrawn',
  actuals_due: 'names.actuals_due',
  dry_spell_limit: 'names.dry_spell_limit',
  retention_risk: 'names.retention_risk',
  deadline_due: 'names.deadline_due',
  delegated: 'names.delegated',
  charter_proposed: 'names.charter_proposed',
  charter_decided: 'names.charter_decided',
  digest: 'names.digest',
  mentioned: 'names.mentioned',
  comment_reply: 'names.comment_reply',
  election_opened: 'names.election_opened',
  coordinator_elected: 'names.coordinator_elected',
};

/** Other names the API sends that pages label: retention risk bands, a partner that left, a revoked token,
 *  positions on a charter proposal and its states. */
const otherLabels: Record<string, string> = { low: 'names.low', medium: 'names.medium', high: 'names.high', left: 'names.left', revoked: 'names.revoked', agree: 'names.agree', abstain: 'names.abstain', object: 'names.object', open: 'names.open', adopted: 'names.adopted',
  public: 'names.public', anonymous: 'names.anonymous', secret: 'names.secret', none: 'names.none', proportional: 'names.proportional', consent: 'names.consent', majority: 'names.majority', fixed: 'names.fixed', rotation: 'names.rotation',
  election: 'names.election', decided: 'names.decided',
};

const labels: Record<string, string> = {
  ...otherLabels,
  ...kpiLabels,
  ...eventLabels,
  ...statusLabels,
  ...cycleStateLabels,
  ...channelLabels,
  ...tierLabels,
  ...ruleLabels,
  ...formatLabels,
  ...reasonLabels,
  ...roleLabels,
};

/** "in_progress" → "In progress" (in the language in use); unknown names are capitalised with spaces. */
export function label(name: string | undefined | null): string {
  if (!name) return '–';
  const known = labels[name];
  if (known) return t(known);
  const spaced = name.replace(/[_-]+/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
