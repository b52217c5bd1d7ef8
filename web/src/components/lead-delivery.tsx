// Delivery by the lead, on a selected initiative's page: its status (and why it is blocked), milestones, progress
// updates, and its value per partner, estimated against realised. The lead's representatives and coordinators
// get the forms (post an update, keep milestones, move the status, record value); coordinators confirm the lead's
// actuals, which count in the reports only then. The server decides who may; this only shows the forms.

import { useState } from 'preact/hooks';
import { del, get, patch, post, put } from '../lib/api';
import { useApp } from '../lib/context';
import { useAction, useAsync } from '../lib/hooks';
import { amountBounds, amountProblem, maxChars } from '../lib/limits';
import { label } from '../lib/names';
import type { InitiativeDelivery, Milestone } from '../lib/types';
import { Field } from './form';
import { Badge, Card, ErrorBox, Num, PartnerChip, right, Table } from './ui';

const moves = ['in_progress', 'blocked', 'delivered'] as const;

/** "2026-12-04T10:00:00Z" as "4 Dec 2026, 10:00 UTC". */
function when(utc: string): string {
  const d = new Date(utc);
  if (Number.isNaN(d.getTime())) return utc;
  return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}, ${utc.slice(11, 16)} UTC`;
}

function StatusForm(props: { id: number; current: string; onDone: () => void }) {
  const action = useAction();
  const [status, setStatus] = useState(props.current === 'blocked' ? 'blocked' : props.current === 'delivered' ? 'delivered' : 'in_progress');
  const [reason, setReason] = useState('');
  const needsReason = status === 'blocked';
  async function submit(event: Event) {
    event.preventDefault();
    const done = await action.run(() => put(`/initiatives/${props.id}/status`, needsReason ? { status, reason: reason.trim() } : { status }));
    if (done !== undefined) {
      setReason('');
      props.onDone();
    }
  }
  return (
    <form class="form" onSubmit={submit} data-testid="status-form">
      <Field id="delivery-status" label="Delivery status" hint="Blocked needs a reason, which everyone in the network sees.">
        {(attrs) => (
          <select {...attrs} value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
            {moves.map((m) => (
              <option value={m}>{label(m)}</option>
            ))}
          </select>
        )}
      </Field>
      {needsReason && (
        <Field id="blocked-reason" label="Why is it blocked? (required)">
          {(attrs) => (
            <textarea {...attrs} rows={2} maxLength={maxChars.reason} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
          )}
        </Field>
      )}
      <ErrorBox error={action.error} title="The status did not change" />
      <button class="btn" type="submit" data-action="set-status" disabled={action.busy || (needsReason && !reason.trim())}>
        {action.busy ? 'Working…' : 'Change status'}
      </button>
    </form>
  );
}

function Milestones(props: { id: number; milestones: Milestone[]; mayReport: boolean; onDone: () => void }) {
  const action = useAction();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  async function add(event: Event) {
    event.preventDefault();
    const done = await action.run(() => post(`/initiatives/${props.id}/milestones`, { title: title.trim(), due_date: due }));
    if (done !== undefined) {
      setTitle('');
      setDue('');
      props.onDone();
    }
  }
  const change = async (m: Milestone, body: unknown) => {
    if ((await action.run(() => patch(`/initiatives/${props.id}/milestones/${m.id}`, body))) !== undefined) props.onDone();
  };
  const remove = async (m: Milestone) => {
    if ((await action.run(() => del(`/initiatives/${props.id}/milestones/${m.id}`))) !== undefined) props.onDone();
  };
  const done = props.milestones.filter((m) => m.done).length;
  return (
    <Card title="Milestones" id="milestones" extra={<span class="muted small">{props.milestones.length ? `${done} of ${props.milestones.length} done` : 'none yet'}</span>}>
      {props.milestones.length > 0 && (
        <ul class="milestones">
          {props.milestones.map((m) => (
            <li data-milestone={m.id}>
              <span class={m.done ? 'done' : ''}>{m.title}</span>
              <span class="muted small">due {m.due_date}</span>
              {m.done ? <Badge value="delivered" kind="delivered" /> : null}
              {props.mayReport && (
                <>
                  <button class="btn ghost" type="button" data-action="toggle-milestone" onClick={() => change(m, { done: !m.done })} disabled={action.busy}>
                    {m.done ? `Reopen “${m.title}”` : `Mark “${m.title}” done`}
                  </button>
                  <button class="btn ghost" type="button" onClick={() => remove(m)} disabled={action.busy}>
                    Remove <span class="sr-only">“{m.title}”</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!props.milestones.length && <p class="muted small">The lead sets the milestones the delivery is measured by.</p>}
      <ErrorBox error={action.error} title="The milestone was not saved" />
      {props.mayReport && (
        <form class="form" onSubmit={add} data-testid="milestone-form">
          <Field id="milestone-title" label="New milestone">
            {(attrs) => <input {...attrs} type="text" maxLength={maxChars.title} value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />}
          </Field>
          <Field id="milestone-due" label="Due date" hint="The day it should be reached (YYYY-MM-DD).">
            {(attrs) => <input {...attrs} type="date" value={due} onInput={(e) => setDue((e.target as HTMLInputElement).value)} />}
          </Field>
          <button class="btn" type="submit" data-action="add-milestone" disabled={action.busy || !title.trim() || !due}>
            Add milestone
          </button>
        </form>
      )}
    </Card>
  );
}

function Updates(props: { data: InitiativeDelivery; onDone: () => void }) {
  const app = useApp();
  const action = useAction();
  const [text, setText] = useState('');
  const id = props.data.initiative.id;
  async function submit(event: Event) {
    event.preventDefault();
    const done = await action.run(() => post(`/initiatives/${id}/updates`, { text: text.trim() }));
    if (done !== undefined) {
      setText('');
      props.onDone();
    }
  }
  return (
    <Card title="Progress updates" id="updates">
      {props.data.updates.length ? (
        <ul class="updates">
          {props.data.updates.map((u) => (
            <li data-update={u.id}>
              <span class="muted small">
                {when(u.posted_at)} · {u.partner ? app.partnerName(u.partner) : 'coordinator'}
                {u.status ? ` · moved to ${label(u.status).toLowerCase()}` : ''}
              </span>
              {u.text && <div>{u.text}</div>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">No update yet: the lead posts what happened and what comes next.</p>
      )}
      {props.data.may_report && (
        <form class="form" onSubmit={submit} data-testid="update-form">
          <Field id="update-text" label="Post an update" hint={`Plain text, up to ${maxChars.update.toLocaleString('en-GB')} characters; every partner reads it.`}>
            {(attrs) => <textarea {...attrs} rows={3} maxLength={maxChars.update} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />}
          </Field>
          <ErrorBox error={action.error} title="The update was not posted" />
          <button class="btn" type="submit" data-action="post-update" disabled={action.busy || !text.trim()}>
            Post update
          </button>
        </form>
      )}
    </Card>
  );
}

function ValueForm(props: { data: InitiativeDelivery; onDone: () => void }) {
  const action = useAction();
  const lines = props.data.values;
  const [partner, setPartner] = useState(String(lines[0]?.partner ?? props.data.initiative.proposer));
  const [amounts, setAmounts] = useState({ target: '', forecast: '', actual: '' });
  const problems = {
    target: amounts.target ? amountProblem(amounts.target) : null,
    forecast: amounts.forecast ? amountProblem(amounts.forecast) : null,
    actual: amounts.actual ? amountProblem(amounts.actual) : null,
  };
  const empty = !amounts.target && !amounts.forecast && !amounts.actual;
  async function submit(event: Event) {
    event.preventDefault();
    if (empty || problems.target || problems.forecast || problems.actual) return;
    const body = Object.fromEntries(Object.entries(amounts).filter(([, v]) => v));
    const done = await action.run(() => put(`/initiatives/${props.data.initiative.id}/realised/${partner}`, body));
    if (done !== undefined) {
      setAmounts({ target: '', forecast: '', actual: '' });
      props.onDone();
    }
  }
  const field = (key: 'target' | 'forecast' | 'actual', title: string) => (
    <Field id={`value-${key}`} label={`${title} (${props.data.unit})`} problem={problems[key]}>
      {(attrs) => (
        <input {...attrs} type="text" inputMode="decimal" value={amounts[key]} onInput={(e) => setAmounts({ ...amounts, [key]: (e.target as HTMLInputElement).value })} />
      )}
    </Field>
  );
  return (
    <form class="form" onSubmit={submit} data-testid="value-form">
      <p class="form-intro">
        Record what the initiative did for a partner: the target it aims for, the latest forecast, or the actual value realised ({amountBounds()}; below 0 = a loss).
        Leave a field empty to keep what was recorded. An actual counts in the reports once a coordinator confirms it.
      </p>
      <Field id="value-partner" label="Partner">
        {(attrs) => (
          <select {...attrs} value={partner} onChange={(e) => setPartner((e.target as HTMLSelectElement).value)}>
            {lines.map((l) => (
              <option value={String(l.partner)}>{l.partner_name}</option>
            ))}
          </select>
        )}
      </Field>
      {field('target', 'Target')}
      {field('forecast', 'Forecast')}
      {field('actual', 'Actual')}
      <ErrorBox error={action.error} title="The value was not recorded" />
      <button class="btn" type="submit" data-action="record-value" disabled={action.busy || empty}>
        Record value
      </button>
    </form>
  );
}

function Values(props: { data: InitiativeDelivery; onDone: () => void }) {
  const action = useAction();
  const d = props.data;
  const confirm = async () => {
    if ((await action.run(() => post(`/initiatives/${d.initiative.id}/realised/confirm`, {}))) !== undefined) props.onDone();
  };
  const cell = (value: string | null | undefined, title: string) => (
    <td class="right" data-label={title}>
      {value != null ? <Num value={value} signed /> : <span class="muted">–</span>}
    </td>
  );
  return (
    <Card title={`Estimated against realised value, cycle ${d.initiative.cycle}`} id="realised" extra={<span class="muted small">{d.unit} per partner</span>}>
      <p class="muted small">
        Estimated: what the proposal expected for each partner. Realised: the actual its lead recorded and a coordinator confirmed; only confirmed values count in
        the reports. Awaiting: recorded by the lead, not yet confirmed.
      </p>
      {d.actuals_due && (
        <p class="notice callout" data-testid="actuals-due">
          Actuals are due: the next cycle has closed and no actual is recorded yet.
        </p>
      )}
      <Table class="compact stack-on-phone" columns={['Partner', right('Estimated'), right('Target'), right('Forecast'), right('Realised'), right('Awaiting')]}>
        {d.values.map((line) => (
          <tr data-value-partner={line.partner}>
            <td>
              <PartnerChip id={line.partner} name={line.partner_name} />
            </td>
            {cell(line.estimate, 'Estimated')}
            {cell(line.target, 'Target')}
            {cell(line.forecast, 'Forecast')}
            {cell(line.actual, 'Realised')}
            {cell(line.unconfirmed, 'Awaiting')}
          </tr>
        ))}
      </Table>
      <ErrorBox error={action.error} title="The values were not confirmed" />
      {d.may_confirm && (
        <div class="button-row">
          <button class="btn solid" type="button" data-action="confirm-values" onClick={confirm} disabled={action.busy}>
            Confirm the lead's actuals
          </button>
        </div>
      )}
      {d.may_report && <ValueForm data={d} onDone={props.onDone} />}
    </Card>
  );
}

/** The delivery of a selected initiative (nothing for one that was not selected). */
export function LeadDelivery(props: { id: number; onChanged?: () => void }) {
  const data = useAsync(() => get<InitiativeDelivery>(`/initiatives/${props.id}/delivery`), [props.id]);
  const d = data.data;
  if (data.error) return <ErrorBox error={data.error} title="The delivery could not be loaded" onRetry={data.reload} />;
  if (!d) return null;
  const status = d.initiative.status;
  if (!['selected', 'in_progress', 'blocked', 'delivered', 'reviewed'].includes(status)) return null;
  const reload = () => {
    data.reload();
    props.onChanged?.();
  };
  return (
    <>
      <Card title="Delivery" id="lead-delivery">
        <p>
          <Badge value={status} /> {d.lead_name ? <>Led by {d.lead_name}.</> : <span class="muted">No lead.</span>}
          {d.blocked_reason && (
            <>
              {' '}
              <strong>Blocked:</strong> <span data-testid="blocked-reason">{d.blocked_reason}</span>
            </>
          )}
        </p>
        {d.may_report && status !== 'reviewed' && <StatusForm id={props.id} current={status} onDone={reload} />}
      </Card>
      <Values data={d} onDone={reload} />
      <Milestones id={props.id} milestones={d.milestones} mayReport={d.may_report} onDone={reload} />
      <Updates data={d} onDone={reload} />
    </>
  );
}
