// Actuals of a closed cycle (coordinators): for each initiative the cycle selected, what it realised for
// each partner, next to what was estimated; one form per initiative, a field per partner.

import { t } from '../lib/i18n';
import { useState } from 'preact/hooks';
import { ApiProblem } from '../components/form';
import { RealisedTable } from '../components/realised';
import { Badge, Card, Empty, ErrorBox, Loading, PageHeader } from '../components/ui';
import { ApiError, get, post } from '../lib/api';
import { isCoordinator, list, useApp } from '../lib/context';
import { loadCycles } from '../lib/cycles';
import { unwrapOutcome } from '../lib/dashboard';
import { useAction, useAsync } from '../lib/hooks';
import { amountBounds, amountProblem } from '../lib/limits';
import { label } from '../lib/names';
import { fmt, fmtSigned, num } from '../lib/rational';
import { queryParam } from '../lib/router';
import type { Cycle, CycleOutcome, Initiative, Partner, RealisedValue } from '../lib/types';


async function loadClosed() {
  const [cycles, initiatives, actuals] = await Promise.all([
    loadCycles(),
    get<unknown>('/initiatives').then((r) => list<Initiative>(r, 'initiatives')),
    get<unknown>('/actuals').then((r) => list<RealisedValue>(r, 'actuals')),
  ]);
  return { closed: cycles.filter((c) => c.state === 'closed' || c.state === 'reviewed'), initiatives, actuals };
}

/** The partners that were members during cycle `n`: the ones an initiative of it could touch. */
const membersIn = (partners: Partner[], n: number) => partners.filter((p) => p.joined_cycle <= n && (p.left_cycle == null || p.left_cycle > n));

function ActualsForm(props: { initiative: Initiative; cycle: Cycle; actuals: RealisedValue[]; onRecorded: (count: number) => void }) {
  const app = useApp();
  const { unit } = app;
  const i = props.initiative;
  const estimated = new Set((i.impacts ?? []).map((x) => x.partner));
  const members = membersIn(app.partners, props.cycle.number).sort((a, b) => Number(estimated.has(b.id)) - Number(estimated.has(a.id)) || a.id - b.id);
  const [values, setValues] = useState<Record<number, string>>({});
  const [tried, setTried] = useState(false);
  const action = useAction();
  const filled = members.filter((p) => (values[p.id] ?? '').trim() !== '');
  const problems = new Map(filled.map((p) => [p.id, amountProblem(values[p.id].trim())]).filter(([, v]) => v) as [number, string][]);
  const formId = `actuals-${i.id}`;
  async function submit(event: Event) {
    event.preventDefault();
    setTried(true);
    if (problems.size) {
      document.getElementById(`${formId}-${[...problems.keys()][0]}`)?.focus();
      return;
    }
    if (!filled.length) return;
    const done = await action.run(async () => {
      let count = 0;
      for (const p of filled) {
        try {
          await post('/actuals', { cycle: props.cycle.number, initiative: i.id, partner: p.id, actual: values[p.id].trim() });
        } catch (e) {
          // Say which partner's figure was refused; the ones before it are recorded.
          if (e instanceof ApiError) throw new ApiError(e.status, e.kind, `${p.name}: ${e.message}${count ? ` (${count} recorded before it)` : ''}`, e.field);
          throw e;
        }
        count++;
      }
      return count;
    });
    if (done) {
      setValues({});
      setTried(false);
      props.onRecorded(done);
    }
  }
  return (
    <form class="form actuals-form" id={formId} onSubmit={submit} noValidate aria-label={t('actuals.of', { title: i.title })}>
      <p class="hint">{t('actuals.hint', { unit, bounds: amountBounds() })}</p>
      <div class="actual-fields">
        {members.map((p) => {
          const problem = tried ? problems.get(p.id) : undefined;
          const recorded = props.actuals.find((a) => a.initiative === i.id && a.cycle === props.cycle.number && a.partner === p.id);
          const est = (i.impacts ?? []).find((x) => x.partner === p.id)?.estimate ?? '0';
          return (
            <div class="actual-field">
              <label for={`${formId}-${p.id}`}>{p.name}</label>
              <input
                id={`${formId}-${p.id}`}
                inputMode="decimal"
                value={values[p.id] ?? ''}
                aria-invalid={problem ? true : undefined}
                aria-describedby={`${formId}-${p.id}-hint${problem ? ` ${formId}-${p.id}-problem` : ''}`}
                onInput={(e) => (action.clear(), setValues((v) => ({ ...v, [p.id]: (e.target as HTMLInputElement).value })))}
              />
              <span class="hint" id={`${formId}-${p.id}-hint`}>
                {t('actuals.estimated', { value: fmtSigned(est) })}
                {recorded ? t('actuals.recorded', { value: fmtSigned(recorded.actual) }) : ''}
              </span>
              {problem && (
                <span class="field-problem" id={`${formId}-${p.id}-problem`}>
                  {problem}
                </span>
              )}
            </div>
          );
        })}
      </div>
      <div class="form-actions">
        {tried && problems.size > 0 && (
          <div class="error-box" role="alert">
            <div class="error-title">{t('actuals.needChange', { count: problems.size })}</div>
            <div class="error-message">{t('form.seeMessages')}</div>
          </div>
        )}
        <ApiProblem error={action.error} title={t('actuals.notAll')} />
        <button class="btn primary" type="submit" disabled={action.busy || !filled.length} data-action="record-actuals">
          {action.busy ? t('actuals.recording') : filled.length ? t('actuals.record', { count: filled.length }) : t('actuals.typeFigure')}
        </button>
      </div>
    </form>
  );
}

