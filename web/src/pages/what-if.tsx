// What if (issue 16 item 5), for coordinators: edit a copy of the current charter, run both charters on simulated
// futures of this network (a background job on the server: POST /api/simulations), follow its progress, cancel
// it, and read the predicted retention and network value per cycle with their 95% intervals, in words, charts
// and tables. Simulations live in the server's memory: a restart forgets them.

import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ChartView } from '../components/chart';
import { ApiProblem, Field, ProblemSummary, useProblems } from '../components/form';
import { Card, Empty, ErrorBox, Loading, PageHeader, Table } from '../components/ui';
import { del, get, post } from '../lib/api';
import { isCoordinator, useApp } from '../lib/context';
import { theme, withAlpha } from '../lib/colors';
import { useAction, useAsync } from '../lib/hooks';
import { amountBounds, amountProblem, amountValue, integerProblem } from '../lib/limits';
import { rich } from '../components/rich';
import { t } from '../lib/i18n';
import { label } from '../lib/names';
import { type PropertyInfo, schemaFields } from '../lib/openapi';
import { fmtFixed, pct } from '../lib/rational';
import type { Charter, Simulation, SimulationInterval, SimulationPolicy } from '../lib/types';
import { fmtValue, unitOf, withUnit } from '../lib/units';
import { plainHelp } from './network';

/** The charter's fields that change what a simulated cycle decides, as the form edits them (all as text). */
type Values = {
  capacity: string;
  rule: string;
  sharing: string;
  'fairness.max_dry_spell': string;
  'fairness.max_deopt_share': string;
  'fairness.weight_policy': string;
  'fairness.weight_absence': string;
  'leadership.max_concurrent_leads': string;
};
type Key = keyof Values;

const titles: Record<Key, string> = {
  capacity: 'charter.field.capacity',
  rule: 'charter.field.rule',
  sharing: 'charter.field.sharing',
  'fairness.max_dry_spell': 'charter.field.fairness_max_dry_spell',
  'fairness.max_deopt_share': 'charter.field.fairness_max_deopt_share',
  'fairness.weight_policy': 'whatIf.weightPolicy',
  'fairness.weight_absence': 'whatIf.weightAbsence',
  'leadership.max_concurrent_leads': 'charter.field.leadership_max_concurrent_leads',
};
const keys = Object.keys(titles) as Key[];
/** A field's title in the language in use. */
const title = (k: Key) => t(titles[k]);
const units: Partial<Record<Key, string>> = {
  capacity: 'charter.unit.capacity',
  'fairness.max_dry_spell': 'charter.unit.fairness_max_dry_spell',
  'fairness.max_deopt_share': 'charter.unit.fairness_max_deopt_share',
  'leadership.max_concurrent_leads': 'charter.unit.leadership_max_concurrent_leads',
};
/** What a field is counted in, in the language in use. */
const unitText = (k: Key) => (units[k] ? t(units[k]!) : '');

function valuesOf(c: Charter): Values {
  return {
    capacity: c.capacity,
    rule: c.rule,
    sharing: c.sharing,
    'fairness.max_dry_spell': String(c.fairness.max_dry_spell),
    'fairness.max_deopt_share': c.fairness.max_deopt_share,
    'fairness.weight_policy': c.fairness.weight_policy ?? 'reset',
    'fairness.weight_absence': c.fairness.weight_absence ?? 'ignore',
    'leadership.max_concurrent_leads': String(c.leadership.max_concurrent_leads),
  };
}

/** The changed members, nested as the charter is (POST /api/simulations' "charter"). */
function changes(before: Values, after: Values): Record<string, unknown> {
  const body: Record<string, any> = {};
  for (const k of keys) {
    if (before[k].trim() === after[k].trim()) continue;
    const raw = after[k].trim();
    const value = k.endsWith('max_dry_spell') || k.endsWith('max_concurrent_leads') ? Number(raw) : raw;
    const [outer, inner] = k.split('.');
    if (inner) body[outer] = { ...(body[outer] ?? {}), [inner]: value };
    else body[outer] = value;
  }
  return body;
}

