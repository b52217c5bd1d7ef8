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
import { rich } from '../components/rich';
import { useT } from '../lib/i18n';
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
  const t = useT();
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
          {t('cycle.markReviewed')}
        </button>
      )}
      {props.latest && (s === 'closed' || s === 'reviewed') && <OpenCycleButton />}
      <ErrorBox error={action.error} title={t('cycle.actionFailed')} />
    </div>
  );
}

function netChart(o: CycleOutcome, name: (id: number) => string, unit: string, t: (key: string) => string): ChartConfiguration {
  const rows = [...o.partners].sort((a, b) => num(b.net_value) - num(a.net_value));
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => name(r.partner)),
      datasets: [
        { label: t('cycle.estimatedValue'), data: rows.map((r) => num(r.estimated_value)), backgroundColor: '#c9d3df', borderRadius: 2 },
        { label: t('cycle.netAfterTransfers'), data: rows.map((r) => num(r.net_value)), backgroundColor: rows.map((r) => partnerColor(r.partner)), borderRadius: 2 },
      ],
    },
    options: { indexAxis: 'y', plugins: { legend: { position: 'bottom' } }, scales: { x: { title: { display: true, text: withUnit(t('cycle.value'), unit) } }, y: { ticks: { autoSkip: false } } } },
  };
}