function SelectedInitiative(props: { initiative: Initiative; cycle: Cycle; actuals: RealisedValue[]; coordinator: boolean; onRecorded: (n: number, title: string) => void }) {
  const { unit } = useApp();
  const i = props.initiative;
  const mine = props.actuals.filter((a) => a.initiative === i.id && a.cycle === props.cycle.number);
  const total = mine.reduce((s, a) => s + num(a.actual), 0);
  const estimated = (i.impacts ?? []).reduce((s, x) => s + num(x.estimate), 0);
  return (
    <Card
      title={
        <a href={`/initiatives/${i.id}`} class="strong">
          {i.title}
        </a>
      }
      extra={<Badge value={i.status} />}
      class="selected-initiative"
    >
      <p class="muted small" data-testid="realised-total">
        {mine.length ? t('actuals.realised', { total: fmt(total), estimated: fmt(estimated), unit }) : t('actuals.nothingYet', { estimated: fmt(estimated), unit })}
      </p>
      <details class="data-table" open={mine.length > 0}>
        <summary>{t('actuals.perPartner')}</summary>
        <RealisedTable initiative={i} cycle={props.cycle.number} actuals={props.actuals} />
      </details>
      {props.coordinator && <ActualsForm initiative={i} cycle={props.cycle} actuals={props.actuals} onRecorded={(n) => props.onRecorded(n, i.title)} />}
    </Card>
  );
}

export function ActualsPage() {
  const app = useApp();
  const coordinator = isCoordinator(app.session);
  const data = useAsync(loadClosed, []);
  const [asked, setAsked] = useState(() => Number(queryParam('cycle')));
  const [notice, setNotice] = useState('');
  const closed = data.data?.closed ?? [];
  const cycle = closed.find((c) => c.number === asked) ?? [...closed].reverse().find((c) => c.state === 'closed') ?? closed[closed.length - 1];
  const outcome = useAsync<CycleOutcome | undefined>(() => (cycle ? get<any>(`/cycles/${cycle.number}/outcome`).then(unwrapOutcome) : Promise.resolve(undefined)), [cycle?.number]);
  const selected = (outcome.data?.decisions ?? []).filter((d) => d.selected).map((d) => data.data?.initiatives.find((i) => i.id === d.initiative)).filter((i): i is Initiative => !!i);
  return (
    <>
      <PageHeader title={t('actuals.title')} subtitle={t('actuals.subtitle')} />
      <ErrorBox error={data.error} title={t('cycles.loadFailed')} onRetry={data.reload} />
      {data.loading && !data.data && <Loading what={t('actuals.loading')} />}
      {data.data && closed.length === 0 && <Empty title={t('actuals.noClosed')}>{t('actuals.noClosedText')}</Empty>}
      {cycle && (
        <>
          <div class="toolbar">
            <div class="inline-form">
              <label for="actuals-cycle" class="strong">
                {t('cycles.col.cycle')}
              </label>
              <select
                id="actuals-cycle"
                value={String(cycle.number)}
                onChange={(e) => {
                  const n = (e.target as HTMLSelectElement).value;
                  setNotice('');
                  setAsked(Number(n));
                  history.replaceState(null, '', `/actuals?cycle=${n}`);
                }}
              >
                {[...closed].reverse().map((c) => (
                  <option value={String(c.number)}>
                    {t('cycle.title', { cycle: c.number })} ({label(c.state).toLowerCase()})
                  </option>
                ))}
              </select>
            </div>
            <a href={`/cycles/${cycle.number}`}>{t('actuals.outcomeOf', { cycle: cycle.number })}</a>
          </div>
          <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
          <ErrorBox error={outcome.error} title={t('actuals.outcomeFailed')} onRetry={outcome.reload} />
          {outcome.loading && !outcome.data && <Loading what={t('actuals.loadingSelected')} />}
          {outcome.data && selected.length === 0 && <Empty title={t('actuals.nothingSelected')}>{t('actuals.nothingToRecord')}</Empty>}
          <div class="grid-2 actuals-grid">
            {selected.map((i) => (
              <SelectedInitiative
                initiative={i}
                cycle={cycle}
                actuals={data.data!.actuals}
                coordinator={coordinator}
                onRecorded={(n, title) => {
                  setNotice(t('actuals.recordedNotice', { count: n, title, cycle: cycle.number }));
                  data.reload();
                }}
              />
            ))}
          </div>
        </>
      )}
    </>
  );
}
