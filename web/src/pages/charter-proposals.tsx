// Charter proposals (issue 14 item 4): the partners decide changes to the charter under its amendment rule. A
// representative or a coordinator proposes a change from the current charter (the changed fields highlighted) with a
// rationale; each partner agrees, abstains or objects with a reason until the window ends; the proposer answers an
// objection by revising (the window starts again, positions are cleared); the result shows once it is decided. Who
// coordinates now, and the partners willing to, show beside.

import { useState } from 'preact/hooks';
import { rich } from '../components/rich';
import { t } from '../lib/i18n';
import { formatWhen, viewerZone } from '../components/deadlines';
import { ApiProblem, Field, ProblemSummary, useProblems } from '../components/form';
import { Badge, Card, Empty, ErrorBox, Loading, PageHeader, Table } from '../components/ui';
import { get, post, put } from '../lib/api';
import { isCoordinator, isRepresentative, useApp } from '../lib/context';
import { useAction, useAsync } from '../lib/hooks';
import { amountProblem, integerProblem, maxChars } from '../lib/limits';
import { label } from '../lib/names';
import { type PropertyInfo, schemaFields } from '../lib/openapi';
import type { Charter, CharterProposal, Coordination, CoordinatorElection } from '../lib/types';

/** The charter fields a proposal may change, in the form's order, with their titles and units. */
const titles: Record<string, string> = {
  capacity: 'charter.field.capacity',
  rule: 'charter.field.rule',
  sharing: 'charter.field.sharing',
  'fairness.max_dry_spell': 'charter.field.fairness_max_dry_spell',
  'fairness.max_deopt_share': 'charter.field.fairness_max_deopt_share',
  'leadership.max_concurrent_leads': 'charter.field.leadership_max_concurrent_leads',
  deadline_action: 'charter.field.deadline_action',
  reminder_hours: 'charter.field.reminder_hours',
  amendment_rule: 'charter.field.amendment_rule',
  amendment_majority: 'charter.field.amendment_majority',
  amendment_window_hours: 'charter.field.amendment_window_hours',
  coordination: 'charter.field.coordination',
  coordination_term: 'charter.field.coordination_term',
  score_max: 'charter.field.score_max',
  points_budget: 'charter.field.points_budget',
};
const keys = Object.keys(titles);
/** Every charter field by its title, for changes the form does not offer (name, unit, ranking rule...). */
const otherTitles: Record<string, string> = { name: 'charter.field.name', unit: 'charter.field.unit', ranking_rule: 'charter.field.ranking_rule', disclosure: 'charter.field.disclosure' };
const units: Record<string, string> = {
  capacity: 'charter.unit.capacity',
  'fairness.max_dry_spell': 'charter.unit.fairness_max_dry_spell',
  'fairness.max_deopt_share': 'proposals.deoptUnit',
  'leadership.max_concurrent_leads': 'charter.unit.leadership_max_concurrent_leads',
  reminder_hours: 'proposals.reminderUnit',
  amendment_majority: 'charter.unit.amendment_majority',
  amendment_window_hours: 'charter.unit.amendment_window_hours',
  coordination_term: 'charter.unit.coordination_term',
  score_max: 'proposals.scoreMaxUnit',
  points_budget: 'charter.unit.points_budget',
};
const integers = new Set(['fairness.max_dry_spell', 'leadership.max_concurrent_leads', 'coordination_term']);

const titleOf = (field: string) => (titles[field] ?? otherTitles[field] ? t(titles[field] ?? otherTitles[field]) : label(field));
/** What a field is counted in, in the language in use. */
const unitText = (field: string) => (units[field] ? t(units[field]) : '');
/** A value as people read it: a figure with its unit, a choice by its label. */
const withUnit = (field: string, value: string | null) => (value == null ? '–' : units[field] ? `${value} ${unitText(field)}` : /^[a-z_]+$/.test(value) ? label(value) : value);

/** A charter member by its dotted name, as text. */
function valueOf(charter: Charter, field: string): string {
  const value = field.split('.').reduce<any>((node, part) => node?.[part], charter);
  return value == null ? '' : String(value);
}

