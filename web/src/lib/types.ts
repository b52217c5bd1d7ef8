// The API's JSON, named like the C++ structs (core/include/covalue/core/network/*.hpp).
// Rationals are exact strings ("7/2"); ids are integers; enums are snake_case names.

import type { BallotFormat, CycleState, Role } from './generated/enum_names';

export type { BallotFormat } from './generated/enum_names';

export type Rational = string;

export interface Session {
  role: Role;
  partner?: number | null;
  partner_name?: string | null;
  name?: string;
  network?: string;
  /** The person the sign-in stands for; null for a token issued to no person (it has no inbox). */
  person?: number | null;
  /** True for coordinators and for a representative whose partner coordinates by the charter's rotation. */
  coordinating?: boolean;
  /** The person's own language ("en", "de", "pl"); null for a token issued to no person. */
  language?: string | null;
}

/** A network of the database, as an administrator lists them. */
export interface NetworkSummary {
  id: number;
  name: string;
}

/** POST /api/networks: the new network and its first coordinator's token (the secret shown once). */
export interface CreatedNetwork extends NetworkSummary {
  coordinator: { id: number; role: Role; label: string; secret: string };
}

export interface Partner {
  id: number;
  name: string;
  tier: string;
  joined_cycle: number;
  left_cycle?: number | null;
}

export interface Impact {
  partner: number;
  estimate: Rational;
}

export interface Initiative {
  id: number;
  title: string;
  description: string;
  channel: string;
  proposer: number;
  cost: Rational;
  impacts: Impact[];
  objectives?: number[];
  /** Partners that offered to lead it (accepted). */
  volunteers: number[];
  /** Partners a coordinator named to lead it: they lead only once they accept. */
  nominees?: number[];
  status: string;
  /** Still up for decision (proposed or carried over), as the server's `Initiative::undecided()` says. */
  undecided: boolean;
  cycle: number;
  lead?: number | null;
  network_value?: Rational;
}

export interface Cycle {
  number: number;
  state: CycleState;
  capacity: Rational;
  rule: string;
  shortlist: number[];
  /** When proposals close and when voting closes: UTC ISO times, or null when none is set. */
  proposals_close_at?: string | null;
  voting_closes_at?: string | null;
}

export interface BallotEntry {
  initiative: number;
  value: Rational;
}

export interface Objection {
  initiative: number;
  reason: string;
}

export interface PartnerBallot {
  cycle: number;
  partner: number;
  format: BallotFormat;
  entries: BallotEntry[];
  objections: Objection[];
  /** The partner whose representative cast it as this partner's proxy (a delegation). */
  cast_by?: number;
}

/** A partner's ballot for one cycle handed to another member partner, its proxy. */
export interface Delegation {
  cycle: number;
  partner: number;
  proxy: number;
  created_at: string;
}

/** How many member partners have voted (delegated ballots count) against the charter's close_turnout_warning. */
export interface Turnout {
  cycle: number;
  members: number;
  voted: number;
  delegated: number;
  close_turnout_warning: number;
  below: boolean;
  summary: string;
}

export interface InitiativeDecision {
  initiative: number;
  selected: boolean;
  reason: string;
  explanation: string;
  /** For a left-out initiative, the rules that keep it out: capacity, deopt_share:ID,
   * protected_net_value:ID, support, rule. */
  binding?: string[];
  /** How much network value the best selection that includes it loses (exact), or null. */
  value_forgone?: Rational | null;
}

export interface PartnerResult {
  partner: number;
  weight: Rational;
  estimated_value: Rational;
  deoptimisation: Rational;
  transfer: Rational;
  net_value: Rational;
  allocation: Rational;
  supported: number;
  supported_selected: number;
  voted: boolean;
  dry: boolean;
  dry_spell: number;
  protected_partner: boolean;
}

export interface LeadAssignment {
  initiative: number;
  lead?: number | null;
  volunteer: boolean;
}

export interface CycleOutcome {
  cycle: number;
  rule: string;
  capacity: Rational;
  spent: Rational;
  network_value: Rational;
  decisions: InitiativeDecision[];
  partners: PartnerResult[];
  leads: LeadAssignment[];
  sharing?: {
    policy: string;
    method: string;
    error_bound?: Rational;
    samples?: number;
    in_core: string;
    blocking_coalition?: number[];
  };
  network_fair?: {
    status: string;
    objective: Rational;
    solver_bound: Rational;
    proven_bound: Rational;
    gap: Rational;
    nodes: number;
    rechecked: boolean;
    solver?: string;
    note?: string;
  } | null;
  consensus?: {
    rule: string;
    ranking: number[][]; // tiers, best first; a tier holds tied initiatives
    condorcet_winner?: number | null;
    majority_cycle?: number[];
    agreement_index: Rational;
  } | null;
  notes: string[];
}

/** A report table, as the server sends it: rows keyed by column name. */
export interface ReportTable {
  key: string;
  title: string;
  columns: string[];
  rows: Record<string, unknown>[];
  notes: string[];
}

export interface Report {
  name: string;
  summary: Record<string, unknown>;
  tables: ReportTable[];
}

