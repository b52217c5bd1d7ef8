// A cycle's deadlines (proposals_close_at, voting_closes_at: UTC times from the API) in the viewer's time
// zone, named, with a countdown in words that updates every 30 s, and what happens at each deadline under
// the charter's deadline_action. The coordinator sets them when opening a cycle, when starting the vote,
// or later (PUT /cycles/{n}/deadlines); the server's refusal shows in plain words under its field.

import { useEffect, useState } from 'preact/hooks';
import { type ApiError, post, put } from '../lib/api';
import { useApp } from '../lib/context';
import { formatWhen, setPersonZone, viewerZone } from '../lib/dates';
import { useAction } from '../lib/hooks';
import { t, useT } from '../lib/i18n';
import type { Cycle } from '../lib/types';
import { Field } from './form';
import { Card, ErrorBox } from './ui';

export { formatWhen, setPersonZone, viewerZone };

/** The wall-clock parts of the moment `ms` in `zone`. */
function partsIn(ms: number, zone: string): Record<string, string> {
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(ms)) parts[p.type] = p.value;
  return parts;
}

/** How far `zone`'s wall clock is ahead of UTC at the moment `ms`, in ms. */
function offsetAt(ms: number, zone: string): number {
  const p = partsIn(ms, zone);
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second) - Math.floor(ms / 1000) * 1000;
}

/** A UTC time as the value of an <input type="datetime-local"> showing `zone`'s wall clock. */
export function toLocalInput(iso: string | null | undefined, zone: string): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '';
  const p = partsIn(Date.parse(iso), zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}

/** A datetime-local value read as `zone`'s wall clock, as UTC ISO with Z ("2026-12-10T17:00:00Z"); null when empty. */
export function fromLocalInput(local: string, zone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return null;
  const naive = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  const first = naive - offsetAt(naive, zone);
  return new Date(naive - offsetAt(first, zone)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** "in 2 days 3 hours", "5 minutes ago": the two largest units, to the minute (so it changes at most once a minute). */
export function relative(ms: number): string {
  const past = ms < 0;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return past ? t('deadlines.lessThanMinuteAgo') : t('deadlines.inLessThanMinute');
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (count: number, word: string) => (count ? t(`deadlines.${word}`, { count }) : '');
  const text = (days ? [unit(days, 'day'), unit(hours, 'hour')] : hours ? [unit(hours, 'hour'), unit(mins, 'minute')] : [unit(mins, 'minute')]).filter(Boolean).join(' ');
  return past ? t('deadlines.ago', { text }) : t('deadlines.in', { text });
}

/** The time now, renewed every `every` ms while the component is shown. */
function useNow(every = 30_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), every);
    return () => clearInterval(timer);
  }, [every]);
  return now;
}

type Which = 'proposals' | 'voting';

/** What happens at the deadline, in a sentence: the charter's deadline_action decides. */
function consequence(which: Which, auto: boolean, short: boolean): string {
  if (short) return auto ? t('deadlines.thenAutoShort') : t('deadlines.thenCoordinatorShort');
  if (auto) return which === 'proposals' ? t('deadlines.thenAutoVoting') : t('deadlines.thenAutoClose');
  return which === 'proposals' ? t('deadlines.thenRemindVoting') : t('deadlines.thenRemindClose');
}

function Line(props: { which: Which; at: string; cycle: Cycle; now: number; zone: string; auto: boolean; compact?: boolean }) {
  const { which, at, now, zone, auto } = props;
  const left = Date.parse(at) - now;
  const past = left <= 0;
  const waiting = past && props.cycle.state === (which === 'proposals' ? 'proposing' : 'voting');
  const t = useT();
  const tone = past ? 'past' : left < 86_400_000 ? 'soon' : 'later';
  const then = waiting ? (auto ? t('deadlines.waitingAuto') : t('deadlines.waitingRemind')) : past ? '' : consequence(which, auto, !!props.compact);
  return (
    <p class={`deadline deadline-${tone}`} data-deadline={which}>
      <span class="deadline-what">
        {t(`deadlines.${which}.${waiting ? 'waiting' : past ? 'past' : 'future'}`, { when: formatWhen(at, zone) })} <span class="deadline-zone">({zone})</span>
      </span>{' '}
      — <strong class="countdown" data-testid={`countdown-${which}`}>{relative(left)}</strong>
      {then && (props.compact ? <span class="muted small">; {then}</span> : <span class="deadline-then muted small">. {then}</span>)}
    </p>
  );
}