/** The change as the API takes it: the members that differ from the charter, nested as the charter is. */
function body(charter: Charter, values: Record<string, string>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const k of keys) {
    const v = values[k].trim();
    if (v === valueOf(charter, k)) continue;
    const value = integers.has(k) ? Number(v) : v;
    const [outer, inner] = k.split('.');
    if (inner) out[outer] = { ...(out[outer] ?? {}), [inner]: value };
    else out[outer] = value;
  }
  return out;
}

/** An exact number of hours ("72", "1/2", "0.25") in words: "72 hours", "30 minutes". */
function duration(text: string): string {
  const [num, den] = text.includes('/') ? text.split('/').map(Number) : [Number(text), 1];
  const hours = num / den;
  if (!Number.isFinite(hours)) return t('proposals.hours', { count: text });
  if (hours >= 1) return t('proposals.hours', { count: Math.round(hours * 100) / 100 });
  const minutes = Math.round(hours * 600) / 10;
  return minutes >= 1 ? t('proposals.minutes', { count: minutes }) : t('proposals.seconds', { count: Math.round(hours * 3600) });
}

function ruleInWords(c: Charter): string {
  const hours = duration(c.amendment_window_hours ?? '72');
  if (c.amendment_rule === 'consent') return t('proposals.ruleConsent', { hours });
  if (c.amendment_rule === 'majority') return t('proposals.ruleMajority', { hours, majority: c.amendment_majority ?? '2/3' });
  return t('proposals.ruleCoordinator');
}

/** The form that proposes (or revises) a change, starting from the current charter, changed fields highlighted. */
function ChangeForm(props: { id: string; charter: Charter; info: Record<string, PropertyInfo>; start?: CharterProposal; onDone: () => void; send: (b: unknown) => Promise<unknown> }) {
  const { charter } = props;
  const initial: Record<string, string> = {};
  for (const k of keys) initial[k] = valueOf(charter, k);
  for (const c of props.start?.changes ?? []) if (c.field in initial) initial[c.field] = c.to;
  const [values, setValues] = useState(initial);
  const [rationale, setRationale] = useState(props.start?.rationale ?? '');
  const action = useAction();
  const changed = keys.filter((k) => values[k].trim() !== valueOf(charter, k));
  const problems = useProblems<Record<string, string | null>>({
    changes: changed.length ? null : t('proposals.changeOne'),
    capacity: changed.includes('capacity') ? amountProblem(values.capacity.trim(), 'positive') : null,
    score_max: changed.includes('score_max') ? amountProblem(values.score_max.trim(), 'positive') : null,
    points_budget: changed.includes('points_budget') ? amountProblem(values.points_budget.trim()) : null,
    ...Object.fromEntries([...integers].map((k) => [k, changed.includes(k) ? integerProblem(values[k], 1) : null])),
    rationale: !rationale.trim() ? t('proposals.sayWhy') : null,
  });
  const fid = (k: string) => `${props.id}-${k.replace('.', '-')}`;
  async function submit(event: Event) {
    event.preventDefault();
    if (!problems.check((f) => (f === 'changes' ? fid('capacity') : fid(f)))) return;
    const done = await action.run(() => props.send({ changes: body(charter, values), rationale: rationale.trim() }));
    if (done) props.onDone();
  }
  return (
    <form class="form proposal-form" id={props.id} onSubmit={submit} noValidate>
      <p class="form-intro muted">{t('proposals.intro')}</p>
      {keys.map((k) => {
        const isChanged = changed.includes(k);
        const info = props.info[k];
        return (
          <div class={'proposal-field' + (isChanged ? ' changed' : '')} data-changed={isChanged ? 'true' : undefined}>
            <Field id={fid(k)} label={<>{titleOf(k)}{units[k] && <span class="muted unit"> ({unitText(k)})</span>}{isChanged && <span class="badge changed-badge"> {t('proposals.changed')}</span>}</>} hint={isChanged ? t('proposals.now', { value: withUnit(k, valueOf(charter, k)) }) : undefined} problem={problems.shown(k)}>
              {(attrs) =>
                info?.choices ? (
                  <select {...attrs} value={values[k]} onChange={(e) => (action.clear(), setValues({ ...values, [k]: (e.target as HTMLSelectElement).value }))}>
                    {info.choices.map((c) => (
                      <option value={c}>{label(c)}</option>
                    ))}
                  </select>
                ) : (
                  <input {...attrs} value={values[k]} inputMode={k === 'reminder_hours' ? 'text' : 'decimal'} autoComplete="off" onInput={(e) => (action.clear(), setValues({ ...values, [k]: (e.target as HTMLInputElement).value }))} />
                )
              }
            </Field>
          </div>
        );
      })}
      <Field id={fid('rationale')} label={t('proposals.rationale')} hint={t('proposals.rationaleHint')} problem={problems.shown('rationale')}>
        {(attrs) => <textarea {...attrs} rows={3} maxLength={maxChars.description} value={rationale} onInput={(e) => (action.clear(), setRationale((e.target as HTMLTextAreaElement).value))} />}
      </Field>
      <div class="form-actions">
        {problems.shown('changes') && <p class="field-problem">{problems.shown('changes')}</p>}
        <ProblemSummary count={problems.count} />
        <ApiProblem error={action.error} title={props.start ? t('proposals.notRevised') : t('proposals.notMade')} fields={{ ...Object.fromEntries(keys.map((k) => [k, titleOf(k)])), ...Object.fromEntries(keys.map((k) => ['changes.' + k, titleOf(k)])), rationale: t('proposals.rationale') }} />
        <button class="btn primary" type="submit" disabled={action.busy} data-action={props.start ? 'revise-proposal' : 'propose-change'}>
          {action.busy ? t('thread.sending') : props.start ? t('proposals.revise') : changed.length === 1 ? t('proposals.proposeOne') : changed.length ? t('proposals.proposeMany', { count: changed.length }) : t('proposals.proposeChanges')}
        </button>
      </div>
    </form>
  );
}

