// One cycle: its state and, for the coordinator, the next step; once closed, the outcome with
// the decision on each initiative and why, per-partner net values, transfers, leads and the certificate.

import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import { ThreadCard } from '../components/thread';
import { ChartView } from '../components/chart';
import { Delivery } from '../components/delivery';
import { ResultCells, resultColumns } from '../components/partner-result';
import { CloseCycleButton } from '../components/close-cycle';
import { DeadlinesCard, StartVoting } from '../components/deadlines';
import { RuleName, Term } from '../components/term';
import { AgreementIndex, Badge, Card, Empty, ErrorBox, Kpi, Loading, Num, NumCell, PageHeader, PartnerChip, right, Table, Value, YesNo } from '../components/ui';
import { get, post } from '../lib/api';
import { partnerColor } from '../lib/colors';
import { isCoordinator, isRepresentative, list, useApp } from '../lib/context';
import { candidatesOf, loadCycles } from '../lib/cycles';
import { unwrapOutcome } from '../lib/dashboard';
import { bindingBadge } from '../lib/decisions';
import { useAction, useAsync } from '../lib/hooks';
import { networkValue } from '../lib/initiatives';
import { label } from '../lib/names';
import { fmt, num } from '../lib/rational';
import { withUnit } from '../lib/units';
import type { Cycle, CycleOutcome, Delegation, Initiative, InitiativeDecision, PartnerBallot } from '../lib/types';
import { OpenCycleButton } from './cycles';

async function loadCycle(n: number) {
  const [cycles, initiatives] = await Promise.all([loadCycles(), get<any>('/initiatives').then((r) => list<Initiative>(r, 'initiatives'))]);
  const cycle = cycles.find((c) => c.number === n);
  if (!cycle) {
    const raw = await get<any>(`/cycles/${n}`);
    return { cycle: (raw.cycle ?? raw) as Cycle, latest: true, initiatives, outcome: undefined, ballots: [] as PartnerBallot[], delegations: [] as Delegation[] };
  }
  const decided = cycle.state === 'closed' || cycle.state === 'reviewed';
  const open = cycle.state === 'proposing' || cycle.state === 'voting';
  const [outcome, ballots, delegations] = await Promise.all([
    decided ? get<any>(`/cycles/${n}/outcome`).then(unwrapOutcome) : Promise.resolve(undefined),
    cycle.state === 'voting' ? get<any>(`/cycles/${n}/ballots`).then((r) => list<PartnerBallot>(r, 'ballots')).catch(() => []) : Promise.resolve([]),
    open ? get<Delegation[]>(`/cycles/${n}/delegations`).catch(() => [] as Delegation[]) : Promise.resolve([] as Delegation[]),
  ]);
  return { cycle, latest: cycles[cycles.length - 1]?.number === n, initiatives, outcome: outcome as CycleOutcome | undefined, ballots, delegations };
}

function CoordinatorActions(props: { cycle: Cycle; latest: boolean; onDone: () => void }) {
  const action = useAction();
  const step = (path: string) => async () => {
    if (await action.run(() => post(`/cycles/${props.cycle.number}/${path}`))) props.onDone();
  };
  const s = props.cycle.state;
  return (
    <div class="coordinator-actions">
      {s === 'proposing' && (
<StartVoting cycle={props.cycle} onDone={props.onDone} />
      )}
      {s === 'voting' && (
        <CloseCycleButton
          cycle={props.cycle}
          busy={action.busy}
          onClose={async (confirmLowTurnout) => {
            if (await action.run(() => post(`/cycles/${props.cycle.number}/close`, { confirm_low_turnout: confirmLowTurnout }))) props.onDone();
          }}
        />
      )}
      {s === 'closed' && (
        <button class="btn" data-action="review" disabled={action.busy} onClick={step('review')}>
          Mark reviewed
        </button>
      )}
      {props.latest && (s === 'closed' || s === 'reviewed') && <OpenCycleButton />}
      <ErrorBox error={action.error} title="The coordinator action failed" />
    </div>
  );
}

function netChart(o: CycleOutcome, name: (id: number) => string, unit: string): ChartConfiguration {
  const rows = [...o.partners].sort((a, b) => num(b.net_value) - num(a.net_value));
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => name(r.partner)),
      datasets: [
        { label: 'Estimated value', data: rows.map((r) => num(r.estimated_value)), backgroundColor: '#c9d3df', borderRadius: 2 },
        { label: 'Net value (after transfers)', data: rows.map((r) => num(r.net_value)), backgroundColor: rows.map((r) => partnerColor(r.partner)), borderRadius: 2 },
      ],
    },
    options: { indexAxis: 'y', plugins: { legend: { position: 'bottom' } }, scales: { x: { title: { display: true, text: withUnit('value', unit) } }, y: { ticks: { autoSkip: false } } } },
  };
}

