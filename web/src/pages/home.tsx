// The page a signed-in person lands on. A representative sees what is asked of its partner now (propose,
// vote, leads to accept, actuals due, objections to its proposals) and how the partner stands: its value,
// who pays whom, its dry spell and protection, its leads and its retention risk. A coordinator sees what
// needs attention and the open cycle's turnout (who has voted, never how). Observers get the dashboard.

import type { ComponentChildren } from 'preact';
import { Deadlines, formatWhen, viewerZone } from '../components/deadlines';
import { rich } from '../components/rich';
import { Term } from '../components/term';
import { Card, ErrorBox, Kpi, Loading, Num, PageHeader, PartnerChip, right, Table, Value } from '../components/ui';
import { get } from '../lib/api';
import { isCoordinator, isRepresentative, list, useApp } from '../lib/context';
import { type Attention, type Home, type HomeTask, loadHome } from '../lib/home';
import { useAsync } from '../lib/hooks';
import { t, useT } from '../lib/i18n';
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
  const named = t('home.quoted', { title: props.title(task.initiative) });
  switch (task.kind) {
    case 'propose':
      return (
        <Item kind="propose" title={t('home.task.propose', { cycle: task.cycle })} href="/initiatives/new" action={t('home.task.proposeAction')}>
          <Deadlines cycle={open} compact />
        </Item>
      );
    case 'vote':
      return (
        <Item
          kind="vote"
          done={task.done}
          title={task.done ? t('home.task.voted', { cycle: task.cycle }) : t('home.task.vote', { cycle: task.cycle, partner: props.partner })}
          href="/ballot"
          action={task.done ? t('home.task.changeBallot') : t('home.task.voteAction')}
        >
          <Deadlines cycle={open} compact />
        </Item>
      );
    case 'lead_nomination':
      return (
        <Item kind="lead_nomination" title={t('home.task.nominated', { partner: props.partner, title: named })} href={`/initiatives/${task.initiative}#leading`} action={t('home.task.answer')} />
      );
    case 'actuals':
      return (
        <Item kind="actuals" title={t('home.task.actuals', { title: named, cycle: task.cycle })} href={`/initiatives/${task.initiative}`} action={t('home.task.open')}>
          <p class="muted small todo-text">{t('home.task.actualsText', { partner: props.partner })}</p>
        </Item>
      );
    case 'objection':
      return (
        <Item kind="objection" title={t('home.task.objection', { partner: props.partner, title: named, cycle: task.cycle })} href={`/cycles/${task.cycle}`} action={t('home.task.seeWhy')}>
          <p class="muted small todo-text">{t('home.task.objectionText')}</p>
        </Item>
      );
  }
}