/** A representative's position on an open proposal: agree, abstain, or object with a reason. */
function PositionForm(props: { proposal: CharterProposal; partner: number; onDone: () => void }) {
  const own = props.proposal.positions.find((p) => p.partner === props.partner);
  const [position, setPosition] = useState<string>(own?.position ?? 'agree');
  const [reason, setReason] = useState(own?.reason ?? '');
  const action = useAction();
  const id = `position-${props.proposal.id}`;
  const problems = useProblems({ reason: position === 'object' && !reason.trim() ? t('proposals.objectionReason') : null });
  async function submit(event: Event) {
    event.preventDefault();
    if (!problems.check(() => `${id}-reason`)) return;
    const done = await action.run(() => put(`/charter/proposals/${props.proposal.id}/positions/${props.partner}`, { position, reason: position === 'agree' ? '' : reason.trim() }));
    if (done) props.onDone();
  }
  return (
    <form class="form position-form" onSubmit={submit} noValidate data-testid="position-form">
      <fieldset>
        <legend>{t('proposals.yourPosition')}</legend>
        {(['agree', 'abstain', 'object'] as const).map((p) => (
          <label class="radio">
            <input type="radio" name={`${id}-position`} value={p} checked={position === p} onChange={() => (action.clear(), setPosition(p))} /> {p === 'agree' ? t('proposals.agree') : p === 'abstain' ? t('proposals.abstain') : t('proposals.object')}
          </label>
        ))}
      </fieldset>
      {position !== 'agree' && (
        <Field id={`${id}-reason`} label={t('proposals.reason')} hint={position === 'object' ? t('proposals.reasonRequired') : t('proposals.optional')} problem={problems.shown('reason')}>
          {(attrs) => <textarea {...attrs} rows={2} maxLength={maxChars.reason} value={reason} onInput={(e) => (action.clear(), setReason((e.target as HTMLTextAreaElement).value))} />}
        </Field>
      )}
      <div class="form-actions">
        <ApiProblem error={action.error} title={t('proposals.positionNotSaved')} fields={{ reason: t('proposals.reason'), position: t('proposals.position') }} />
        <button class="btn primary" type="submit" disabled={action.busy} data-action="save-position">
          {action.busy ? t('partners.saving') : own ? t('proposals.changePosition') : t('proposals.savePosition')}
        </button>
      </div>
    </form>
  );
}

