// Charter proposals (issue 14 item 4): the partners decide changes to the charter under its amendment rule. A
// representative or a coordinator proposes a change from the current charter (the changed fields highlighted) with a
// rationale; each partner agrees, abstains or objects with a reason until the window ends; the proposer answers an
// objection by revising (the window starts again, positions are cleared); the result shows once it is decided. Who
// coordinates now, and the partners willing to, show beside.

import { useState } from 'preact/hooks';
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
  capacity: 'Capacity per cycle',
  rule: 'Selection rule',
  sharing: 'Value sharing',
  'fairness.max_dry_spell': 'Longest dry spell',
  'fairness.max_deopt_share': 'Largest de-optimisation share',
  'leadership.max_concurrent_leads': 'Leads per partner',
  deadline_action: 'At a deadline',
  reminder_hours: 'Reminders before voting closes',
  amendment_rule: 'How the charter changes',
  amendment_majority: 'Majority needed',
  amendment_window_hours: 'Window for positions',
  coordination: 'Who coordinates',
  coordination_term: 'Coordination term',
};
const keys = Object.keys(titles);
/** Every charter field by its title, for changes the form does not offer (name, unit, ranking rule...). */
const otherTitles: Record<string, string> = { name: 'Network name', unit: 'Unit of value', ranking_rule: 'Consensus ranking rule', disclosure: 'Ballot disclosure' };
const units: Record<string, string> = {
  capacity: 'capacity units per cycle',
  'fairness.max_dry_spell': 'cycles',
  'fairness.max_deopt_share': 'of a cycle’s de-optimisation',
  'leadership.max_concurrent_leads': 'initiatives at once',
  reminder_hours: 'hours before, comma-separated',
  amendment_majority: 'of the partners',
  amendment_window_hours: 'hours',
  coordination_term: 'cycles per partner',
};
const integers = new Set(['fairness.max_dry_spell', 'leadership.max_concurrent_leads', 'coordination_term']);

const titleOf = (field: string) => titles[field] ?? otherTitles[field] ?? label(field);
/** A value as people read it: a figure with its unit, a choice by its label. */
const withUnit = (field: string, value: string | null) => (value == null ? '–' : units[field] ? `${value} ${units[field]}` : /^[a-z_]+$/.test(value) ? label(value) : value);

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
  if (!Number.isFinite(hours)) return `${text} hours`;
  if (hours >= 1) return `${Math.round(hours * 100) / 100} ${hours === 1 ? 'hour' : 'hours'}`;
  const minutes = Math.round(hours * 600) / 10;
  return minutes >= 1 ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : `${Math.round(hours * 3600)} seconds`;
}