/** A value as a reader says it: choices by their label, numbers with their units. */
function shown(k: Key, value: string): string {
  if (k === 'fairness.max_deopt_share') return `${pct(value)} ${unitText(k)}`;
  if (units[k]) return `${value} ${unitText(k)}`;
  return label(value);
}

/** The size of the simulation, as the form edits it. */
type Size = { networks: string; cycles: string; seed: string };

function problemsOf(v: Values, size: Size, info: Record<string, PropertyInfo>, input: Record<string, PropertyInfo>) {
  const share = v['fairness.max_deopt_share'].trim();
  const whole = (k: Key) => integerProblem(v[k], info[k]?.minimum ?? 1, info[k]?.maximum);
  return {
    capacity: amountProblem(v.capacity.trim(), 'positive'),
    'fairness.max_dry_spell': whole('fairness.max_dry_spell'),
    'fairness.max_deopt_share': amountProblem(share, 'positive') ?? (amountValue(share) > 1 ? t('charter.shareProblem') : null),
    'leadership.max_concurrent_leads': whole('leadership.max_concurrent_leads'),
    networks: integerProblem(size.networks, input.networks?.minimum ?? 10, input.networks?.maximum ?? 1000),
    cycles: integerProblem(size.cycles, input.cycles?.minimum ?? 1, input.cycles?.maximum ?? 100),
    seed: size.seed.trim() === '' ? null : integerProblem(size.seed, 0, input.seed?.maximum),
  };
}

function CharterInput(props: { k: Key; values: Values; info: PropertyInfo | undefined; set: (k: Key, v: string) => void; attrs: any }) {
  const { k, values, info, attrs } = props;
  const onInput = (e: Event) => props.set(k, (e.target as HTMLInputElement).value);
  if (info?.choices) {
    return (
      <select {...attrs} value={values[k]} onChange={onInput}>
        {info.choices.map((c) => (
          <option value={c}>{label(c)}</option>
        ))}
      </select>
    );
  }
  return <input {...attrs} value={values[k]} onInput={onInput} inputMode={k.includes('share') || k === 'capacity' ? 'decimal' : 'numeric'} autoComplete="off" />;
}

/** A share's bound kept within 0–100% (the normal approximation's interval can pass them). */
const bounded = (x: number) => Math.min(1, Math.max(0, x));
/** "92% (90–94%)": a share with its interval. */
const share = (i: SimulationInterval | undefined) => (i ? `${pct(i.mean)} (${pct(bounded(i.low))}–${pct(bounded(i.high))})` : '–');
/** "12.5 EUR (11–14 EUR)": a value with its interval. */
const amount = (i: SimulationInterval | undefined, unit: string) => (i ? t('whatIf.range', { mean: fmtValue(i.mean, unit), low: fmtValue(i.low, unit), high: fmtValue(i.high, unit) }) : '–');

/** The changed charter's predictions against today's, in sentences. */
function Reading(props: { job: Simulation; unit: string }) {
  const [today, changed] = props.job.results?.policies ?? [];
  if (!today || !changed) return null;
  const n = props.job.cycles;
  const diff = props.job.results?.paired.find((p) => p.measure === 'retention');
  const valueDiff = props.job.results?.paired.find((p) => p.measure === 'network_value');
  const verdict = (d: typeof diff, better: string, worse: string) =>
    !d ? '' : d.difference.low > 0 ? better : d.difference.high < 0 ? worse : t('whatIf.cannotTell');
  return (
    <div class="what-if-reading" data-testid="what-if-reading">
      <p>
        {rich(t('whatIf.retention', { changed: share(changed.measures.retention), count: n, today: share(today.measures.retention) }), { b: (x) => <strong>{x}</strong> })}{' '}
        {verdict(diff, t('whatIf.keepsMore'), t('whatIf.keepsFewer'))}
      </p>
      <p>
        {rich(t('whatIf.value', { changed: amount(changed.measures.network_value, props.unit), today: amount(today.measures.network_value, props.unit), changedPartner: amount(changed.measures.value_per_partner, props.unit), todayPartner: amount(today.measures.value_per_partner, props.unit) }), { b: (x) => <strong>{x}</strong> })}{' '}
        {verdict(valueDiff, t('whatIf.growsMore'), t('whatIf.growsLess'))}
      </p>
      <p class="muted small">
        {t('whatIf.figures', { count: props.job.networks })}
      </p>
    </div>
  );
}