/** The deadlines of an open cycle with their countdowns; `compact` for lists and the ballot. Nothing once closed. */
export function Deadlines(props: { cycle: Cycle | undefined; compact?: boolean }) {
  const app = useApp();
  const now = useNow();
  const zone = viewerZone();
  const c = props.cycle;
  if (!c || (c.state !== 'proposing' && c.state !== 'voting')) return null;
  if (c.state !== 'proposing' && c.state !== 'voting') return null;
  const lines: [Which, string][] = [];
  if (c.state === 'proposing' && c.proposals_close_at) lines.push(['proposals', c.proposals_close_at]);
  if (c.voting_closes_at) lines.push(['voting', c.voting_closes_at]);
  if (!lines.length) {
    return props.compact ? null : (
      <p class="deadline muted" data-testid="no-deadline">
        {t('deadlines.none')}
      </p>
    );
  }
  // role=timer: a live region that speaks politely; its words change at most once a minute.
  return (
    <div class={props.compact ? 'deadlines compact' : 'deadlines'} data-testid="deadlines" role="timer" aria-live="polite" aria-atomic="false">
      {lines.map(([which, at]) => (
        <Line which={which} at={at} cycle={c} now={now} zone={zone} auto={app.deadlineAction === 'auto'} compact={props.compact} />
      ))}
    </div>
  );
}

type Key = 'proposals_close_at' | 'voting_closes_at';
type Values = Record<Key, string>;
const fieldLabels: Record<Key, string> = { proposals_close_at: 'deadlines.field.proposals', voting_closes_at: 'deadlines.field.voting' };

/** The field a refusal is about (the voting endpoint calls it closes_at), and its message in plain words. */
function problemOf(e: ApiError | undefined): { field?: Key; text: string } | undefined {
  if (!e) return undefined;
  const raw = (e.field ?? '').replace(/^body\./, '');
  const field: Key | undefined = raw === 'closes_at' ? 'voting_closes_at' : raw === 'proposals_close_at' || raw === 'voting_closes_at' ? raw : undefined;
  const m = e.message;
  const text = /has passed already/.test(m)
    ? t('deadlines.passed')
    : /must close after proposals/.test(m)
      ? t('deadlines.afterProposals')
      : m.charAt(0).toUpperCase() + m.slice(1).replace(/\.?$/, '.');
  return { field, text };
}

/** The datetime-local fields of the deadlines, in the viewer's zone, each with the server's problem under it. */
function DeadlineFields(props: { prefix: string; fields: Key[]; values: Values; set: (f: Key, v: string) => void; problem?: { field?: Key; text: string } }) {
  const zone = viewerZone();
  const t = useT();
  return (
    <>
      {props.fields.map((f) => (
        <Field id={`${props.prefix}-${f}`} label={t('deadlines.optional', { field: t(fieldLabels[f]) })} hint={t('deadlines.fieldHint', { zone })} problem={props.problem?.field === f ? props.problem.text : null}>
          {(attrs) => <input {...attrs} type="datetime-local" name={f} value={props.values[f]} onInput={(e) => props.set(f, (e.target as HTMLInputElement).value)} />}
        </Field>
      ))}
    </>
  );
}

function useValues(cycle?: Cycle) {
  const zone = viewerZone();
  const initial: Values = { proposals_close_at: toLocalInput(cycle?.proposals_close_at, zone), voting_closes_at: toLocalInput(cycle?.voting_closes_at, zone) };
  const [values, setValues] = useState(initial);
  /** The body: the fields whose value changed, as UTC (null: removed). */
  const changed = (fields: Key[]) => {
    const body: Partial<Record<Key, string | null>> = {};
    for (const f of fields) if (values[f] !== initial[f]) body[f] = values[f] ? fromLocalInput(values[f], zone) : null;
    return body;
  };
  return { values, set: (f: Key, v: string) => setValues((s) => ({ ...s, [f]: v })), changed };
}

