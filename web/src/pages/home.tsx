// The page a signed-in person lands on. A representative sees what is asked of its partner now (propose,
// vote, leads to accept, actuals due, objections to its proposals) and how the partner stands: its value,
// who pays whom, its dry spell and protection, its leads and its retention risk. A coordinator sees what
// needs attention and the open cycle's turnout (who has voted, never how). Observers get the dashboard.

import type { ComponentChildren } from 'preact';
import { Deadlines, formatWhen, viewerZone } from '../components/deadlines';
import { Term } from '../components/term';
import { Card, ErrorBox, Kpi, Loading, Num, PageHeader, PartnerChip, right, Table, Value } from '../components/ui';
import { get } from '../lib/api';
import { isCoordinator, isRepresentative, list, useApp } from '../lib/context';
import { type Attention, type Home, type HomeTask, loadHome } from '../lib/home';
import { useAsync } from '../lib/hooks';
import { num, pct } from '../lib/rational';
import type { Cycle, Initiative } from '../lib/types';
import { fmtValue } from '../lib/units';
import { DashboardPage } from './dashboard';
import { RiskBadge } from './partners';

export function HomePage() {
  const app = useApp();
  if (isRepresentative(app.session)) return <RepresentativeHome />;
  if (isCoordinator(app.session)) return <CoordinatorHome />;
  return <DashboardPage />;
}

/** The home and the initiatives (their titles), loaded together. */
function useHome() {
  return useAsync(() => Promise.all([loadHome(), get<unknown>('/initiatives').then((r) => list<Initiative>(r, 'initiatives'))]), []);
}

/** One line of a to-do list: what, why, and the link that does it. */
function Item(props: { kind: string; done?: boolean; title: ComponentChildren; children?: ComponentChildren; href: string; action: string }) {
  return (
    <li class={'todo' + (props.done ? ' todo-done' : '')} data-kind={props.kind}>
      <span class="todo-mark" aria-hidden="true">
        {props.done ? '✓' : '•'}
      </span>
      <div class="todo-body">
        <div class="todo-title">{props.title}</div>
        {props.children}
      </div>
      <a class="btn small" href={props.href}>
        {props.action}
      </a>
    </li>
  );
}

function TaskItem(props: { task: HomeTask; cycle: Cycle | null; title: (id: number | null) => string; partner: string }) {
  const { task, cycle } = props;
  const open = cycle && cycle.number === task.cycle ? cycle : undefined;
  const named = `“${props.title(task.initiative)}”`;
  switch (task.kind) {
    case 'propose':
      return (
        <Item kind="propose" title={`Cycle ${task.cycle} takes proposals: propose what would improve the network`} href="/initiatives/new" action="Propose">
          <Deadlines cycle={open} compact />
        </Item>
      );
    case 'vote':
      return (
        <Item
          kind="vote"
          done={task.done}
          title={task.done ? `Your ballot in cycle ${task.cycle} is cast; you can change it until voting closes` : `Vote in cycle ${task.cycle}: ${props.partner}’s ballot is not cast yet`}
          href="/ballot"
          action={task.done ? 'Change the ballot' : 'Vote'}
        >
          <Deadlines cycle={open} compact />
        </Item>
      );
    case 'lead_nomination':
      return (
        <Item kind="lead_nomination" title={`The coordinator named ${props.partner} to lead ${named}: accept or decline`} href={`/initiatives/${task.initiative}#leading`} action="Answer" />
      );
    case 'actuals':
      return (
        <Item kind="actuals" title={`Actuals due for ${named} (cycle ${task.cycle})`} href={`/initiatives/${task.initiative}`} action="Open">
          <p class="muted small todo-text">Tell the coordinator what it realised for {props.partner}, so the cycle can be reviewed.</p>
        </Item>
      );
    case 'objection':
      return (
        <Item kind="objection" title={`A partner objected to ${props.partner}’s proposal ${named} in cycle ${task.cycle}`} href={`/cycles/${task.cycle}`} action="See why">
          <p class="muted small todo-text">Read the decision’s explanation and answer the objection before proposing it again.</p>
        </Item>
      );
  }
}

