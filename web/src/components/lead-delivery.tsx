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
import { locale, t } from '../lib/i18n';
import { fmtCount } from '../lib/rational';
import { Badge, Card, ErrorBox, Num, PartnerChip, right, Table } from './ui';

const moves = ['in_progress', 'blocked', 'delivered'] as const;

/** "2026-12-04T10:00:00Z" as "4 Dec 2026, 10:00 UTC" (in the language's locale). */
function when(utc: string): string {
  const d = new Date(utc);
  if (Number.isNaN(d.getTime())) return utc;
  return `${d.toLocaleDateString(locale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}, ${utc.slice(11, 16)} UTC`;
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
      <Field id="delivery-status" label={t('lead.status')} hint={t('lead.statusHint')}>
        {(attrs) => (
          <select {...attrs} value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
            {moves.map((m) => (
              <option value={m}>{label(m)}</option>
            ))}
          </select>
        )}
      </Field>
      {needsReason && (
        <Field id="blocked-reason" label={t('lead.whyBlocked')}>
          {(attrs) => (
            <textarea {...attrs} rows={2} maxLength={maxChars.reason} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
          )}
        </Field>
      )}
      <ErrorBox error={action.error} title={t('lead.statusFailed')} />
      <button class="btn" type="submit" data-action="set-status" disabled={action.busy || (needsReason && !reason.trim())}>
        {action.busy ? t('withdraw.working') : t('lead.changeStatus')}
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
    <Card title={t('lead.milestones')} id="milestones" extra={<span class="muted small">{props.milestones.length ? t('lead.done', { n: done, total: props.milestones.length }) : t('lead.noneYet')}</span>}>
      {props.milestones.length > 0 && (
        <ul class="milestones">
          {props.milestones.map((m) => (
            <li data-milestone={m.id}>
              <span class={m.done ? 'done' : ''}>{m.title}</span>
              <span class="muted small">{t('lead.due', { date: m.due_date })}</span>
              {m.done ? <Badge value="delivered" kind="delivered" /> : null}
              {props.mayReport && (
                <>
                  <button class="btn ghost" type="button" data-action="toggle-milestone" onClick={() => change(m, { done: !m.done })} disabled={action.busy}>
                    {m.done ? t('lead.reopen', { title: m.title }) : t('lead.markDone', { title: m.title })}
                  </button>
                  <button class="btn ghost" type="button" onClick={() => remove(m)} disabled={action.busy}>
                    {t('lead.remove')} <span class="sr-only">“{m.title}”</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!props.milestones.length && <p class="muted small">{t('lead.milestonesHint')}</p>}
      <ErrorBox error={action.error} title={t('lead.milestoneFailed')} />
      {props.mayReport && (
        <form class="form" onSubmit={add} data-testid="milestone-form">
          <Field id="milestone-title" label={t('lead.newMilestone')}>
            {(attrs) => <input {...attrs} type="text" maxLength={maxChars.title} value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />}
          </Field>
          <Field id="milestone-due" label={t('lead.dueDate')} hint={t('lead.dueHint')}>
            {(attrs) => <input {...attrs} type="date" value={due} onInput={(e) => setDue((e.target as HTMLInputElement).value)} />}
          </Field>
          <button class="btn" type="submit" data-action="add-milestone" disabled={action.busy || !title.trim() || !due}>
            {t('lead.addMilestone')}
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
    <Card title={t('lead.updates')} id="updates">
      {props.data.updates.length ? (
        <ul class="updates">
          {props.data.updates.map((u) => (
            <li data-update={u.id}>
              <span class="muted small">
                {when(u.posted_at)} · {u.partner ? app.partnerName(u.partner) : t('lead.coordinator')}
                {u.status ? ` · ${t('lead.movedTo', { status: label(u.status).toLowerCase() })}` : ''}
              </span>
              {u.text && <div>{u.text}</div>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">{t('lead.noUpdate')}</p>
      )}
      {props.data.may_report && (
        <form class="form" onSubmit={submit} data-testid="update-form">
          <Field id="update-text" label={t('lead.postUpdate')} hint={t('lead.updateHint', { max: fmtCount(maxChars.update) })}>
            {(attrs) => <textarea {...attrs} rows={3} maxLength={maxChars.update} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />}
          </Field>
          <ErrorBox error={action.error} title={t('lead.updateFailed')} />
          <button class="btn" type="submit" data-action="post-update" disabled={action.busy || !text.trim()}>
            {t('lead.post')}
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
        {t('lead.valueIntro', { bounds: amountBounds() })}
      </p>
      <Field id="value-partner" label={t('lead.partner')}>
        {(attrs) => (
          <select {...attrs} value={partner} onChange={(e) => setPartner((e.target as HTMLSelectElement).value)}>
            {lines.map((l) => (
              <option value={String(l.partner)}>{l.partner_name}</option>
            ))}
          </select>
        )}
      </Field>
      {field('target', t('lead.target'))}
      {field('forecast', t('lead.forecast'))}
      {field('actual', t('lead.actual'))}
      <ErrorBox error={action.error} title={t('lead.valueFailed')} />
      <button class="btn" type="submit" data-action="record-value" disabled={action.busy || empty}>
        {t('lead.recordValue')}
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
    <td class={value != null ? 'right' : 'right empty-cell'} data-label={title}>
      {value != null ? <Num value={value} signed /> : <span class="muted">–</span>}
    </td>
  );
  return (
    <Card title={t('lead.valuesTitle', { cycle: d.initiative.cycle })} id="realised" extra={<span class="muted small">{t('lead.perPartner', { unit: d.unit })}</span>}>
      <p class="muted small">{t('lead.valuesHelp')}</p>
      {d.actuals_due && (
        <p class="notice callout" data-testid="actuals-due">
          {t('lead.actualsDue')}
        </p>
      )}
      <Table class="compact stack-on-phone compact-cards" columns={[t('lead.partner'), right(t('lead.estimated')), right(t('lead.target')), right(t('lead.forecast')), right(t('lead.realised')), right(t('lead.awaiting'))]}>
        {d.values.map((line) => (
          <tr data-value-partner={line.partner}>
            <td>
              <PartnerChip id={line.partner} name={line.partner_name} />
            </td>
            {cell(line.estimate, t('lead.estimated'))}
            {cell(line.target, t('lead.target'))}
            {cell(line.forecast, t('lead.forecast'))}
            {cell(line.actual, t('lead.realised'))}
            {cell(line.unconfirmed, t('lead.awaiting'))}
          </tr>
        ))}
      </Table>
      <ErrorBox error={action.error} title={t('lead.confirmFailed')} />
      {d.may_confirm && (
        <div class="button-row">
          <button class="btn solid" type="button" data-action="confirm-values" onClick={confirm} disabled={action.busy}>
            {t('lead.confirm')}
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
  if (data.error) return <ErrorBox error={data.error} title={t('lead.loadFailed')} onRetry={data.reload} />;
  if (!d) return null;
  const status = d.initiative.status;
  if (!['selected', 'in_progress', 'blocked', 'delivered', 'reviewed'].includes(status)) return null;
  const reload = () => {
    data.reload();
    props.onChanged?.();
  };
  return (
    <>
      <Card title={t('lead.delivery')} id="lead-delivery">
        <p>
          <Badge value={status} /> {d.lead_name ? <>{t('lead.ledBy', { name: d.lead_name })}</> : <span class="muted">{t('lead.noLead')}</span>}
          {d.blocked_reason && (
            <>
              {' '}
              <strong>{t('lead.blocked')}</strong> <span data-testid="blocked-reason">{d.blocked_reason}</span>
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