function Transfers(props: { home: Home; partner: number }) {
  const app = useApp();
  const { home } = props;
  const t = useT();
  if (home.transfers_cycle == null) return <p class="muted">{t('home.noDecidedCycle')}</p>;
  if (!home.transfers.length) return <p class="muted">{t('home.noTransfers', { cycle: home.transfers_cycle })}</p>;
  const paid = home.transfers.filter((p) => p.from === props.partner).reduce((s, p) => s + num(p.amount), 0);
  const received = home.transfers.filter((p) => p.to === props.partner).reduce((s, p) => s + num(p.amount), 0);
  return (
    <>
      <p class="transfer-sum" data-testid="transfer-sum">
        {t(paid > 0 ? 'home.pays' : 'home.receives', { cycle: home.transfers_cycle, partner: app.partnerName(props.partner), amount: fmtValue(paid > 0 ? paid : received, app.unit) })}
      </p>
      <Table class="compact transfers stack-on-phone" columns={[t('home.whoPays'), t('home.whom'), right(t('home.amount', { unit: app.unit }))]}>
        {home.transfers.map((p) => (
          <tr data-from={p.from} data-to={p.to}>
            <td data-label={t('home.whoPays')}>
              <PartnerChip id={p.from} />
            </td>
            <td data-label={t('home.whom')}>
              <PartnerChip id={p.to} />
            </td>
            <td class="right" data-label={t('home.amountShort')}>
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
  const t = useT();
  const title = (id: number | null) => initiatives?.find((i) => i.id === id)?.title ?? t('home.initiativeNumber', { id });
  const s = home?.standing;
  const reasons = (s?.risk_reasons ?? '')
    .split(';')
    .map((r) => r.trim())
    .filter(Boolean);
  return (
    <>
      <PageHeader title={t('home.titleOf', { name })} subtitle={t('home.subtitleOf', { name, network: app.networkName || t('home.theNetwork') })} />
      <ErrorBox error={data.error} title={t('home.loadFailed')} onRetry={data.reload} />
      {data.loading && !home && <Loading what={t('home.loadingAsked')} />}
      {home && s && (
        <>
          <Card title={t('home.askedOf', { name })} id="asked">
            {home.tasks.length ? (
              <ul class="todos" data-testid="tasks">
                {home.tasks.map((task) => (
                  <TaskItem task={task} cycle={home.open_cycle} title={title} partner={name} />
                ))}
              </ul>
            ) : (
              <p class="muted" data-testid="tasks">
                {t('home.nothingAsked', { name })} {home.open_cycle ? '' : t('home.coordinatorOpens')}
              </p>
            )}
          </Card>
          <div class="kpis" data-testid="standing">
            <Kpi
              label={t('home.netValue')}
              value={
                <>
                  <Num value={s.net_value} signed /> <span class="kpi-unit">{app.unit}</span>
                </>
              }
              tone={num(s.net_value) < 0 ? 'bad' : 'good'}
              hint={t('home.netValueHint')}
            />
            <Kpi
              label={<Term k="dry-spell" />}
              value={t('home.cycles', { count: s.current_dry_spell })}
              tone={s.protected ? 'bad' : 'neutral'}
              hint={s.protected ? t('home.protectedHint', { limit: s.max_dry_spell }) : t('home.protectedFrom', { count: s.max_dry_spell })}
            />
            <Kpi label={t('home.leads')} value={s.leads.length} hint={t('home.leadsHint')} />
            <Kpi label={<Term k="retention-risk" />} value={<RiskBadge band={s.risk_band} score={s.risk_score} />} tone={s.risk_band === 'high' ? 'bad' : 'neutral'} />
          </div>
          <div class="grid-2">
            <Card title={<Term k="transfer">{t('home.whoPaysWhom')}</Term>} id="transfers" extra={home.transfers_cycle != null && <a href={`/cycles/${home.transfers_cycle}`}>{t('home.cycleLink', { cycle: home.transfers_cycle })}</a>}>
              <Transfers home={home} partner={partner} />
              <p class="muted small">
                {t(num(s.transfers) < 0 ? 'home.paidNet' : 'home.receivedNet', { name, amount: fmtValue(Math.abs(num(s.transfers)), app.unit) })}
              </p>
            </Card>
            <div class="stack">
              <Card title={<Term k="protected-partner">{t('home.protection')}</Term>} id="protection">
                <p data-testid="protection">
                  {s.protected
                    ? t('home.isProtected', { name, spell: s.current_dry_spell, limit: s.max_dry_spell })
                    : t('home.notProtected', { name, count: s.max_dry_spell, spell: s.current_dry_spell })}
                </p>
              </Card>
              <Card title={t('home.leads')} id="leads">
                {s.leads.length ? (
                  <ul class="reasons">
                    {s.leads.map((id) => (
                      <li>
                        <a href={`/initiatives/${id}`}>{title(id)}</a>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p class="muted">{t('home.leadsNone', { name })}</p>
                )}
              </Card>
              <Card title={t('home.whyRisk')} id="risk">
                {reasons.length ? (
                  <ul class="reasons" data-testid="risk-reasons">
                    {reasons.map((r) => (
                      <li>{r}</li>
                    ))}
                  </ul>
                ) : (
                  <p class="muted">{t('home.noRisk')}</p>
                )}
                <a href={`/partners/${partner}`}>{t('home.history', { name })}</a>
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
  const t = useT();
  switch (a.kind) {
    case 'deadline_passed':
      return (
        <Item kind={a.kind} title={t('home.attention.deadlinePassed', { cycle: a.cycle, when: a.due ? formatWhen(a.due, viewerZone()) : '' })} href={`/cycles/${a.cycle}`} action={t('home.attention.openCycle')} />
      );
    case 'voting_open':
      return (
        <Item kind={a.kind} title={t('home.attention.voting', { cycle: a.cycle, count: a.count })} href={`/cycles/${a.cycle}`} action={t('home.attention.openCycle')}>
          <Deadlines cycle={props.cycle ?? undefined} compact />
        </Item>
      );
    case 'actuals_missing':
      return (
        <Item
          kind={a.kind}
          title={a.count ? t('home.attention.actualsMissing', { cycle: a.cycle, count: a.count }) : t('home.attention.review', { cycle: a.cycle })}
          href={a.count ? `/actuals?cycle=${a.cycle}` : `/cycles/${a.cycle}`}
          action={a.count ? t('home.attention.recordActuals') : t('home.attention.reviewAction')}
        />
      );
    case 'actuals_due':
      return (
        <Item
          kind={a.kind}
          title={t('home.attention.actualsDue', { cycle: a.cycle, count: a.count })}
          href={`/cycles/${a.cycle}#delivery`}
          action={t('home.attention.seeDelivery')}
        />
      );
    case 'partner_at_risk':
      return (
        <Item kind={a.kind} title={t('home.attention.atRisk', { partner: app.partnerName(a.partner) })} href={`/partners/${a.partner}`} action={t('home.attention.seePartner')}>
          <p class="muted small todo-text">{a.detail}</p>
        </Item>
      );
  }
}

function Turnout(props: { home: Home }) {
  const app = useApp();
  const { home } = props;
  const cycle = home.open_cycle!;
  const t = useT();
  return (
    <Card title={<Term k="turnout">{t('home.turnoutIn', { cycle: cycle.number })}</Term>} id="turnout" extra={<span class="muted small">{t('home.turnoutNote')}</span>}>
      <p class="turnout-sum" data-testid="turnout-sum">
        {rich(t('home.turnoutSum', { voted: home.voted, count: home.members, share: pct(home.members ? home.voted / home.members : 0) }), { b: (s) => <strong>{s}</strong> })}
      </p>
      <Deadlines cycle={cycle} compact />
      <Table class="compact stack-on-phone" columns={[t('home.partner'), t('home.ballot')]}>
        {home.turnout!.map((row) => (
          <tr data-partner={row.partner} data-voted={row.voted ? 'yes' : 'no'}>
            <td>
              <PartnerChip id={row.partner} />
            </td>
            <td>
              {row.voted ? <span class="yes">{row.cast_by ? t('home.votedByProxy', { proxy: app.partnerName(row.cast_by) }) : t('home.voted')}</span> : <span class="no">{t('home.notYet')}</span>}
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
  const t = useT();
  return (
    <>
      <PageHeader title={t('home.title')} subtitle={t('home.subtitle', { network: app.networkName || t('home.theNetwork') })} actions={<a class="btn" href="/dashboard">{t('layout.nav.dashboard')}</a>} />
      <ErrorBox error={data.error} title={t('home.loadFailed')} onRetry={data.reload} />
      {data.loading && !home && <Loading what={t('home.loadingAttention')} />}
      {home && (
        <div class="grid-side">
          <Card title={t('home.needsAttention')} id="attention">
            {home.attention.length ? (
              <ul class="todos" data-testid="attention">
                {home.attention.map((a) => (
                  <AttentionItem item={a} cycle={home.open_cycle} />
                ))}
              </ul>
            ) : (
              <p class="muted" data-testid="attention">
                {t('home.nothingNeeded')}
              </p>
            )}
          </Card>
          <div class="stack">
            {home.turnout ? (
              <Turnout home={home} />
            ) : (
              <Card title={t('home.openCycle')} id="open-cycle">
                {home.open_cycle ? (
                  <>
                    <p>
                      {rich(t('home.takesProposals', { cycle: home.open_cycle.number }), { a: (s) => <a href={`/cycles/${home.open_cycle!.number}`}>{s}</a> })}
                    </p>
                    <Deadlines cycle={home.open_cycle} />
                  </>
                ) : (
                  <p class="muted">
                    {t('home.noneOpen')} <a href="/cycles">{t('home.openNext')}</a>
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