function Transfers(props: { home: Home; partner: number }) {
  const app = useApp();
  const { home } = props;
  if (home.transfers_cycle == null) return <p class="muted">No cycle has been decided yet.</p>;
  if (!home.transfers.length) return <p class="muted">No one paid or received a transfer in cycle {home.transfers_cycle}.</p>;
  const paid = home.transfers.filter((p) => p.from === props.partner).reduce((s, p) => s + num(p.amount), 0);
  const received = home.transfers.filter((p) => p.to === props.partner).reduce((s, p) => s + num(p.amount), 0);
  return (
    <>
      <p class="transfer-sum" data-testid="transfer-sum">
        {paid > 0 ? `In cycle ${home.transfers_cycle} ${app.partnerName(props.partner)} pays ${fmtValue(paid, app.unit)} in all.` : `In cycle ${home.transfers_cycle} ${app.partnerName(props.partner)} receives ${fmtValue(received, app.unit)} in all.`}
      </p>
      <Table class="compact transfers stack-on-phone" columns={['Who pays', 'Whom', right(`Amount (${app.unit})`)]}>
        {home.transfers.map((p) => (
          <tr data-from={p.from} data-to={p.to}>
            <td data-label="Who pays">
              <PartnerChip id={p.from} />
            </td>
            <td data-label="Whom">
              <PartnerChip id={p.to} />
            </td>
            <td class="right" data-label="Amount">
              <Value value={p.amount} />
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function RepresentativeHome() {
  const app = useApp();
  const data = useHome();
  const [home, initiatives] = data.data ?? [];
  const partner = app.session.partner!;
  const name = app.session.partner_name ?? app.partnerName(partner);
  const title = (id: number | null) => initiatives?.find((i) => i.id === id)?.title ?? `Initiative ${id}`;
  const s = home?.standing;
  const reasons = (s?.risk_reasons ?? '')
    .split(';')
    .map((r) => r.trim())
    .filter(Boolean);
  return (
    <>
      <PageHeader title={`Home of ${name}`} subtitle={`What ${name} is asked to do now, and how it stands in ${app.networkName || 'the network'}`} />
      <ErrorBox error={data.error} title="Your home page could not be loaded" onRetry={data.reload} />
      {data.loading && !home && <Loading what="what is asked of you" />}
      {home && s && (
        <>
          <Card title={`Asked of ${name} now`} id="asked">
            {home.tasks.length ? (
              <ul class="todos" data-testid="tasks">
                {home.tasks.map((t) => (
                  <TaskItem task={t} cycle={home.open_cycle} title={title} partner={name} />
                ))}
              </ul>
            ) : (
              <p class="muted" data-testid="tasks">
                Nothing is asked of {name} right now. {home.open_cycle ? '' : 'The coordinator opens the next cycle.'}
              </p>
            )}
          </Card>
          <div class="kpis" data-testid="standing">
            <Kpi
              label="Cumulative net value"
              value={
                <>
                  <Num value={s.net_value} signed /> <span class="kpi-unit">{app.unit}</span>
                </>
              }
              tone={num(s.net_value) < 0 ? 'bad' : 'good'}
              hint="over every decided cycle, after transfers"
            />
            <Kpi
              label={<Term k="dry-spell" />}
              value={`${s.current_dry_spell} ${s.current_dry_spell === 1 ? 'cycle' : 'cycles'}`}
              tone={s.protected ? 'bad' : 'neutral'}
              hint={s.protected ? `protected: it reached the charter’s limit of ${s.max_dry_spell}` : `protected from ${s.max_dry_spell} ${s.max_dry_spell === 1 ? 'cycle' : 'cycles'} on`}
            />
            <Kpi label="Leads" value={s.leads.length} hint="initiatives it leads now" />
            <Kpi label={<Term k="retention-risk" />} value={<RiskBadge band={s.risk_band} score={s.risk_score} />} tone={s.risk_band === 'high' ? 'bad' : 'neutral'} />
          </div>
          <div class="grid-2">
            <Card title={<Term k="transfer">Who pays whom</Term>} id="transfers" extra={home.transfers_cycle != null && <a href={`/cycles/${home.transfers_cycle}`}>Cycle {home.transfers_cycle} →</a>}>
              <Transfers home={home} partner={partner} />
              <p class="muted small">
                Over every cycle, {name} {num(s.transfers) < 0 ? 'paid' : 'received'} {fmtValue(Math.abs(num(s.transfers)), app.unit)} net.
              </p>
            </Card>
            <div class="stack">
              <Card title={<Term k="protected-partner">Protection</Term>} id="protection">
                <p data-testid="protection">
                  {s.protected
                    ? `${name} is protected: its dry spell of ${s.current_dry_spell} reached the charter’s limit of ${s.max_dry_spell}, so the next decision must not leave it below zero.`
                    : `${name} is not protected now: it would be after ${s.max_dry_spell} dry ${s.max_dry_spell === 1 ? 'cycle' : 'cycles'} in a row (its dry spell is ${s.current_dry_spell}).`}
                </p>
              </Card>
              <Card title="Leads" id="leads">
                {s.leads.length ? (
                  <ul class="reasons">
                    {s.leads.map((id) => (
                      <li>
                        <a href={`/initiatives/${id}`}>{title(id)}</a>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p class="muted">{name} leads no initiative now.</p>
                )}
              </Card>
              <Card title="Why this retention risk" id="risk">
                {reasons.length ? (
                  <ul class="reasons" data-testid="risk-reasons">
                    {reasons.map((r) => (
                      <li>{r}</li>
                    ))}
                  </ul>
                ) : (
                  <p class="muted">No risk factor in its last cycles.</p>
                )}
                <a href={`/partners/${partner}`}>{name}’s history →</a>
              </Card>
            </div>
          </div>
        </>
      )}
    </>
  );
}

function AttentionItem(props: { item: Attention; cycle: Cycle | null }) {
  const app = useApp();
  const a = props.item;
  switch (a.kind) {
    case 'deadline_passed':
      return (
        <Item kind={a.kind} title={`Cycle ${a.cycle}’s deadline passed ${a.due ? formatWhen(a.due, viewerZone()) : ''}: it waits for you to move it on`} href={`/cycles/${a.cycle}`} action="Open the cycle" />
      );
    case 'voting_open':
      return (
        <Item kind={a.kind} title={`Cycle ${a.cycle} votes: ${a.count} ${a.count === 1 ? 'ballot is' : 'ballots are'} in; close it once enough are`} href={`/cycles/${a.cycle}`} action="Open the cycle">
          <Deadlines cycle={props.cycle ?? undefined} compact />
        </Item>
      );
    case 'actuals_missing':
      return (
        <Item
          kind={a.kind}
          title={a.count ? `Cycle ${a.cycle} is closed: ${a.count} selected ${a.count === 1 ? 'initiative has' : 'initiatives have'} no actuals yet` : `Cycle ${a.cycle} has its actuals: review it`}
          href={a.count ? `/actuals?cycle=${a.cycle}` : `/cycles/${a.cycle}`}
          action={a.count ? 'Record actuals' : 'Review'}
        />
      );
    case 'actuals_due':
      return (
        <Item
          kind={a.kind}
          title={`Cycle ${a.cycle}: actuals are due but missing for ${a.count} selected ${a.count === 1 ? 'initiative' : 'initiatives'}; their leads were reminded`}
          href={`/cycles/${a.cycle}#delivery`}
          action="See the delivery"
        />
      );
    case 'partner_at_risk':
      return (
        <Item kind={a.kind} title={`${app.partnerName(a.partner)} is at high retention risk`} href={`/partners/${a.partner}`} action="See the partner">
          <p class="muted small todo-text">{a.detail}</p>
        </Item>
      );
  }
}

function Turnout(props: { home: Home }) {
  const app = useApp();
  const { home } = props;
  const cycle = home.open_cycle!;
  return (
    <Card title={<Term k="turnout">{`Turnout in cycle ${cycle.number}`}</Term>} id="turnout" extra={<span class="muted small">who has voted, never how</span>}>
      <p class="turnout-sum" data-testid="turnout-sum">
        <strong>
          {home.voted} of {home.members}
        </strong>{' '}
        members have voted ({pct(home.members ? home.voted / home.members : 0)}).
      </p>
      <Deadlines cycle={cycle} compact />
      <Table class="compact stack-on-phone" columns={['Partner', 'Ballot']}>
        {home.turnout!.map((t) => (
          <tr data-partner={t.partner} data-voted={t.voted ? 'yes' : 'no'}>
            <td>
              <PartnerChip id={t.partner} />
            </td>
            <td>
              {t.voted ? <span class="yes">{t.cast_by ? `Voted by its proxy ${app.partnerName(t.cast_by)}` : 'Voted'}</span> : <span class="no">Not yet</span>}
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

function CoordinatorHome() {
  const app = useApp();
  const data = useAsync(loadHome, []);
  const home = data.data;
  return (
    <>
      <PageHeader title="Home" subtitle={`What needs your attention in ${app.networkName || 'the network'}`} actions={<a class="btn" href="/dashboard">Dashboard</a>} />
      <ErrorBox error={data.error} title="Your home page could not be loaded" onRetry={data.reload} />
      {data.loading && !home && <Loading what="what needs attention" />}
      {home && (
        <div class="grid-side">
          <Card title="Needs your attention" id="attention">
            {home.attention.length ? (
              <ul class="todos" data-testid="attention">
                {home.attention.map((a) => (
                  <AttentionItem item={a} cycle={home.open_cycle} />
                ))}
              </ul>
            ) : (
              <p class="muted" data-testid="attention">
                Nothing needs your attention right now.
              </p>
            )}
          </Card>
          <div class="stack">
            {home.turnout ? (
              <Turnout home={home} />
            ) : (
              <Card title="The open cycle" id="open-cycle">
                {home.open_cycle ? (
                  <>
                    <p>
                      <a href={`/cycles/${home.open_cycle.number}`}>Cycle {home.open_cycle.number}</a> takes proposals; turnout shows here once it votes.
                    </p>
                    <Deadlines cycle={home.open_cycle} />
                  </>
                ) : (
                  <p class="muted">
                    No cycle is open. <a href="/cycles">Open the next cycle →</a>
                  </p>
                )}
              </Card>
            )}
          </div>
        </div>
      )}
    </>
  );
}