function curveChart(policies: SimulationPolicy[], curve: 'survival' | 'network_value', axis: string): ChartConfiguration {
  const colours = [theme.muted, theme.primary];
  const names = [t('whatIf.today'), t('whatIf.changed')];
  const scale = curve === 'survival' ? 100 : 1;
  const points = policies[0]?.per_cycle[curve] ?? [];
  const datasets: any[] = [];
  policies.forEach((p, i) => {
    const c = colours[i % colours.length];
    const band = p.per_cycle[curve];
    datasets.push({ label: t('whatIf.low', { name: names[i] }), data: band.map((b) => b.low * scale), borderColor: 'transparent', backgroundColor: withAlpha(c, 0.15), pointRadius: 0, fill: false });
    datasets.push({ label: t('whatIf.high', { name: names[i] }), data: band.map((b) => b.high * scale), borderColor: 'transparent', backgroundColor: withAlpha(c, 0.15), pointRadius: 0, fill: '-1' });
    datasets.push({ label: names[i], data: band.map((b) => b.mean * scale), borderColor: c, backgroundColor: c, pointRadius: 2, tension: 0.2, fill: false });
  });
  return {
    type: 'line',
    data: { labels: points.map((_, k) => t('partner.cycle', { cycle: k + 1 })), datasets },
    options: {
      plugins: { legend: { labels: { filter: (item) => !String(item.text).includes('95') } } },
      scales: { y: { title: { display: true, text: axis }, ...(curve === 'survival' ? { min: 0, max: 100 } : {}) } },
    },
  };
}

/** A curve's figures per cycle, as a table beside its chart. */
function CurveTable(props: { policies: SimulationPolicy[]; curve: 'survival' | 'network_value'; unit: string; caption: string }) {
  const [today, changed] = props.policies;
  const cell = (i: SimulationInterval) => (props.curve === 'survival' ? share(i) : amount(i, props.unit));
  return (
    <details class="what-if-table">
      <summary>{t('whatIf.perCycle', { caption: props.caption })}</summary>
      <Table class="stack-on-phone" columns={[t('cycles.col.cycle'), t('whatIf.today'), t('whatIf.changed')]}>
        {today.per_cycle[props.curve].map((i, k) => (
          <tr>
            <td>{k + 1}</td>
            <td data-label={t('whatIf.today')}>{cell(i)}</td>
            <td data-label={t('whatIf.changed')}>{cell(changed.per_cycle[props.curve][k])}</td>
          </tr>
        ))}
      </Table>
    </details>
  );
}

const measureTitles: Record<string, (unit: string) => string> = {
  retention: () => t('whatIf.m.retention'),
  network_value: (u) => withUnit(t('whatIf.m.networkValue'), u),
  value_per_partner: (u) => withUnit(t('whatIf.m.valuePerPartner'), u),
  gini: () => t('whatIf.m.gini'),
  longest_dry_spell: () => t('whatIf.m.longestDry'),
};