/** The coordinator's dialog for opening the next cycle, its deadlines optional (POST /cycles). */
export function OpenCycleForm(props: { onOpened: (c: Cycle) => void; onCancel: () => void }) {
  const action = useAction();
  const v = useValues();
  const problem = problemOf(action.error);
  const fields: Key[] = ['proposals_close_at', 'voting_closes_at'];
  const t = useT();
  return (
    <form
      class="form"
      id="open-cycle-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const c = await action.run(() => post<any>('/cycles', v.changed(fields)));
        if (c) props.onOpened((c.cycle ?? c) as Cycle);
      }}
    >
      <h2 id="open-cycle-title">{t('deadlines.openTitle')}</h2>
      <p class="muted">{t('deadlines.openText')}</p>
      <DeadlineFields prefix="open" fields={fields} values={v.values} set={v.set} problem={problem} />
      {problem && !problem.field && <ErrorBox error={action.error} title={t('deadlines.openFailed')} />}
      <div class="form-actions">
        <button class="btn primary" type="submit" data-action="confirm-open-cycle" disabled={action.busy}>
          {t('deadlines.openButton')}
        </button>
        <button class="btn" type="button" onClick={props.onCancel}>
          {t('deadlines.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Start voting (POST /cycles/{n}/voting), optionally saying when voting closes. */
export function StartVoting(props: { cycle: Cycle; onDone: () => void }) {
  const action = useAction();
  const v = useValues(props.cycle);
  const problem = problemOf(action.error);
  const t = useT();
  return (
    <form
      class="form start-voting"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const at = v.changed(['voting_closes_at']).voting_closes_at;
        if (await action.run(() => post(`/cycles/${props.cycle.number}/voting`, at === undefined ? {} : { closes_at: at }))) props.onDone();
      }}
    >
      <DeadlineFields prefix="start" fields={['voting_closes_at']} values={v.values} set={v.set} problem={problem} />
      <button class="btn primary" type="submit" data-action="start-voting" disabled={action.busy}>
        {t('deadlines.startVoting')}
      </button>
      {problem && !problem.field && <ErrorBox error={action.error} title={t('deadlines.startFailed')} />}
    </form>
  );
}

/** On an open cycle's page, the coordinator changes or removes its deadlines (PUT /cycles/{n}/deadlines). */
export function ChangeDeadlines(props: { cycle: Cycle; onDone: () => void }) {
  const action = useAction();
  const v = useValues(props.cycle);
  const [note, setNote] = useState('');
  const problem = problemOf(action.error);
  const fields: Key[] = props.cycle.state === 'proposing' ? ['proposals_close_at', 'voting_closes_at'] : ['voting_closes_at'];
  const t = useT();
  return (
    <details class="change-deadlines">
      <summary>{t('deadlines.change')}</summary>
      <form
        class="form"
        id="deadlines-form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const body = v.changed(fields);
          if (!Object.keys(body).length) return setNote(t('deadlines.nothingChanged'));
          setNote('');
          if (await action.run(() => put(`/cycles/${props.cycle.number}/deadlines`, body))) props.onDone();
        }}
      >
        <DeadlineFields prefix="change" fields={fields} values={v.values} set={v.set} problem={problem} />
        {problem && !problem.field && <ErrorBox error={action.error} title={t('deadlines.changeFailed')} />}
        {note && <p class="muted">{note}</p>}
        <button class="btn" type="submit" data-action="save-deadlines" disabled={action.busy}>
          {t('deadlines.save')}
        </button>
      </form>
    </details>
  );
}

/** The cycle page's card: the deadlines and, for the coordinator, the form that changes them. Nothing once closed. */
export function DeadlinesCard(props: { cycle: Cycle; coordinator: boolean; onChanged: () => void }) {
  const c = props.cycle;
  const t = useT();
  if (c.state !== 'proposing' && c.state !== 'voting') return null;
  return (
    <Card title={t('deadlines.title')} id="deadlines">
      <Deadlines cycle={c} />
      {props.coordinator && <ChangeDeadlines key={`${c.state} ${c.proposals_close_at} ${c.voting_closes_at}`} cycle={c} onDone={props.onChanged} />}
    </Card>
  );
}