/** Why an initiative was decided so: the binding rules as badges, the server's explanation, the value forgone. */
function Why(props: { decision: InitiativeDecision }) {
  const app = useApp();
  const d = props.decision;
  const badges = d.selected ? [] : (d.binding ?? []).map((key) => bindingBadge(key, app.partnerName));
  return (
    <>
      {badges.length > 0 && (
        <span class="binding">
          <span class="sr-only">Kept out by: </span>
          {badges.map((b) => (
            <span class={`badge binding-${b.tone}`} data-binding={b.key} title={b.hint}>
              {b.text}
            </span>
          ))}
        </span>
      )}
      <span class="why-text">{d.explanation}</span>
      {!d.selected && d.value_forgone != null && (
        <span class="forgone" data-testid="value-forgone">
          Value forgone: <Num value={d.value_forgone} /> {app.unit}
        </span>
      )}
    </>
  );
}

function Outcome(props: { outcome: CycleOutcome; initiatives: Initiative[] }) {
  const app = useApp();
  const o = props.outcome;
  const byId = new Map(props.initiatives.map((i) => [i.id, i]));
  const decisions = [...o.decisions].sort((a, b) => Number(b.selected) - Number(a.selected) || a.initiative - b.initiative);
  const selected = decisions.filter((d) => d.selected);
  const chart = useMemo(() => netChart(o, app.partnerName, app.unit), [o, app.unit]);
  const mine = o.partners.find((p) => p.partner === app.session.partner);
  return (
    <>
      <div class="kpis">
        <Kpi label="Selected" value={`${selected.length} of ${decisions.length}`} hint="initiatives" />
        <Kpi label="Capacity spent" value={`${fmt(o.spent)} / ${fmt(o.capacity)}`} hint={`${Math.round((100 * num(o.spent)) / Math.max(num(o.capacity), 1e-9))}% used`} />
        <Kpi label="Network value" value={<Value value={o.network_value} />} hint="estimated, of the selection" />
        {mine ? (
          <Kpi label="Your net value" value={<Num value={mine.net_value} signed />} tone={num(mine.net_value) < 0 ? 'bad' : 'good'} hint={mine.dry ? `dry cycle · dry spell ${mine.dry_spell}` : 'after transfers'} />
        ) : (
          <Kpi label="Rule" value={<span class="kpi-text">{label(o.rule)}</span>} />
        )}
      </div>
      <Card title="Selection" id="selection" extra={<span class="muted small">each initiative's decision and why</span>}>
        <Table class="decisions stack-on-phone" columns={['Initiative', 'Decision', right('Cost'), right('Network value'), 'Lead', 'Why']}>
          {decisions.map((d) => {
            const i = byId.get(d.initiative);
            const lead = o.leads.find((l) => l.initiative === d.initiative);
            return (
              <tr data-decision={d.initiative} class={d.selected ? 'selected-row' : ''}>
                <td>
                  <a class="strong" href={`/initiatives/${d.initiative}`}>
                    {i?.title ?? `#${d.initiative}`}
                  </a>
                </td>
                <td data-label="Decision">
                  <Badge value={d.reason} kind={d.selected ? 'selected' : d.reason === 'not_chosen' ? 'carried_over' : 'rejected'} />
                </td>
                <NumCell value={i?.cost} label="Cost" />
                <NumCell value={i ? networkValue(i) : undefined} signed label="Network value" />
                <td data-label="Lead" class={lead?.lead || d.selected ? '' : 'empty-cell'}>
                  {lead?.lead ? (
                    <>
                      <PartnerChip id={lead.lead} />
                      {lead.volunteer && <span class="tag">volunteer</span>}
                    </>
                  ) : d.selected ? (
                    <span class="muted">no free lead</span>
                  ) : (
                    ''
                  )}
                </td>
                <td class="explanation" data-label="Why">
                  <Why decision={d} />
                </td>
              </tr>
            );
          })}
        </Table>
        <Withdrawn initiatives={withdrawnFrom(o.cycle, props.initiatives)} />
      </Card>
      <Delivery outcome={o} initiatives={props.initiatives} />
      <Card title="Per-partner result" extra={<span class="muted small">weights, transfers, dry spells</span>}>
        <Table class="compact stack-on-phone" columns={['Partner', ...resultColumns()]}>
          {[...o.partners]
            .sort((a, b) => num(b.net_value) - num(a.net_value))
            .map((p) => (
              <tr class={p.partner === app.session.partner ? 'me' : ''}>
                <td>
                  <PartnerChip id={p.partner} />
                  {p.protected_partner && <span class="tag warn" title="its dry spell had reached k: protected this cycle">protected</span>}
                </td>
                <ResultCells row={p} />
              </tr>
            ))}
        </Table>
      </Card>
      <div class="grid-2">
        <Card title="Net value by partner" extra={<span class="muted small">estimated, and after transfers</span>}>
          <ChartView config={chart} height={Math.max(260, 24 * o.partners.length)} label="Net value by partner" testId="chart-cycle-net" category="Partner" />
        </Card>
      <Card title="Certificate and notes" id="certificate">
        <dl class="facts">
          <dt>Rule</dt>
          <dd>
            <RuleName name={o.rule} text={label(o.rule)} />
          </dd>
          {o.sharing && (
            <>
              <dt>Sharing</dt>
              <dd>
                <RuleName name={o.sharing.policy} text={label(o.sharing.policy)} /> ({o.sharing.method}
                {o.sharing.error_bound && num(o.sharing.error_bound) > 0 ? `, ±${fmt(num(o.sharing.error_bound) * 100)}%` : ''})
              </dd>
              <dt>
                <Term k="in-the-core" />
              </dt>
              <dd>
                {o.sharing.in_core}
                {o.sharing.blocking_coalition?.length ? <> — blocking coalition: {o.sharing.blocking_coalition.map((p) => <PartnerChip id={p} />)}</> : null}
              </dd>
            </>
          )}
          {o.network_fair && (
            <>
              <dt>Solved by</dt>
              <dd>
                {o.network_fair.solver || 'the ILP solver'}: {o.network_fair.status === 'optimal' ? 'proven optimal' : 'stopped at its limit'}
                {o.network_fair.note ? <div class="muted small">{o.network_fair.note}</div> : null}
              </dd>
              <dt>Value of the selection</dt>
              <dd>
                <span>
                  <Num value={o.network_fair.objective} /> {app.unit}{' '}
                  <span class="muted small" title={`gap ${o.network_fair.gap}`}>
                    {num(o.network_fair.gap) === 0
                      ? '— nothing better exists (gap 0)'
                      : fmt(num(o.network_fair.gap)) === '0'
                        ? '— less than 0.01 below the best possible'
                        : `— at most ${fmt(num(o.network_fair.gap))} below the best possible`}
                  </span>
                </span>
              </dd>
              <dt>Bounds on the best possible</dt>
              <dd>
                <ul class="bounds">
                  <li>
                    the solver's: <Num value={o.network_fair.solver_bound} />
                  </li>
                  <li>
                    covalue's own, exact, from the capacity alone: <Num value={o.network_fair.proven_bound} />
                  </li>
                </ul>
                <div class="muted small">The gap is measured to the lower of the two; the capacity bound ignores the fairness rules, so it can be higher.</div>
              </dd>
              <dt>Re-checked exactly</dt>
              <dd>
                <YesNo value={o.network_fair.rechecked} />
              </dd>
            </>
          )}
        </dl>
        {o.consensus && o.consensus.ranking?.length > 0 && (
          <div class="consensus">
            <p class="muted small">
              Consensus ranking of the ballots ({label(o.consensus.rule)}), <Term k="agreement-index">agreement index</Term> <AgreementIndex value={o.consensus.agreement_index} />
            </p>
            <ol>
              {o.consensus.ranking.map((tier) => (
                <li>{tier.map((id) => byId.get(id)?.title ?? `#${id}`).join(' = ')}</li>
              ))}
            </ol>
          </div>
        )}
        {o.notes?.length ? (
          <>
          <p class="muted small notes-title">How the decision was made</p>
          <ol class="notes">
            {o.notes.map((n) => (
              <li>{n}</li>
            ))}
          </ol>
          </>
        ) : (
          <p class="muted">No notes.</p>
        )}
      </Card>
      </div>
    </>
  );
}

/** The initiatives of a cycle that were withdrawn (taken off its ballot while it voted), linked. */
function Withdrawn(props: { initiatives: Initiative[] }) {
  if (!props.initiatives.length) return null;
  return (
    <p class="muted small withdrawn-list" data-testid="withdrawn">
      Withdrawn or taken off the ballot, not decided:{' '}
      {props.initiatives.map((i, k) => (
        <>
          {k > 0 && ', '}
          <a href={`/initiatives/${i.id}`}>{i.title}</a>
        </>
      ))}
    </p>
  );
}

const withdrawnFrom = (n: number, initiatives: Initiative[]) => initiatives.filter((i) => i.cycle === n && i.status === 'withdrawn');

/** Who has handed its ballot to which proxy in this cycle (never how anyone voted). */
function Delegations(props: { delegations: Delegation[] }) {
  return (
    <Card title="Delegations" id="delegations" extra={<span class="muted small">ballots cast by a proxy</span>}>
      {props.delegations.length === 0 ? (
        <p class="muted small">No partner has delegated its ballot in this cycle.</p>
      ) : (
        <Table class="compact stack-on-phone" columns={['Partner', 'Proxy (casts its ballot)']}>
          {props.delegations.map((x) => (
            <tr data-delegation={x.partner}>
              <td>
                <PartnerChip id={x.partner} />
              </td>
              <td>
                <PartnerChip id={x.proxy} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}

function Pending(props: { cycle: Cycle; candidates: Initiative[]; withdrawn: Initiative[]; ballots: PartnerBallot[]; delegations: Delegation[] }) {
  const app = useApp();
  const c = props.cycle;
  const offBallot = c.state === 'voting' && isCoordinator(app.session);
  return (
    <div class="grid-side wide-main">
      <Card title={`Candidates (${props.candidates.length})`}>
        {props.candidates.length === 0 ? (
          <Empty title="No candidates yet">
            {isRepresentative(app.session) ? (
              <>
                <a href="/initiatives/new">Propose an initiative</a> for this cycle.
              </>
            ) : (
              'Representatives propose initiatives while the cycle is proposing.'
            )}
          </Empty>
        ) : (
          <Table class="compact candidates stack-on-phone" columns={['Initiative', 'Proposer', right('Cost'), right('Network value')]}>
            {props.candidates.map((i) => (
              <tr>
                <td>
                  <a href={`/initiatives/${i.id}`}>{i.title}</a>
                  {offBallot && (
                    <a class="row-action danger-link" href={`/initiatives/${i.id}#withdraw`} data-action="take-off-ballot">
                      Take off the ballot…<span class="sr-only"> {i.title}</span>
                    </a>
                  )}
                </td>
                <td data-label="Proposer">
                  <PartnerChip id={i.proposer} />
                </td>
                <NumCell value={i.cost} label="Cost" />
                <NumCell value={networkValue(i)} signed label="Network value" />
              </tr>
            ))}
          </Table>
        )}
        <Withdrawn initiatives={props.withdrawn} />
      </Card>
      <Card title="What happens now">
        {c.state === 'proposing' && <p>Partners propose initiatives. When the coordinator starts voting, each representative casts a ballot.</p>}
        {c.state === 'voting' && (
          <>
            <p>
              Voting is open. {isRepresentative(app.session) && <a href="/ballot">Cast or change your ballot →</a>}
            </p>
            {props.ballots.length > 0 && (
              <p class="muted">
                {props.ballots.length} ballot{props.ballots.length === 1 ? '' : 's'} visible to you.
              </p>
            )}
            <p class="muted small">When the coordinator closes the cycle, the {label(c.rule)} rule selects the portfolio within the capacity of {fmt(c.capacity)}.</p>
            {isCoordinator(app.session) && (
              <p class="muted small">
                A candidate that should not be decided (a duplicate, wrong figures) can be taken off the ballot with a reason: ballots that named it stop
                counting for it, the rest of each ballot stands.
              </p>
            )}
          </>
        )}
      </Card>
      {(isCoordinator(app.session) || props.delegations.length > 0) && <Delegations delegations={props.delegations} />}
    </div>
  );
}

export function CyclePage(props: { number: number }) {
  const app = useApp();
  const data = useAsync(() => loadCycle(props.number), [props.number]);
  const d = data.data;
  return (
    <>
      <p class="crumbs">
        <a href="/cycles">Cycles</a> / {props.number}
      </p>
      <ErrorBox error={data.error} title="The cycle could not be loaded" onRetry={data.reload} />
      {data.loading && !d && <Loading what={`cycle ${props.number}`} />}
      {d && (
        <>
          <PageHeader
            title={`Cycle ${d.cycle.number}`}
            subtitle={
              <>
                <Badge value={d.cycle.state} /> {label(d.cycle.rule)} · capacity <Num value={d.cycle.capacity} />
              </>
            }
            actions={isCoordinator(app.session) && <CoordinatorActions cycle={d.cycle} latest={d.latest} onDone={data.reload} />}
          />
          <DeadlinesCard cycle={d.cycle} coordinator={isCoordinator(app.session)} onChanged={data.reload} />
          {d.outcome ? <Outcome outcome={d.outcome} initiatives={d.initiatives} /> : <Pending
              cycle={d.cycle}
              candidates={candidatesOf(d.cycle, d.initiatives)}
              withdrawn={withdrawnFrom(d.cycle.number, d.initiatives)}
              ballots={d.ballots}
              delegations={d.delegations}
            />}
          <ThreadCard kind="cycle" id={d.cycle.number} what={`cycle ${d.cycle.number}`} />
        </>
      )}
    </>
  );
}
