// Display names of the snake_case enums the API sends.

const labels: Record<string, string> = {
  proposed: 'Proposed',
  selected: 'Selected',
  in_progress: 'In progress',
  delivered: 'Delivered',
  reviewed: 'Reviewed',
  carried_over: 'Carried over',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  proposing: 'Proposing',
  voting: 'Voting',
  closed: 'Closed',
  sales: 'Sales',
  manufacturing: 'Manufacturing',
  supply_chain: 'Supply chain',
  consumer_experience: 'Consumer experience',
  raw_materials: 'Raw materials',
  manufacturer: 'Manufacturer',
  distributor: 'Distributor',
  logistics: 'Logistics',
  retailer: 'Retailer',
  marketplace: 'Marketplace',
  last_mile: 'Last mile',
  other: 'Other',
  mes: 'Method of Equal Shares',
  equal_shares: 'Method of Equal Shares',
  phragmen: 'Sequential Phragmén',
  greedy: 'Greedy',
  'network-fair': 'Network-fair ILP',
  network_fair: 'Network-fair ILP',
  consensus: 'Consensus ranking',
  approvals: 'Approval',
  ranking: 'Ranking',
  scores: 'Scores',
  points: 'Points',
  selected_objection_met: 'Selected (objection met)',
  not_chosen: 'Not chosen',
  negative_network_value: 'Negative network value',
  objection: 'Objection not met',
  exceeds_capacity: 'Exceeds capacity',
  coordinator: 'Coordinator',
  representative: 'Representative',
  observer: 'Observer',
  operator: 'Operator',
};

/** "in_progress" → "In progress"; unknown names are capitalised with spaces. */
export function label(name: string | undefined | null): string {
  if (!name) return '–';
  const known = labels[name];
  if (known) return known;
  const spaced = name.replace(/[_-]+/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export const initiativeStatuses = [
  'proposed',
  'selected',
  'in_progress',
  'delivered',
  'reviewed',
  'carried_over',
  'rejected',
  'withdrawn',
] as const;

export const channels = ['sales', 'manufacturing', 'supply_chain', 'consumer_experience'] as const;