export interface ScorecardEntry {
  initiative: number;
  score?: Rational | null;
  rank: number;
  scorers?: number;
}

/** GET /api/network: the charter (apps/server api_schemas "Charter"). */
export interface Charter {
  name: string;
  capacity: Rational;
  rule: string;
  fairness: { max_dry_spell: number; max_deopt_share: Rational; perpetual_weighting: boolean; weight_policy?: string; weight_absence?: string };
  sharing: string;
  leadership: { max_concurrent_leads: number };
  ranking_rule: string;
  disclosure: string;
  /** The unit every value is counted in: a currency code or "value points" (absent from servers that do not state it). */
  unit?: string;
  /** At a deadline: "remind" the coordinator, or "auto": the server moves the cycle itself. */
  deadline_action?: string;
  /** Closing with fewer member partners voted than this percentage must be confirmed (0: never asks). */
  close_turnout_warning?: number;
  reminder_hours?: string;
  /** How the charter changes: "coordinator" (directly), "consent" or "majority" (charter proposals). */
  amendment_rule?: string;
  amendment_majority?: Rational;
  amendment_window_hours?: Rational;
  /** Who coordinates: "fixed", or "rotation" or "election" among willing partners. */
  coordination?: string;
  coordination_term?: number;
  /** Score ballots: each score from 0 (no support) up to this (exact). */
  score_max?: Rational;
  /** Points ballots: the points one ballot may give in all; "0" for no fixed budget. */
  points_budget?: Rational;
}

/** A proposed change to the charter, decided by the partners (GET /api/charter/proposals). */
export interface CharterProposal {
  id: number;
  state: 'open' | 'adopted' | 'rejected' | 'withdrawn';
  revision: number;
  /** Each changed field (charter names: "capacity", "fairness.max_dry_spell"), its value now (while open) and the proposed one. */
  changes: { field: string; from: string | null; to: string }[];
  rationale: string;
  proposer: number | null;
  proposed_by: string;
  opened_at: string;
  window_ends_at: string;
  decided_at: string | null;
  result: string;
  amendment_rule: string;
  positions: { partner: number; position: 'agree' | 'abstain' | 'object'; reason: string; at: string }[];
}

/** GET /api/coordination: who coordinates now. */
export interface Coordination {
  mode: string;
  term_cycles: number;
  current: { first_cycle: number; partner: number; name: string } | null;
  next_turn: number | null;
  willing: number[];
  /** Terms the current partner has held, this one too. */
  past_terms: number;
  /** Under election: the open election, else the last one decided. */
  election: CoordinatorElection | null;
}

/** An election of the coordinating partner (charter coordination: election). */
export interface CoordinatorElection {
  id: number;
  term_cycle: number;
  state: 'open' | 'decided';
  opened_at: string;
  window_ends_at: string;
  decided_at: string | null;
  elected: number | null;
  result: string;
  votes: { voter: number; candidate: number; at: string }[];
}

/** A partner's objective: a KPI with a baseline and a target. */
export interface Objective {
  id: number;
  partner: number;
  kpi: string;
  name: string;
  unit: string;
  baseline: Rational;
  target: Rational;
}

/** One KPI reading of an objective after a closed cycle. */
export interface KpiMeasurement {
  cycle: number;
  objective: number;
  value: Rational;
}

/** What an initiative selected in a cycle realised for a partner. */
export interface RealisedValue {
  cycle: number;
  initiative: number;
  partner: number;
  target?: Rational | null;
  forecast?: Rational | null;
  actual: Rational;
}

/** An access token as listed (never its secret). */
export interface AccessToken {
  id: number;
  role: Role;
  partner?: number | null;
  /** The person the token was issued to (its role and partner are the person's). */
  person?: number | null;
  label: string;
  issued_at: string;
  revoked: boolean;
}

/** POST /api/tokens: the token and its secret, shown once. */
export interface IssuedToken extends AccessToken {
  secret: string;
}

/** GET /api/people: someone who acts for a partner or for the network; e-mail only where the caller may see it. */
export interface Person {
  id: number;
  name: string;
  email?: string;
  partner: number | null;
  role: string;
  time_zone: string;
  language: string;
}

export interface AuditEntry {
  sequence: number;
  time: string;
  actor: string;
  action: string;
  detail: string;
  previous_hash: string;
  hash: string;
}

export interface AuditVerification {
  entries: number;
  intact: boolean;
  first_broken?: number | null;
  problem: string;
}

/** One notification of the signed-in person's inbox (GET /inbox). */
export interface InboxItem {
  id: number;
  kind: string;
  cycle: number | null;
  partner: number | null;
  occurred_at: string;
  read_at: string | null;
  subject: string;
  paragraphs: string[];
  facts: { label: string; value: string }[];
  link: string;
}

export interface Inbox {
  unread: number;
  items: InboxItem[];
  next_before: number | null;
}

/** A webhook events are POSTed to (its secret is never sent back). */
export interface Webhook {
  id: number;
  url: string;
  format: string;
  events: string[];
  created_at: string;
  removed?: boolean;
}