function Results(props: { job: Simulation; unit: string }) {
  const policies = props.job.results?.policies ?? [];
  const charts = useMemo(
    () => ({
      survival: curveChart(policies, 'survival', t('whatIf.survivalAxis')),
      value: curveChart(policies, 'network_value', withUnit(t('whatIf.m.networkValue'), props.unit)),
    }),
    [props.job.id, props.job.state, t('whatIf.today')],
  );
  if (policies.length < 2) return null;
  const fmtMeasure = (m: string, i: SimulationInterval | undefined) => (!i ? '–' : m === 'retention' ? share(i) : m === 'network_value' || m === 'value_per_partner' ? amount(i, props.unit) : t('whatIf.range', { mean: fmtFixed(i.mean, 2), low: fmtFixed(i.low, 2), high: fmtFixed(i.high, 2) }));
  const signed = (m: string, i: SimulationInterval) => {
    const f = (x: number) => (m === 'retention' ? t('whatIf.points', { value: `${x >= 0 ? '+' : '−'}${fmtFixed(Math.abs(100 * x), 1)}` }) : `${x >= 0 ? '+' : '−'}${fmtFixed(Math.abs(x), 2)}`);
    return t('whatIf.range', { mean: f(i.mean), low: f(i.low), high: f(i.high) });
  };
  return (
    <>
      <Card title={t('whatIf.predict')} id="what-if-results">
        <Reading job={props.job} unit={props.unit} />
      </Card>
      <div class="grid-2">
        <Card title={t('whatIf.survivalTitle')} extra={<span class="muted small">{t('whatIf.meanInterval')}</span>}>
          <ChartView config={charts.survival} label={t('whatIf.survivalLabel')} testId="chart-what-if-survival" table={false} />
          <CurveTable policies={policies} curve="survival" unit={props.unit} caption={t('whatIf.survivalCaption')} />
        </Card>
        <Card title={t('whatIf.m.networkValue')} extra={<span class="muted small">{t('whatIf.unitMeanInterval', { unit: props.unit })}</span>}>
          <ChartView config={charts.value} label={t('whatIf.valueLabel', { unit: props.unit })} testId="chart-what-if-value" table={false} />
          <CurveTable policies={policies} curve="network_value" unit={props.unit} caption={t('cycle.networkValue')} />
        </Card>
      </div>
      <Card title={t('whatIf.sideBySide')} extra={<span class="muted small">{t('whatIf.differenceNote')}</span>}>
        <Table class="what-if-measures stack-on-phone" columns={[t('whatIf.measure'), t('whatIf.today'), t('whatIf.changed'), t('whatIf.difference')]}>
          {Object.keys(measureTitles).map((m) => {
            const pair = props.job.results?.paired.find((p) => p.measure === m);
            return (
              <tr data-measure={m}>
                <td class="strong">{measureTitles[m](props.unit)}</td>
                <td data-label={t('whatIf.today')}>{fmtMeasure(m, policies[0].measures[m])}</td>
                <td data-label={t('whatIf.changed')}>{fmtMeasure(m, policies[1].measures[m])}</td>
                <td data-label={t('whatIf.difference')}>{pair ? signed(m, pair.difference) : '–'}</td>
              </tr>
            );
          })}
        </Table>
      </Card>
    </>
  );
}

/** A queued or running simulation: a progress bar and Cancel; a finished one says how it ended. */
function Progress(props: { job: Simulation; onCancel: () => void; cancelling: boolean }) {
  const { job } = props;
  const running = job.state === 'queued' || job.state === 'running';
  const percent = job.progress.total ? Math.round((100 * job.progress.done) / job.progress.total) : 0;
  return (
    <Card title={t('whatIf.simulation', { id: job.id })} id="what-if-progress">
      <div role="status" aria-live="polite" data-state={job.state} data-testid="what-if-state">
        {job.state === 'queued' && <p>{job.queue_position ? t('whatIf.waitingAhead', { count: job.queue_position }) : t('whatIf.waitingNext')}</p>}
        {job.state === 'running' && (
          <p>
            {t('whatIf.simulating', { done: job.progress.done, total: job.progress.total, percent })}
            {job.cancel_requested ? t('whatIf.stoppingSuffix') : '.'}
          </p>
        )}
        {job.state === 'done' && <p>{t('whatIf.done', { total: job.progress.total, seconds: fmtFixed(job.seconds ?? 0, 1) })}</p>}
        {job.state === 'cancelled' && <p>{t('whatIf.cancelled', { done: job.progress.done, total: job.progress.total })}</p>}
        {job.state === 'failed' && <p class="error-message">{t('whatIf.failed', { error: job.error })}</p>}
      </div>
      {running && (
        <>
          <progress max={job.progress.total} value={job.progress.done} aria-label={t('whatIf.progressLabel')}>
            {percent}%
          </progress>
          <div class="form-actions">
            <button class="btn danger" type="button" data-action="cancel-simulation" disabled={props.cancelling || job.cancel_requested} onClick={props.onCancel}>
              {job.cancel_requested ? t('whatIf.stopping') : t('deadlines.cancel')}
            </button>
          </div>
        </>
      )}
    </Card>
  );
}