function ProposalCard(props: { proposal: CharterProposal; charter: Charter; info: Record<string, PropertyInfo>; onChanged: () => void }) {
  const app = useApp();
  const p = props.proposal;
  const zone = viewerZone();
  const open = p.state === 'open';
  const ended = Date.parse(p.window_ends_at) <= Date.now();
  const mine = isRepresentative(app.session) && app.session.partner === p.proposer;
  const coordinator = isCoordinator(app.session);
  const decide = useAction();
  const withdraw = useAction();
  const [revising, setRevising] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const members = app.partners.filter((partner) => partner.left_cycle == null);
  return (
    <Card title={<>{t('proposals.proposal', { id: p.id })} <Badge value={p.state} /></>} id={`proposal-${p.id}`} class="proposal-card">
      <p class="muted small">
        {t('proposals.by', { who: p.proposer != null ? app.partnerName(p.proposer) : t('proposals.aCoordinator') })} · {t('proposals.revision', { n: p.revision })} · {open ? (ended ? t('proposals.windowEnded', { when: formatWhen(p.window_ends_at, zone) }) : t('proposals.positionsUntil', { when: formatWhen(p.window_ends_at, zone) })) : t('proposals.decided', { when: formatWhen(p.decided_at ?? '', zone) })}
      </p>
      <Table class="stack-on-phone" columns={[t('proposals.field'), t('proposals.nowColumn'), t('proposals.proposed')]}>
        {p.changes.map((c) => (
          <tr data-field={c.field}>
            <th scope="row">{titleOf(c.field)}</th>
            <td>{open ? withUnit(c.field, c.from) : '–'}</td>
            <td class="changed-value">
              <strong>{withUnit(c.field, c.to)}</strong>
            </td>
          </tr>
        ))}
      </Table>
      <p class="rationale">
        <span class="muted">{t('proposals.rationale')}: </span>
        {p.rationale}
      </p>
      <h3 class="sub">{t('proposals.positions')}</h3>
      <Table class="stack-on-phone" columns={[t('people.partner'), t('proposals.position'), t('proposals.reason')]}>
        {members.map((m) => {
          const taken = p.positions.find((x) => x.partner === m.id);
          return (
            <tr data-partner={m.id} data-position={taken?.position ?? 'none'}>
              <th scope="row">{m.name}</th>
              <td>{taken ? label(taken.position) : <span class="muted">{t('proposals.noPosition')}</span>}</td>
              <td>{taken?.reason || ''}</td>
            </tr>
          );
        })}
      </Table>
      {!open && (
        <p class="notice-ok" data-testid="result">
          {p.result}
          {p.state === 'adopted' && t('proposals.applies')}
        </p>
      )}
      {open && !ended && isRepresentative(app.session) && app.session.partner != null && <PositionForm proposal={p} partner={app.session.partner} onDone={props.onChanged} />}
      {open && (mine || coordinator) && (
        <details class="revise" open={revising} onToggle={(e) => setRevising((e.target as HTMLDetailsElement).open)}>
          <summary>{t('proposals.revise')}</summary>
          {revising && <ChangeForm id={`revise-${p.id}`} charter={props.charter} info={props.info} start={p} send={(b) => put(`/charter/proposals/${p.id}`, b)} onDone={() => (setRevising(false), props.onChanged())} />}
        </details>
      )}
      {open && (mine || coordinator) && !withdrawing && (
        <div class="form-actions">
          <button class="btn danger" type="button" data-action="withdraw-proposal" onClick={() => (withdraw.clear(), setWithdrawing(true))}>
            {t('proposals.withdraw')}
          </button>
        </div>
      )}
      {open && withdrawing && (
        <div class="confirm-box" role="group" aria-labelledby={`withdraw-${p.id}-question`} data-testid="withdraw-confirm">
          <p id={`withdraw-${p.id}-question`}>{rich(t('proposals.withdrawQuestion', { id: p.id }), { b: (text) => <strong>{text}</strong> })}</p>
          <ApiProblem error={withdraw.error} title={t('proposals.notWithdrawn')} />
          <div class="button-row">
            <button
              class="btn danger solid"
              type="button"
              data-action="confirm-withdraw-proposal"
              disabled={withdraw.busy}
              onClick={async () => {
                if ((await withdraw.run(() => post(`/charter/proposals/${p.id}/withdraw`))) !== undefined) {
                  setWithdrawing(false);
                  props.onChanged();
                }
              }}
            >
              {withdraw.busy ? t('proposals.withdrawing') : t('proposals.yesWithdraw')}
            </button>
            <button class="btn ghost" type="button" onClick={() => setWithdrawing(false)}>
              {t('proposals.keepOpen')}
            </button>
          </div>
        </div>
      )}
      {open && ended && coordinator && (
        <div class="form-actions">
          <ApiProblem error={decide.error} title={t('proposals.notDecided')} />
          <button class="btn primary" type="button" data-action="decide-proposal" disabled={decide.busy} onClick={async () => (await decide.run(() => post(`/charter/proposals/${p.id}/decide`))) && props.onChanged()}>
            {t('proposals.decideNow')}
          </button>
        </div>
      )}
    </Card>
  );
}