/** One delivery of the outbox (the dead letters: state "dead"). */
export interface Delivery {
  id: number;
  event: number;
  person: number | null;
  webhook: number | null;
  channel: string;
  key: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string;
  delivered_at: string | null;
}

/** A mean over simulated networks with its 95% confidence interval (apps/server api_schemas "SimulationInterval"). */
export interface SimulationInterval {
  mean: number;
  low: number;
  high: number;
}

/** One charter's predictions in a what-if (api_schemas "SimulationPolicy"). */
export interface SimulationPolicy {
  name: string;
  measures: Record<string, SimulationInterval>;
  per_cycle: { survival: SimulationInterval[]; network_value: SimulationInterval[] };
}

/** A paired comparison of the changed charter against the current one, on the same simulated futures. */
export interface SimulationPair {
  measure: string;
  difference: SimulationInterval;
  p_value: number;
  wins: number;
  losses: number;
  ties: number;
}

/** GET /api/simulations/{id}: a what-if simulation (api_schemas "Simulation"). */
export interface Simulation {
  id: number;
  state: 'queued' | 'running' | 'done' | 'cancelled' | 'failed';
  progress: { done: number; total: number };
  queue_position: number | null;
  cancel_requested: boolean;
  networks: number;
  cycles: number;
  seed: number;
  current: Charter;
  changed: Charter;
  created_at: string;
  finished_at: string | null;
  seconds: number | null;
  error: string | null;
  results?: { start?: { partners: number; closed_cycles: number }; policies: SimulationPolicy[]; paired: SimulationPair[] } | null;
}

// Discussion, follow and activity (GET /threads/{subject}/{id}/comments, GET /activity).
export type SubjectKind = 'initiative' | 'cycle' | 'charter_proposal';

export interface ThreadComment {
  id: number;
  subject_kind: SubjectKind;
  subject_id: number;
  parent: number | null;
  kind: 'comment' | 'objection';
  author: number | null;
  partner: number | null;
  author_name: string;
  body: string;
  mentions: { kind: 'partner' | 'person'; id: number; name: string }[];
  created_at: string;
  edited_at: string | null;
  state: 'visible' | 'deleted' | 'hidden' | 'withdrawn';
  hidden_reason: string | null;
  depth: number;
  own: boolean;
  revisions: number;
}

export interface Thread {
  subject_kind: SubjectKind;
  subject_id: number;
  following: boolean;
  /** How many comments the whole thread has; a page holds some of them. */
  total: number;
  /** More follow: the `after` of the next page (this page's last comment). */
  next_after: number | null;
  comments: ThreadComment[];
}

export interface CommentHistory {
  comment: ThreadComment;
  revisions: { revision: number; body: string; replaced_at: string }[];
}

export interface ActivityItem {
  id: number;
  occurred_at: string;
  kind: string;
  subject_kind: SubjectKind;
  subject_id: number;
  partner: number | null;
  actor: string;
  details: Record<string, unknown>;
}

export interface ActivityPage {
  last_seen: number;
  unseen: number;
  items: ActivityItem[];
  next_before: number | null;
}

/** A lead's progress update; a move of the delivery status is one too (with `status`). */
export interface InitiativeUpdate {
  id: number;
  initiative: number;
  text: string;
  posted_at: string;
  partner?: number | null;
  person?: number | null;
  author: string;
  status?: string | null;
}

/** A milestone of a selected initiative's delivery (due_date YYYY-MM-DD). */
export interface Milestone {
  id: number;
  initiative: number;
  title: string;
  due_date: string;
  done: boolean;
  done_at?: string | null;
}

/** One partner's line: its estimate against what the lead recorded and what a coordinator confirmed. */
export interface PartnerValueLine {
  partner: number;
  partner_name: string;
  estimate: Rational;
  target?: Rational | null;
  forecast?: Rational | null;
  actual?: Rational | null;
  unconfirmed?: Rational | null;
}

/** GET /api/initiatives/{id}/delivery. */
export interface InitiativeDelivery {
  initiative: Initiative;
  lead_name: string;
  blocked_reason: string;
  milestones: Milestone[];
  updates: InitiativeUpdate[];
  values: PartnerValueLine[];
  actuals_due: boolean;
  may_report: boolean;
  may_confirm: boolean;
  unit: string;
}

/** One selected initiative of GET /api/cycles/{n}/delivery. */
export interface DeliveryRow {
  initiative: number;
  title: string;
  lead?: number | null;
  lead_name: string;
  status: string;
  milestones_done: number;
  milestones_total: number;
  actuals_recorded: boolean;
  actuals_due: boolean;
}

/** GET /api/cycles/{n}/delivery. */
export interface CycleDelivery {
  cycle: number;
  selected: number;
  delivered: number;
  blocked: number;
  in_progress: number;
  milestones_done: number;
  milestones_total: number;
  actuals_due: number;
  actuals_due_cycles: number;
  initiatives: DeliveryRow[];
}

/** GET /api/partners/{id}/leads: what a partner leads or led. */
export interface LeadRecord {
  initiative: number;
  title: string;
  cycle: number;
  status: string;
  estimated: Rational;
  realised: Rational;
}