function WhatIfForm(props: { charter: Charter; info: Record<string, PropertyInfo>; input: Record<string, PropertyInfo>; busy: boolean; onStarted: (job: Simulation) => void }) {
  const before = valuesOf(props.charter);
  const [values, setValues] = useState<Values>(before);
  const [size, setSize] = useState<Size>({ networks: String(props.input.networks?.default ?? 200), cycles: String(props.input.cycles?.default ?? 20), seed: '' });
  const action = useAction();
  const problems = useProblems(problemsOf(values, size, props.info, props.input));
  const changed = keys.filter((k) => before[k].trim() !== values[k].trim());
  const set = (k: Key, v: string) => {
    action.clear();
    setValues((old) => ({ ...old, [k]: v }));
  };
  const setSizeOf = (k: keyof Size) => (e: Event) => {
    action.clear();
    setSize((old) => ({ ...old, [k]: (e.target as HTMLInputElement).value }));
  };
  async function submit(event: Event) {
    event.preventDefault();
    if (!problems.check((f) => 'what-if-' + f.replace('.', '-'))) return;
    const body: Record<string, unknown> = { charter: changes(before, values), networks: Number(size.networks), cycles: Number(size.cycles) };
    if (size.seed.trim() !== '') body.seed = Number(size.seed);
    const job = await action.run(() => post<Simulation>('/simulations', body));
    if (job) {
      problems.reset();
      props.onStarted(job);
    }
  }
  const sizeHints = {
    networks: t('whatIf.networksHint'),
    cycles: t('whatIf.cyclesHint'),
    seed: t('whatIf.seedHint'),
  };
  return (
    <Card title={t('whatIf.changedCharter')} id="what-if-form-card">
      <p class="form-intro muted">{t('whatIf.formIntro')}</p>
      <form class="form" id="what-if-form" onSubmit={submit} noValidate>
        {keys.map((k) => (
          <Field
            id={'what-if-' + k.replace('.', '-')}
            label={
              <>
                {title(k)}
                {units[k] && <span class="muted unit"> ({unitText(k)})</span>}
              </>
            }
            hint={`${plainHelp(k, props.info[k])}. ${t('whatIf.todayIs', { value: shown(k, before[k]) })}${k === 'capacity' || k.endsWith('share') ? ' ' + t('charter.numbers', { bounds: amountBounds() }) : ''}`.replace(/\.\./g, '.')}
            problem={problems.shown(k as any)}
          >
            {(attrs) => <CharterInput k={k} values={values} info={props.info[k]} set={set} attrs={attrs} />}
          </Field>
        ))}
        <Field id="what-if-networks" label={t('whatIf.howMany')} hint={`${sizeHints.networks} ${t('whatIf.fromTo', { min: props.input.networks?.minimum ?? 10, max: props.input.networks?.maximum ?? 1000 })}`} problem={problems.shown('networks')}>
          {(attrs) => <input {...attrs} value={size.networks} onInput={setSizeOf('networks')} inputMode="numeric" autoComplete="off" />}
        </Field>
        <Field id="what-if-cycles" label={<>{t('whatIf.cyclesAhead')} <span class="muted unit">({t('charter.unit.fairness_max_dry_spell')})</span></>} hint={`${sizeHints.cycles} ${t('whatIf.fromTo', { min: 1, max: props.input.cycles?.maximum ?? 100 })}`} problem={problems.shown('cycles')}>
          {(attrs) => <input {...attrs} value={size.cycles} onInput={setSizeOf('cycles')} inputMode="numeric" autoComplete="off" />}
        </Field>
        <Field id="what-if-seed" label={t('whatIf.seed')} hint={sizeHints.seed} problem={problems.shown('seed')}>
          {(attrs) => <input {...attrs} value={size.seed} onInput={setSizeOf('seed')} inputMode="numeric" autoComplete="off" />}
        </Field>
        <div class="form-actions">
          <ProblemSummary count={problems.count} />
          <ApiProblem error={action.error} title={t('whatIf.notStarted')} fields={{ ...Object.fromEntries(keys.map((k) => ['charter.' + k, title(k)])), networks: t('whatIf.howMany'), cycles: t('whatIf.cyclesAhead'), seed: t('whatIf.seed') }} />
          <button class="btn primary" type="submit" disabled={action.busy || props.busy} data-action="start-simulation">
            {action.busy ? t('whatIf.starting') : changed.length ? t('whatIf.compare', { count: changed.length }) : t('whatIf.againstItself')}
          </button>
        </div>
      </form>
    </Card>
  );
}