/** Why an initiative was decided so: the binding rules as badges, the server's explanation, the value forgone. */
function Why(props: { decision: InitiativeDecision }) {
  const app = useApp();
  const d = props.decision;
  const badges = d.selected ? [] : (d.binding ?? []).map((key) => bindingBadge(key, app.partnerName));
  const t = useT();
  return (
    <>
      {badges.length > 0 && (
        <span class="binding">
          <span class="sr-only">{t('cycle.keptOutBy')} </span>
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
          {t('cycle.valueForgone')} <Num value={d.value_forgone} /> {app.unit}
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
  const t = useT();
  const chart = useMemo(() => netChart(o, app.partnerName, app.unit, t), [o, app.unit, t('cycle.value')]);
  const mine = o.partners.find((p) => p.partner === app.session.partner);
  return (
    <>
      <div class="kpis">
        <Kpi label={t('cycle.selected')} value={t('cycle.ofCount', { n: selected.length, total: decisions.length })} hint={t('cycle.initiatives')} />
        <Kpi label={t('cycle.capacitySpent')} value={`${fmt(o.spent)} / ${fmt(o.capacity)}`} hint={t('cycle.used', { share: Math.round((100 * num(o.spent)) / Math.max(num(o.capacity), 1e-9)) })} />
        <Kpi label={t('cycle.networkValue')} value={<Value value={o.network_value} />} hint={t('cycle.networkValueHint')} />
        {mine ? (
          <Kpi label={t('cycle.yourNetValue')} value={<Num value={mine.net_value} signed />} tone={num(mine.net_value) < 0 ? 'bad' : 'good'} hint={mine.dry ? t('cycle.dryCycle', { spell: mine.dry_spell }) : t('cycle.afterTransfers')} />
        ) : (
          <Kpi label={t('cycle.rule')} value={<span class="kpi-text">{label(o.rule)}</span>} />
        )}
      </div>
      <Card title={t('cycle.selection')} id="selection" extra={<span class="muted small">{t('cycle.selectionNote')}</span>}>
        <Table class="decisions stack-on-phone" columns={[t('cycle.col.initiative'), t('cycle.col.decision'), right(t('cycle.col.cost')), right(t('cycle.col.networkValue')), t('cycle.col.lead'), t('cycle.col.why')]}>
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
                <td data-label={t('cycle.col.decision')}>
                  <Badge value={d.reason} kind={d.selected ? 'selected' : d.reason === 'not_chosen' ? 'carried_over' : 'rejected'} />
                </td>
                <NumCell value={i?.cost} label={t('cycle.col.cost')} />
                <NumCell value={i ? networkValue(i) : undefined} signed label={t('cycle.col.networkValue')} />
                <td data-label={t('cycle.col.lead')} class={lead?.lead || d.selected ? '' : 'empty-cell'}>
                  {lead?.lead ? (
                    <>
                      <PartnerChip id={lead.lead} />
                      {lead.volunteer && <span class="tag">{t('cycle.volunteer')}</span>}
                    </>
                  ) : d.selected ? (
                    <span class="muted">{t('cycle.noFreeLead')}</span>
                  ) : (
                    ''
                  )}
                </td>
                <td class="explanation" data-label={t('cycle.col.why')}>
                  <Why decision={d} />
                </td>
              </tr>
            );
          })}
        </Table>
        <Withdrawn initiatives={withdrawnFrom(o.cycle, props.initiatives)} />
      </Card>
      <Delivery outcome={o} initiatives={props.initiatives} />
      <Card title={t('cycle.perPartner')} extra={<span class="muted small">{t('cycle.perPartnerNote')}</span>}>
        <Table class="compact stack-on-phone" columns={[t('cycle.col.partner'), ...resultColumns()]}>
          {[...o.partners]
            .sort((a, b) => num(b.net_value) - num(a.net_value))
            .map((p) => (
              <tr class={p.partner === app.session.partner ? 'me' : ''}>
                <td>
                  <PartnerChip id={p.partner} />
                  {p.protected_partner && <span class="tag warn" title={t('cycle.protectedTitle')}>{t('cycle.protected')}</span>}
                </td>
                <ResultCells row={p} />
              </tr>
            ))}
        </Table>
      </Card>
      <div class="grid-2">
        <Card title={t('cycle.netByPartner')} extra={<span class="muted small">{t('cycle.netByPartnerNote')}</span>}>
          <ChartView config={chart} height={Math.max(260, 24 * o.partners.length)} label={t('cycle.netByPartner')} testId="chart-cycle-net" category={t('cycle.col.partner')} />
        </Card>
      <Card title={t('cycle.certificate')} id="certificate">
        <dl class="facts">
          <dt>{t('cycle.rule')}</dt>
          <dd>
            <RuleName name={o.rule} text={label(o.rule)} />
          </dd>
          {o.sharing && (
            <>
              <dt>{t('cycle.sharing')}</dt>
              <dd>
                <RuleName name={o.sharing.policy} text={label(o.sharing.policy)} /> ({o.sharing.method}
                {o.sharing.error_bound && num(o.sharing.error_bound) > 0 ? `, ±${fmt(num(o.sharing.error_bound) * 100)}%` : ''})
              </dd>
              <dt>
                <Term k="in-the-core" />
              </dt>
              <dd>
                {o.sharing.in_core}
                {o.sharing.blocking_coalition?.length ? <> — {t('cycle.blockingCoalition')} {o.sharing.blocking_coalition.map((p) => <PartnerChip id={p} />)}</> : null}
              </dd>
            </>
          )}
          {o.network_fair && (
            <>
              <dt>{t('cycle.solvedBy')}</dt>
              <dd>
                {o.network_fair.solver || t('cycle.ilpSolver')}: {o.network_fair.status === 'optimal' ? t('cycle.provenOptimal') : t('cycle.stoppedAtLimit')}
                {o.network_fair.note ? <div class="muted small">{o.network_fair.note}</div> : null}
              </dd>
              <dt>{t('cycle.valueOfSelection')}</dt>
              <dd>
                <span>
                  <Num value={o.network_fair.objective} /> {app.unit}{' '}
                  <span class="muted small" title={t('cycle.gapTitle', { gap: o.network_fair.gap })}>
                    {num(o.network_fair.gap) === 0
                      ? t('cycle.gapZero')
                      : fmt(num(o.network_fair.gap)) === '0'
                        ? t('cycle.gapTiny', { tiny: fmt(0.01) })
                        : t('cycle.gapAtMost', { gap: fmt(num(o.network_fair.gap)) })}
                  </span>
                </span>
              </dd>
              <dt>{t('cycle.bounds')}</dt>
              <dd>
                <ul class="bounds">
                  <li>
                    {t('cycle.solverBound')} <Num value={o.network_fair.solver_bound} />
                  </li>
                  <li>
                    {t('cycle.ownBound')} <Num value={o.network_fair.proven_bound} />
                  </li>
                </ul>
                <div class="muted small">{t('cycle.gapNote')}</div>
              </dd>
              <dt>{t('cycle.rechecked')}</dt>
              <dd>
                <YesNo value={o.network_fair.rechecked} />
              </dd>
            </>
          )}
        </dl>
        {o.consensus && o.consensus.ranking?.length > 0 && (
          <div class="consensus">
            <p class="muted small">
              {t('cycle.consensus', { rule: label(o.consensus.rule) })} <Term k="agreement-index">{t('cycle.agreementIndex')}</Term> <AgreementIndex value={o.consensus.agreement_index} />
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
          <p class="muted small notes-title">{t('cycle.howDecided')}</p>
          <ol class="notes">
            {o.notes.map((n) => (
              <li>{n}</li>
            ))}
          </ol>
          </>
        ) : (
          <p class="muted">{t('cycle.noNotes')}</p>
        )}
      </Card>
      </div>
    </>
  );
}