/** The coordinator election: who stands, the votes so far, the representative's vote, a coordinator's decision. */
function ElectionPanel(props: { election: CoordinatorElection; willing: number[]; partner: number | null; onChanged: () => void }) {
  const app = useApp();
  const e = props.election;
  const zone = viewerZone();
  const vote = useAction();
  const decide = useAction();
  const own = props.partner != null ? e.votes.find((v) => v.voter === props.partner) : undefined;
  const [choice, setChoice] = useState<number | null>(own?.candidate ?? null);
  const ended = Date.parse(e.window_ends_at) <= Date.now();
  const members = app.partners.filter((p) => p.left_cycle == null);
  const candidates = members.filter((p) => props.willing.includes(p.id));
  const count = (id: number) => e.votes.filter((v) => v.candidate === id).length;
  if (e.state === 'decided') {
    return (
      <p class="notice-ok" data-testid="election-result">
        {t('proposals.electionResult', { id: e.id, cycle: e.term_cycle, when: formatWhen(e.decided_at ?? '', zone), result: e.result })}
      </p>
    );
  }
  return (
    <section class="election" aria-labelledby="election-title" data-testid="election">
      <h3 class="sub" id="election-title">
        {t('proposals.electionTitle')} <Badge value="open" />
      </h3>
      <p>{t(ended ? 'proposals.electionTextEnded' : 'proposals.electionText', { cycle: e.term_cycle, when: formatWhen(e.window_ends_at, zone) })}</p>
      <Table class="stack-on-phone" columns={[t('proposals.candidate'), t('proposals.votesSoFar')]}>
        {candidates.map((c) => (
          <tr data-candidate={c.id}>
            <th scope="row">{c.name}</th>
            <td>{t('proposals.votesOf', { votes: count(c.id), count: members.length })}</td>
          </tr>
        ))}
      </Table>
      {props.partner != null && !ended && (
        <form
          class="form"
          data-testid="vote-form"
          onSubmit={async (event) => {
            event.preventDefault();
            if (choice == null) return;
            if ((await vote.run(() => put(`/coordination/election/votes/${props.partner}`, { candidate: choice }))) !== undefined) props.onChanged();
          }}
        >
          <fieldset>
            <legend>{own ? t('proposals.yourVoteNow', { name: app.partnerName(own.candidate) }) : t('proposals.yourVote')}</legend>
            {candidates.map((c) => (
              <label class="radio">
                <input type="radio" name={`election-${e.id}-vote`} value={c.id} checked={choice === c.id} onChange={() => (vote.clear(), setChoice(c.id))} /> {c.name}
              </label>
            ))}
          </fieldset>
          <ApiProblem error={vote.error} title={t('proposals.voteNotSaved')} fields={{ candidate: t('proposals.candidate') }} />
          <button class="btn primary" type="submit" data-action="vote-coordinator" disabled={vote.busy || choice == null}>
            {vote.busy ? t('proposals.saving') : own ? t('proposals.changeVote') : t('proposals.vote')}
          </button>
        </form>
      )}
      {ended && isCoordinator(app.session) && (
        <div class="form-actions">
          <ApiProblem error={decide.error} title={t('proposals.electionNotDecided')} />
          <button class="btn primary" type="button" data-action="decide-election" disabled={decide.busy} onClick={async () => (await decide.run(() => post(`/coordination/elections/${e.id}/decide`))) && props.onChanged()}>
            {t('proposals.decideNow')}
          </button>
        </div>
      )}
    </section>
  );
}