function ruleInWords(c: Charter): string {
  const hours = duration(c.amendment_window_hours ?? '72');
  if (c.amendment_rule === 'consent') return `By consent: a proposal is adopted when its window of ${hours} ends, unless a partner objects with a reason. The proposer can answer an objection by revising the proposal: the window starts again and every position is cleared.`;
  if (c.amendment_rule === 'majority') return `By a qualified majority: a proposal is adopted when, at the end of its window of ${hours}, at least ${c.amendment_majority ?? '2/3'} of the member partners agree (one partner, one vote; abstaining or saying nothing does not agree).`;
  return 'A coordinator changes the charter directly on the Charter page. To let the partners decide, a coordinator sets “How the charter changes” to consent or majority there.';
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
    changes: changed.length ? null : 'Change at least one field: the proposal is what differs from the charter now.',
    capacity: changed.includes('capacity') ? amountProblem(values.capacity.trim(), 'positive') : null,
    ...Object.fromEntries([...integers].map((k) => [k, changed.includes(k) ? integerProblem(values[k], 1) : null])),
    rationale: !rationale.trim() ? 'Say why the charter should change: the partners read it before they take a position.' : null,
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
      <p class="form-intro muted">Every field starts at the charter’s value now; the ones you change are marked “Changed”.</p>
      {keys.map((k) => {
        const isChanged = changed.includes(k);
        const info = props.info[k];
        return (
          <div class={'proposal-field' + (isChanged ? ' changed' : '')} data-changed={isChanged ? 'true' : undefined}>
            <Field id={fid(k)} label={<>{titles[k]}{units[k] && <span class="muted unit"> ({units[k]})</span>}{isChanged && <span class="badge changed-badge"> Changed</span>}</>} hint={isChanged ? `Now: ${withUnit(k, valueOf(charter, k))}` : undefined} problem={problems.shown(k)}>
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
      <Field id={fid('rationale')} label="Rationale" hint="Why the network should change this: what it solves, for whom." problem={problems.shown('rationale')}>
        {(attrs) => <textarea {...attrs} rows={3} maxLength={maxChars.description} value={rationale} onInput={(e) => (action.clear(), setRationale((e.target as HTMLTextAreaElement).value))} />}
      </Field>
      <div class="form-actions">
        {problems.shown('changes') && <p class="field-problem">{problems.shown('changes')}</p>}
        <ProblemSummary count={problems.count} />
        <ApiProblem error={action.error} title={props.start ? 'The proposal was not revised' : 'The proposal was not made'} fields={{ ...titles, ...Object.fromEntries(keys.map((k) => ['changes.' + k, titles[k]])), rationale: 'Rationale' }} />
        <button class="btn primary" type="submit" disabled={action.busy} data-action={props.start ? 'revise-proposal' : 'propose-change'}>
          {action.busy ? 'Sending…' : props.start ? 'Revise the proposal' : `Propose ${changed.length === 1 ? 'this change' : `${changed.length || ''} changes`.trim()}`}
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
  const problems = useProblems({ reason: position === 'object' && !reason.trim() ? 'An objection needs a reason: say what would have to change for your partner to agree.' : null });
  async function submit(event: Event) {
    event.preventDefault();
    if (!problems.check(() => `${id}-reason`)) return;
    const done = await action.run(() => put(`/charter/proposals/${props.proposal.id}/positions/${props.partner}`, { position, reason: position === 'agree' ? '' : reason.trim() }));
    if (done) props.onDone();
  }
  return (
    <form class="form position-form" onSubmit={submit} noValidate data-testid="position-form">
      <fieldset>
        <legend>Your partner’s position</legend>
        {(['agree', 'abstain', 'object'] as const).map((p) => (
          <label class="radio">
            <input type="radio" name={`${id}-position`} value={p} checked={position === p} onChange={() => (action.clear(), setPosition(p))} /> {p === 'agree' ? 'Agree' : p === 'abstain' ? 'Abstain' : 'Object (with a reason)'}
          </label>
        ))}
      </fieldset>
      {position !== 'agree' && (
        <Field id={`${id}-reason`} label="Reason" hint={position === 'object' ? 'Required: the proposer can revise the proposal to answer it.' : 'Optional.'} problem={problems.shown('reason')}>
          {(attrs) => <textarea {...attrs} rows={2} maxLength={maxChars.reason} value={reason} onInput={(e) => (action.clear(), setReason((e.target as HTMLTextAreaElement).value))} />}
        </Field>
      )}
      <div class="form-actions">
        <ApiProblem error={action.error} title="The position was not saved" fields={{ reason: 'Reason', position: 'Position' }} />
        <button class="btn primary" type="submit" disabled={action.busy} data-action="save-position">
          {action.busy ? 'Saving…' : own ? 'Change the position' : 'Save the position'}
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
    <Card title={<>Proposal {p.id} <Badge value={p.state} /></>} id={`proposal-${p.id}`} class="proposal-card">
      <p class="muted small">
        By {p.proposer != null ? app.partnerName(p.proposer) : 'a coordinator'} · revision {p.revision} · {open ? (ended ? `the window ended ${formatWhen(p.window_ends_at, zone)}` : `positions until ${formatWhen(p.window_ends_at, zone)}`) : `decided ${formatWhen(p.decided_at ?? '', zone)}`}
      </p>
      <Table columns={['Field', 'Now', 'Proposed']}>
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
        <span class="muted">Rationale: </span>
        {p.rationale}
      </p>
      <h3 class="sub">Positions</h3>
      <Table columns={['Partner', 'Position', 'Reason']}>
        {members.map((m) => {
          const taken = p.positions.find((x) => x.partner === m.id);
          return (
            <tr data-partner={m.id} data-position={taken?.position ?? 'none'}>
              <th scope="row">{m.name}</th>
              <td>{taken ? label(taken.position) : <span class="muted">No position yet</span>}</td>
              <td>{taken?.reason || ''}</td>
            </tr>
          );
        })}
      </Table>
      {!open && (
        <p class="notice-ok" data-testid="result">
          {p.result}
          {p.state === 'adopted' && '. It applies from the next cycle opened.'}
        </p>
      )}
      {open && !ended && isRepresentative(app.session) && app.session.partner != null && <PositionForm proposal={p} partner={app.session.partner} onDone={props.onChanged} />}
      {open && (mine || coordinator) && (
        <details class="revise" open={revising} onToggle={(e) => setRevising((e.target as HTMLDetailsElement).open)}>
          <summary>Revise the proposal</summary>
          {revising && <ChangeForm id={`revise-${p.id}`} charter={props.charter} info={props.info} start={p} send={(b) => put(`/charter/proposals/${p.id}`, b)} onDone={() => (setRevising(false), props.onChanged())} />}
        </details>
      )}
      {open && (mine || coordinator) && !withdrawing && (
        <div class="form-actions">
          <button class="btn danger" type="button" data-action="withdraw-proposal" onClick={() => (withdraw.clear(), setWithdrawing(true))}>
            Withdraw the proposal
          </button>
        </div>
      )}
      {open && withdrawing && (
        <div class="confirm-box" role="group" aria-labelledby={`withdraw-${p.id}-question`} data-testid="withdraw-confirm">
          <p id={`withdraw-${p.id}-question`}>
            <strong>Withdraw proposal {p.id}?</strong> It ends as withdrawn: nothing of it applies, the partners’ positions no longer count, and its fields are free for a new
            proposal. Every partner’s people are told. This cannot be undone.
          </p>
          <ApiProblem error={withdraw.error} title="The proposal was not withdrawn" />
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
              {withdraw.busy ? 'Withdrawing…' : 'Yes, withdraw it'}
            </button>
            <button class="btn ghost" type="button" onClick={() => setWithdrawing(false)}>
              Keep it open
            </button>
          </div>
        </div>
      )}
      {open && ended && coordinator && (
        <div class="form-actions">
          <ApiProblem error={decide.error} title="The proposal was not decided" />
          <button class="btn primary" type="button" data-action="decide-proposal" disabled={decide.busy} onClick={async () => (await decide.run(() => post(`/charter/proposals/${p.id}/decide`))) && props.onChanged()}>
            Decide now
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
        Election {e.id} (term from cycle {e.term_cycle}), decided {formatWhen(e.decided_at ?? '', zone)}: {e.result}.
      </p>
    );
  }
  return (
    <section class="election" aria-labelledby="election-title" data-testid="election">
      <h3 class="sub" id="election-title">
        Election of the coordinating partner <Badge value="open" />
      </h3>
      <p>
        The term that began with cycle {e.term_cycle} needs a coordinating partner. Each member partner has one vote for a partner willing to coordinate and can change it
        {ended ? ` until ${formatWhen(e.window_ends_at, zone)} (the window has ended; it is decided in the next scheduler pass).` : ` until ${formatWhen(e.window_ends_at, zone)}.`} The
        most votes win; a tie goes to the partner that has coordinated fewer terms, then to the one added first.
      </p>
      <Table columns={['Candidate', 'Votes so far']}>
        {candidates.map((c) => (
          <tr data-candidate={c.id}>
            <th scope="row">{c.name}</th>
            <td>
              {count(c.id)} of {members.length} partners
            </td>
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
            <legend>Your partner’s vote{own ? ` (now: ${app.partnerName(own.candidate)})` : ''}</legend>
            {candidates.map((c) => (
              <label class="radio">
                <input type="radio" name={`election-${e.id}-vote`} value={c.id} checked={choice === c.id} onChange={() => (vote.clear(), setChoice(c.id))} /> {c.name}
              </label>
            ))}
          </fieldset>
          <ApiProblem error={vote.error} title="The vote was not saved" fields={{ candidate: 'Candidate' }} />
          <button class="btn primary" type="submit" data-action="vote-coordinator" disabled={vote.busy || choice == null}>
            {vote.busy ? 'Saving…' : own ? 'Change the vote' : 'Vote'}
          </button>
        </form>
      )}
      {ended && isCoordinator(app.session) && (
        <div class="form-actions">
          <ApiProblem error={decide.error} title="The election was not decided" />
          <button class="btn primary" type="button" data-action="decide-election" disabled={decide.busy} onClick={async () => (await decide.run(() => post(`/coordination/elections/${e.id}/decide`))) && props.onChanged()}>
            Decide now
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
  const terms = (n: number) => `${n} ${n === 1 ? 'cycle' : 'cycles'}`;
  return (
    <Card title="Who coordinates" id="coordination">
      {c.mode === 'election' ? (
        <p data-testid="coordinator">
          {c.current
            ? `${c.current.name} coordinates, elected for the term from cycle ${c.current.first_cycle} (${terms(c.term_cycles)} a term; its term number ${c.past_terms}). The next election opens with cycle ${c.next_turn}.`
            : 'The network’s coordinators coordinate until the partners’ first election is decided; it opens with the next cycle opened, among the partners willing to coordinate.'}
        </p>
      ) : c.mode === 'rotation' ? (
        <p data-testid="coordinator">
          {c.current ? `${c.current.name} coordinates since cycle ${c.current.first_cycle}, for ${c.term_cycles} ${c.term_cycles === 1 ? 'cycle' : 'cycles'} a term; the next turn comes with cycle ${c.next_turn}.` : 'The rotation starts with the next cycle opened, among the partners willing to coordinate.'}
        </p>
      ) : (
        <p data-testid="coordinator">The network’s coordinators coordinate (the charter’s coordination is fixed).</p>
      )}
      <p class="muted small">Willing to coordinate: {c.willing.length ? c.willing.map((id) => app.partnerName(id)).join(', ') : 'no partner yet'}.</p>
      {c.mode === 'election' && c.election && <ElectionPanel key={c.election.id} election={c.election} willing={c.willing} partner={partner} onChanged={props.onChanged} />}
      {partner != null && (
        <>
          <ApiProblem error={action.error} title="Nothing changed" />
          <button class="btn" type="button" data-action="willing" disabled={action.busy} onClick={async () => (await action.run(() => put(`/coordination/willing/${partner}`, { willing: !willing }))) && props.onChanged()}>
            {willing ? 'Stop volunteering to coordinate' : 'Volunteer to coordinate'}
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
      <PageHeader title="Charter proposals" subtitle="The partners decide changes to the charter" actions={<a class="btn ghost" href="/network">The charter now</a>} />
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      <ErrorBox error={data.error} title="The proposals could not be loaded" onRetry={data.reload} />
      {data.loading && !data.data && <Loading what="the charter proposals" />}
      {charter && proposals && coordination && info && (
        <div class="grid-side">
          <div class="stack">
            <Card title="How the charter changes">
              <p data-testid="amendment-rule">{ruleInWords(charter)}</p>
            </Card>
            {proposals.length === 0 && <Empty title="No charter proposal yet" />}
            {[...proposals].reverse().map((p) => (
              <ProposalCard proposal={p} charter={charter} info={info} onChanged={changed(`Proposal ${p.id} updated.`)} />
            ))}
          </div>
          <div class="stack">
            <CoordinationCard coordination={coordination} onChanged={changed('Coordination updated.')} />
            {mayPropose && charter.amendment_rule && charter.amendment_rule !== 'coordinator' && (
              <Card title="Propose a change" id="propose-card">
                <ChangeForm key={proposals.length} id="propose" charter={charter} info={info} send={(b) => post('/charter/proposals', b)} onDone={changed('Proposal made: every partner’s people are told.')} />
              </Card>
            )}
          </div>
        </div>
      )}
    </>
  );
}