/** The initiatives of a cycle that were withdrawn (taken off its ballot while it voted), linked. */
function Withdrawn(props: { initiatives: Initiative[] }) {
  const t = useT();
  if (!props.initiatives.length) return null;
  return (
    <p class="muted small withdrawn-list" data-testid="withdrawn">
      {t('cycle.withdrawn')}{' '}
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
  const t = useT();
  return (
    <Card title={t('cycle.delegations')} id="delegations" extra={<span class="muted small">{t('cycle.delegationsNote')}</span>}>
      {props.delegations.length === 0 ? (
        <p class="muted small">{t('cycle.noDelegations')}</p>
      ) : (
        <Table class="compact stack-on-phone" columns={[t('cycle.col.partner'), t('cycle.col.proxy')]}>
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
  const t = useT();
  return (
    <div class="grid-side wide-main">
      <Card title={t('cycle.candidatesCount', { count: props.candidates.length })}>
        {props.candidates.length === 0 ? (
          <Empty title={t('cycle.noCandidates')}>
            {isRepresentative(app.session) ? (
              <>{rich(t('cycle.proposeOne'), { a: (s) => <a href="/initiatives/new">{s}</a> })}</>
            ) : (
              t('cycle.representativesPropose')
            )}
          </Empty>
        ) : (
          <Table class="compact candidates stack-on-phone" columns={[t('cycle.col.initiative'), t('cycle.col.proposer'), right(t('cycle.col.cost')), right(t('cycle.col.networkValue'))]}>
            {props.candidates.map((i) => (
              <tr>
                <td>
                  <a href={`/initiatives/${i.id}`}>{i.title}</a>
                  {offBallot && (
                    <a class="row-action danger-link" href={`/initiatives/${i.id}#withdraw`} data-action="take-off-ballot">
                      {t('cycle.takeOff')}<span class="sr-only"> {i.title}</span>
                    </a>
                  )}
                </td>
                <td data-label={t('cycle.col.proposer')}>
                  <PartnerChip id={i.proposer} />
                </td>
                <NumCell value={i.cost} label={t('cycle.col.cost')} />
                <NumCell value={networkValue(i)} signed label={t('cycle.col.networkValue')} />
              </tr>
            ))}
          </Table>
        )}
        <Withdrawn initiatives={props.withdrawn} />
      </Card>
      <Card title={t('cycle.whatNow')}>
        {c.state === 'proposing' && <p>{t('cycle.proposingNow')}</p>}
        {c.state === 'voting' && (
          <>
            <p>
              {t('cycle.votingOpen')} {isRepresentative(app.session) && <a href="/ballot">{t('cycle.castOrChange')}</a>}
            </p>
            {props.ballots.length > 0 && (
              <p class="muted">
                {t('cycle.ballotsVisible', { count: props.ballots.length })}
              </p>
            )}
            <p class="muted small">{t('cycle.whenClosed', { rule: label(c.rule), capacity: fmt(c.capacity) })}</p>
            {isCoordinator(app.session) && (
              <p class="muted small">
                {t('cycle.takeOffNote')}
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
  const t = useT();
  return (
    <>
      <p class="crumbs">
        <a href="/cycles">{t('layout.nav.cycles')}</a> / {props.number}
      </p>
      <ErrorBox error={data.error} title={t('cycle.loadFailed')} onRetry={data.reload} />
      {data.loading && !d && <Loading what={t('cycle.loadingCycle', { cycle: props.number })} />}
      {d && (
        <>
          <PageHeader
            title={t('cycle.title', { cycle: d.cycle.number })}
            subtitle={
              <>
                <Badge value={d.cycle.state} /> {label(d.cycle.rule)} · {t('ballot.capacity')} <Num value={d.cycle.capacity} />
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
          <ThreadCard kind="cycle" id={d.cycle.number} what={t('cycle.loadingCycle', { cycle: d.cycle.number })} />
        </>
      )}
    </>
  );
}