function CoordinationCard(props: { coordination: Coordination; onChanged: () => void }) {
  const app = useApp();
  const c = props.coordination;
  const action = useAction();
  const partner = isRepresentative(app.session) ? app.session.partner ?? null : null;
  const willing = partner != null && c.willing.includes(partner);
  return (
    <Card title={t('charter.field.coordination')} id="coordination">
      {c.mode === 'election' ? (
        <p data-testid="coordinator">
          {c.current
            ? t('proposals.electedFor', { name: c.current.name, first: c.current.first_cycle, count: c.term_cycles, terms: c.past_terms, next: c.next_turn })
            : t('proposals.electionStarts')}
        </p>
      ) : c.mode === 'rotation' ? (
        <p data-testid="coordinator">
          {c.current ? t('proposals.coordinatesSince', { name: c.current.name, first: c.current.first_cycle, count: c.term_cycles, next: c.next_turn }) : t('proposals.rotationStarts')}
        </p>
      ) : (
        <p data-testid="coordinator">{t('proposals.fixed')}</p>
      )}
      <p class="muted small">{t('proposals.willing', { partners: c.willing.length ? c.willing.map((id) => app.partnerName(id)).join(', ') : t('proposals.noPartnerYet') })}</p>
      {c.mode === 'election' && c.election && <ElectionPanel key={c.election.id} election={c.election} willing={c.willing} partner={partner} onChanged={props.onChanged} />}
      {partner != null && (
        <>
          <ApiProblem error={action.error} title={t('proposals.nothingChanged')} />
          <button class="btn" type="button" data-action="willing" disabled={action.busy} onClick={async () => (await action.run(() => put(`/coordination/willing/${partner}`, { willing: !willing }))) && props.onChanged()}>
            {willing ? t('proposals.stopVolunteering') : t('proposals.volunteer')}
          </button>
        </>
      )}
    </Card>
  );
}

export function CharterProposalsPage() {
  const app = useApp();
  const data = useAsync(
    () => Promise.all([get<Charter>('/network'), get<CharterProposal[]>('/charter/proposals'), get<Coordination>('/coordination'), schemaFields('Charter').catch(() => ({}) as Record<string, PropertyInfo>)]),
    [],
  );
  const [notice, setNotice] = useState('');
  const [charter, proposals, coordination, info] = data.data ?? [];
  const mayPropose = isCoordinator(app.session) || isRepresentative(app.session);
  const changed = (what: string) => () => (setNotice(what), data.reload());
  return (
    <>
      <PageHeader title={t('layout.nav.charterProposals')} subtitle={t('proposals.subtitle')} actions={<a class="btn ghost" href="/network">{t('proposals.charterNow')}</a>} />
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      <ErrorBox error={data.error} title={t('proposals.loadFailed')} onRetry={data.reload} />
      {data.loading && !data.data && <Loading what={t('proposals.loading')} />}
      {charter && proposals && coordination && info && (
        <div class="grid-side">
          <div class="stack">
            <Card title={t('charter.field.amendment_rule')}>
              <p data-testid="amendment-rule">{ruleInWords(charter)}</p>
            </Card>
            {proposals.length === 0 && <Empty title={t('proposals.none')} />}
            {[...proposals].reverse().map((p) => (
              <ProposalCard proposal={p} charter={charter} info={info} onChanged={changed(t('proposals.updated', { id: p.id }))} />
            ))}
          </div>
          <div class="stack">
            <CoordinationCard coordination={coordination} onChanged={changed(t('proposals.coordinationUpdated'))} />
            {mayPropose && charter.amendment_rule && charter.amendment_rule !== 'coordinator' && (
              <Card title={t('proposals.proposeTitle')} id="propose-card">
                <ChangeForm key={proposals.length} id="propose" charter={charter} info={info} send={(b) => post('/charter/proposals', b)} onDone={changed(t('proposals.made'))} />
              </Card>
            )}
          </div>
        </div>
      )}
    </>
  );
}
