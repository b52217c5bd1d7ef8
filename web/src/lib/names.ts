// Display names of the snake_case enums the API sends. The names themselves (and their order) come
// from covalue's name tables: ./generated/enum_names.ts is written by `covalue names` at build time
// (scripts/build-web.sh). Each Record below must label every name of its enum, and nothing else.

import type {
  BallotFormat,
  Channel,
  CycleState,
  DecisionReason,
  InitiativeStatus,
  Role,
  SelectionRule,
  Tier,
} from './generated/enum_names';

export { channels, initiativeStatuses, kpis, roles, selectionRules, tiers } from './generated/enum_names';

const statusLabels: Record<InitiativeStatus, string> = {
  proposed: 'Proposed',
  selected: 'Selected',
  in_progress: 'In progress',
  delivered: 'Delivered',
  reviewed: 'Reviewed',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  carried_over: 'Carried over',
  blocked: 'Blocked',
};

const cycleStateLabels: Record<CycleState, string> = {
  proposing: 'Proposing',
  voting: 'Voting',
  closed: 'Closed',
  reviewed: 'Reviewed',
};

const channelLabels: Record<Channel, string> = {
  sales: 'Sales',
  manufacturing: 'Manufacturing',
  supply_chain: 'Supply chain',
  consumer_experience: 'Consumer experience',
};

const tierLabels: Record<Tier, string> = {
  raw_materials: 'Raw materials',
  manufacturer: 'Manufacturer',
  distributor: 'Distributor',
  logistics: 'Logistics',
  retailer: 'Retailer',
  marketplace: 'Marketplace',
  last_mile: 'Last mile',
  other: 'Other',
};

const ruleLabels: Record<SelectionRule, string> = {
  mes: 'Method of Equal Shares',
  phragmen: 'Sequential Phragmén',
  greedy: 'Greedy',
  network_fair: 'Network-fair ILP',
  consensus: 'Consensus ranking',
};

const formatLabels: Record<BallotFormat, string> = {
  approvals: 'Approval',
  ranking: 'Ranking',
  scores: 'Scores',
  points: 'Points',
};

const reasonLabels: Record<DecisionReason, string> = {
  selected: 'Selected',
  selected_objection_met: 'Selected (objection met)',
  not_chosen: 'Not chosen',
  negative_network_value: 'Negative network value',
  objection: 'Objection not met',
  exceeds_capacity: 'Exceeds capacity',
};

const roleLabels: Record<Role, string> = {
  operator: 'Operator',
  coordinator: 'Coordinator',
  representative: 'Representative',
  observer: 'Observer',
  admin: 'Administrator',
};

const labels: Record<string, string> = {
  ...statusLabels,
  ...cycleStateLabels,
  ...channelLabels,
  ...tierLabels,
  ...ruleLabels,
  ...formatLabels,
  ...reasonLabels,
  ...roleLabels,
};

/** "in_progress" → "In progress"; unknown names are capitalised with spaces. */
export function label(name: string | undefined | null): string {
  if (!name) return '–';
  const known = labels[name];
  if (known) return known;
  const spaced = name.replace(/[_-]+/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