export function WhatIfPage() {
  const app = useApp();
  const coordinator = isCoordinator(app.session);
  const data = useAsync(
    () =>
      coordinator
        ? Promise.all([
            get<Charter>('/network'),
            schemaFields('Charter').catch(() => ({}) as Record<string, PropertyInfo>),
            schemaFields('SimulationInput').catch(() => ({}) as Record<string, PropertyInfo>),
            get<Simulation[]>('/simulations'),
          ])
        : Promise.resolve(undefined),
    [coordinator],
  );
  const [job, setJob] = useState<Simulation | undefined>();
  const [pollError, setPollError] = useState<unknown>();
  const cancel = useAction();
  const [charter, info, input, earlier] = data.data ?? [];
  // Back on the page: follow the newest simulation still under way.
  useEffect(() => {
    const live = earlier?.find((j) => j.state === 'queued' || j.state === 'running');
    if (live && !job) setJob(live);
  }, [earlier]);
  const live = job && (job.state === 'queued' || job.state === 'running');
  useEffect(() => {
    if (!job || (!live && job.results !== undefined)) return;
    const timer = setTimeout(() => {
      get<Simulation>(`/simulations/${job.id}`).then(
        (next) => (setPollError(undefined), setJob(next)),
        (e) => setPollError(e),
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [job]);
  if (!coordinator) {
    return (
      <>
        <PageHeader title={t('layout.nav.whatIf')} />
        <Card>
          <Empty title={t('webhooks.forCoordinators')}>{t('whatIf.forCoordinators')}</Empty>
        </Card>
      </>
    );
  }
  const unit = unitOf(charter);
  return (
    <>
      <PageHeader title={t('layout.nav.whatIf')} subtitle={t('whatIf.subtitle')} />
      <ErrorBox error={data.error} title={t('charter.loadFailed')} onRetry={data.reload} />
      {data.loading && !data.data && <Loading what={t('charter.loading')} />}
      {charter && info && input && (
        <div class="grid-side">
          <div class="stack">
            {job && (
              <Progress
                job={job}
                cancelling={cancel.busy}
                onCancel={async () => {
                  const next = await cancel.run(() => del<Simulation>(`/simulations/${job.id}`));
                  if (next) setJob(next);
                }}
              />
            )}
            <ApiProblem error={cancel.error} title={t('whatIf.notCancelled')} />
            {pollError !== undefined && <p class="error-message">{t('whatIf.noAnswer')}</p>}
            {job?.state === 'done' && <Results job={job} unit={unit} />}
            {!job && (
              <Card title={t('whatIf.howItWorks')}>
                <p>{t('whatIf.how')}</p>
                <p class="muted small">{t('whatIf.background')}</p>
              </Card>
            )}
          </div>
          <WhatIfForm charter={charter} info={info} input={input} busy={Boolean(live)} onStarted={(started) => setJob(started)} />
        </div>
      )}
    </>
  );
}
