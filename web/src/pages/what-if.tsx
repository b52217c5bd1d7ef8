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
import { label } from '../lib/names';
import { type PropertyInfo, schemaFields } from '../lib/openapi';
import { pct } from '../lib/rational';
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
  capacity: 'Capacity per cycle',
  rule: 'Selection rule',
  sharing: 'Value sharing',
  'fairness.max_dry_spell': 'Longest dry spell',
  'fairness.max_deopt_share': 'Largest de-optimisation share',
  'fairness.weight_policy': 'Weights over time',
  'fairness.weight_absence': 'A partner that does not vote',
  'leadership.max_concurrent_leads': 'Leads per partner',
};
const keys = Object.keys(titles) as Key[];
const units: Partial<Record<Key, string>> = {
  capacity: 'capacity units per cycle',
  'fairness.max_dry_spell': 'cycles',
  'fairness.max_deopt_share': 'of a cycle’s total de-optimisation',
  'leadership.max_concurrent_leads': 'initiatives at once',
};

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
  if (k === 'fairness.max_deopt_share') return `${pct(value)} ${units[k]}`;
  if (units[k]) return `${value} ${units[k]}`;
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
    'fairness.max_deopt_share': amountProblem(share, 'positive') ?? (amountValue(share) > 1 ? 'It is a share: at most 1 (all of it), like 0.5 or 1/3.' : null),
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
const amount = (i: SimulationInterval | undefined, unit: string) => (i ? `${fmtValue(i.mean, unit)} (${fmtValue(i.low, unit)} to ${fmtValue(i.high, unit)})` : '–');

/** The changed charter's predictions against today's, in sentences. */
function Reading(props: { job: Simulation; unit: string }) {
  const [today, changed] = props.job.results?.policies ?? [];
  if (!today || !changed) return null;
  const n = props.job.cycles;
  const diff = props.job.results?.paired.find((p) => p.measure === 'retention');
  const valueDiff = props.job.results?.paired.find((p) => p.measure === 'network_value');
  const verdict = (d: typeof diff, better: string, worse: string) =>
    !d ? '' : d.difference.low > 0 ? better : d.difference.high < 0 ? worse : 'The simulations cannot tell the two apart on this: the interval of the difference includes zero.';
  return (
    <div class="what-if-reading" data-testid="what-if-reading">
      <p>
        With the changed charter, <strong>{share(changed.measures.retention)}</strong> of today’s partners are still members after {n} cycles, against <strong>{share(today.measures.retention)}</strong> with today’s charter.{' '}
        {verdict(diff, 'The changed charter keeps more partners.', 'The changed charter keeps fewer partners.')}
      </p>
      <p>
        The network realises <strong>{amount(changed.measures.network_value, props.unit)}</strong> per cycle on average with the changed charter, against <strong>{amount(today.measures.network_value, props.unit)}</strong> today; per partner, {amount(changed.measures.value_per_partner, props.unit)} against{' '}
        {amount(today.measures.value_per_partner, props.unit)} per cycle. {verdict(valueDiff, 'The changed charter grows more value.', 'The changed charter grows less value.')}
      </p>
      <p class="muted small">
        Figures are means over {props.job.networks} simulated futures of this network, each starting from today’s partners and their history; the ranges in brackets are 95% confidence intervals of those means. They predict how the rules play out under the model’s assumptions (docs/simulator.md), not what
        your partners will do.
      </p>
    </div>
  );
}

function curveChart(policies: SimulationPolicy[], curve: 'survival' | 'network_value', axis: string): ChartConfiguration {
  const colours = [theme.muted, theme.primary];
  const names = ['Today’s charter', 'Changed charter'];
  const scale = curve === 'survival' ? 100 : 1;
  const points = policies[0]?.per_cycle[curve] ?? [];
  const datasets: any[] = [];
  policies.forEach((p, i) => {
    const c = colours[i % colours.length];
    const band = p.per_cycle[curve];
    datasets.push({ label: `${names[i]}: 95% low`, data: band.map((b) => b.low * scale), borderColor: 'transparent', backgroundColor: withAlpha(c, 0.15), pointRadius: 0, fill: false });
    datasets.push({ label: `${names[i]}: 95% high`, data: band.map((b) => b.high * scale), borderColor: 'transparent', backgroundColor: withAlpha(c, 0.15), pointRadius: 0, fill: '-1' });
    datasets.push({ label: names[i], data: band.map((b) => b.mean * scale), borderColor: c, backgroundColor: c, pointRadius: 2, tension: 0.2, fill: false });
  });
  return {
    type: 'line',
    data: { labels: points.map((_, t) => `Cycle ${t + 1}`), datasets },
    options: {
      plugins: { legend: { labels: { filter: (item) => !String(item.text).includes('95%') } } },
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
      <summary>{props.caption}: the figures per cycle</summary>
      <Table class="stack-on-phone" columns={['Cycle', 'Today’s charter', 'Changed charter']}>
        {today.per_cycle[props.curve].map((i, t) => (
          <tr>
            <td>{t + 1}</td>
            <td data-label="Today’s charter">{cell(i)}</td>
            <td data-label="Changed charter">{cell(changed.per_cycle[props.curve][t])}</td>
          </tr>
        ))}
      </Table>
    </details>
  );
}

const measureTitles: Record<string, (unit: string) => string> = {
  retention: () => 'Today’s partners still members at the end',
  network_value: (u) => withUnit('Network value per cycle', u),
  value_per_partner: (u) => withUnit('Value per partner per cycle', u),
  gini: () => 'Inequality of net value (Gini, 0 = equal)',
  longest_dry_spell: () => 'Longest dry spell (cycles)',
};

function Results(props: { job: Simulation; unit: string }) {
  const policies = props.job.results?.policies ?? [];
  const charts = useMemo(
    () => ({
      survival: curveChart(policies, 'survival', 'Today’s partners still members (%)'),
      value: curveChart(policies, 'network_value', withUnit('Network value per cycle', props.unit)),
    }),
    [props.job.id, props.job.state],
  );
  if (policies.length < 2) return null;
  const fmtMeasure = (m: string, i: SimulationInterval | undefined) => (!i ? '–' : m === 'retention' ? share(i) : m === 'network_value' || m === 'value_per_partner' ? amount(i, props.unit) : `${i.mean.toFixed(2)} (${i.low.toFixed(2)} to ${i.high.toFixed(2)})`);
  const signed = (m: string, i: SimulationInterval) => {
    const f = (x: number) => (m === 'retention' ? `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)} points` : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`);
    return `${f(i.mean)} (${f(i.low)} to ${f(i.high)})`;
  };
  return (
    <>
      <Card title="What the simulations predict" id="what-if-results">
        <Reading job={props.job} unit={props.unit} />
      </Card>
      <div class="grid-2">
        <Card title="Partners still members, per cycle" extra={<span class="muted small">mean and 95% interval</span>}>
          <ChartView config={charts.survival} label="Share of today’s partners still members per cycle, today’s charter against the changed one, with 95% intervals" testId="chart-what-if-survival" table={false} />
          <CurveTable policies={policies} curve="survival" unit={props.unit} caption="Partners still members" />
        </Card>
        <Card title="Network value per cycle" extra={<span class="muted small">{props.unit}, mean and 95% interval</span>}>
          <ChartView config={charts.value} label={`Network value per cycle in ${props.unit}, today’s charter against the changed one, with 95% intervals`} testId="chart-what-if-value" table={false} />
          <CurveTable policies={policies} curve="network_value" unit={props.unit} caption="Network value" />
        </Card>
      </div>
      <Card title="Side by side" extra={<span class="muted small">difference: changed minus today, on the same simulated futures</span>}>
        <Table class="what-if-measures stack-on-phone" columns={['Measure', 'Today’s charter', 'Changed charter', 'Difference']}>
          {Object.keys(measureTitles).map((m) => {
            const pair = props.job.results?.paired.find((p) => p.measure === m);
            return (
              <tr data-measure={m}>
                <td class="strong">{measureTitles[m](props.unit)}</td>
                <td data-label="Today’s charter">{fmtMeasure(m, policies[0].measures[m])}</td>
                <td data-label="Changed charter">{fmtMeasure(m, policies[1].measures[m])}</td>
                <td data-label="Difference">{pair ? signed(m, pair.difference) : '–'}</td>
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
    <Card title={`Simulation ${job.id}`} id="what-if-progress">
      <div role="status" aria-live="polite" data-state={job.state} data-testid="what-if-state">
        {job.state === 'queued' && <p>Waiting for the server: {job.queue_position ? `${job.queue_position} simulation(s) ahead of it.` : 'it starts next.'}</p>}
        {job.state === 'running' && (
          <p>
            Simulating: {job.progress.done} of {job.progress.total} simulated futures done ({percent}%){job.cancel_requested ? ', stopping…' : '.'}
          </p>
        )}
        {job.state === 'done' && <p>Done: {job.progress.total} simulated futures in {(job.seconds ?? 0).toFixed(1)} s.</p>}
        {job.state === 'cancelled' && <p>Cancelled after {job.progress.done} of {job.progress.total} simulated futures; nothing was kept.</p>}
        {job.state === 'failed' && <p class="error-message">The simulation failed: {job.error}</p>}
      </div>
      {running && (
        <>
          <progress max={job.progress.total} value={job.progress.done} aria-label="Simulated futures done">
            {percent}%
          </progress>
          <div class="form-actions">
            <button class="btn danger" type="button" data-action="cancel-simulation" disabled={props.cancelling || job.cancel_requested} onClick={props.onCancel}>
              {job.cancel_requested ? 'Stopping…' : 'Cancel'}
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
    networks: 'How many simulated futures of your network each charter runs: more give narrower ranges but take longer (on a 2-core server, 200 futures of 20 cycles of a 13-partner network take about 2½ minutes). Both charters meet the same futures, so the difference between them is sharper than either figure.',
    cycles: 'How many cycles ahead each simulated future runs.',
    seed: 'Optional. The same number with the same charters gives the same results; leave it empty for the usual one.',
  };
  return (
    <Card title="The changed charter" id="what-if-form-card">
      <p class="form-intro muted">Start from today’s charter and change what you want to try. Nothing here changes the real charter: propose the change on the Charter page once you like what you see.</p>
      <form class="form" id="what-if-form" onSubmit={submit} noValidate>
        {keys.map((k) => (
          <Field
            id={'what-if-' + k.replace('.', '-')}
            label={
              <>
                {titles[k]}
                {units[k] && <span class="muted unit"> ({units[k]})</span>}
              </>
            }
            hint={`${plainHelp(k, props.info[k])}. Today: ${shown(k, before[k])}.${k === 'capacity' || k.endsWith('share') ? ` Write a number like 120, 12.5 or 7/2 (${amountBounds()}).` : ''}`.replace(/\.\./g, '.')}
            problem={problems.shown(k as any)}
          >
            {(attrs) => <CharterInput k={k} values={values} info={props.info[k]} set={set} attrs={attrs} />}
          </Field>
        ))}
        <Field id="what-if-networks" label="How many simulated futures" hint={`${sizeHints.networks} From ${props.input.networks?.minimum ?? 10} to ${props.input.networks?.maximum ?? 1000}.`} problem={problems.shown('networks')}>
          {(attrs) => <input {...attrs} value={size.networks} onInput={setSizeOf('networks')} inputMode="numeric" autoComplete="off" />}
        </Field>
        <Field id="what-if-cycles" label={<>Cycles ahead <span class="muted unit">(cycles)</span></>} hint={`${sizeHints.cycles} From 1 to ${props.input.cycles?.maximum ?? 100}.`} problem={problems.shown('cycles')}>
          {(attrs) => <input {...attrs} value={size.cycles} onInput={setSizeOf('cycles')} inputMode="numeric" autoComplete="off" />}
        </Field>
        <Field id="what-if-seed" label="Seed" hint={sizeHints.seed} problem={problems.shown('seed')}>
          {(attrs) => <input {...attrs} value={size.seed} onInput={setSizeOf('seed')} inputMode="numeric" autoComplete="off" />}
        </Field>
        <div class="form-actions">
          <ProblemSummary count={problems.count} />
          <ApiProblem error={action.error} title="The simulation was not started" fields={{ ...Object.fromEntries(keys.map((k) => ['charter.' + k, titles[k]])), networks: 'How many simulated futures', cycles: 'Cycles ahead', seed: 'Seed' }} />
          <button class="btn primary" type="submit" disabled={action.busy || props.busy} data-action="start-simulation">
            {action.busy ? 'Starting…' : changed.length ? `Compare today’s charter with ${changed.length === 1 ? 'this change' : `these ${changed.length} changes`}` : 'Simulate today’s charter against itself'}
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
        <PageHeader title="What if" />
        <Card>
          <Empty title="For coordinators">A coordinator tries changes to the charter on simulations of the network before proposing them.</Empty>
        </Card>
      </>
    );
  }
  const unit = unitOf(charter);
  return (
    <>
      <PageHeader title="What if" subtitle="Try a change to the charter on simulated futures of this network before proposing it" />
      <ErrorBox error={data.error} title="The charter could not be loaded" onRetry={data.reload} />
      {data.loading && !data.data && <Loading what="the charter" />}
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
            <ApiProblem error={cancel.error} title="The simulation was not cancelled" />
            {pollError !== undefined && <p class="error-message">The server did not answer about the simulation; trying again.</p>}
            {job?.state === 'done' && <Results job={job} unit={unit} />}
            {!job && (
              <Card title="How it works">
                <p>
                  covalue runs today’s charter and your changed one on the same simulated futures of this network. Each future starts from today’s partners, with their history (dry spells, value so far, leads, missed ballots), and runs cycle after cycle through the same decision the real cycles use: partners propose,
                  vote, share value, and decide whether to stay or leave; new partners may join.
                </p>
                <p class="muted small">The simulation runs on the server in the background; you can leave this page and come back. Simulations are kept in the server’s memory only: a restart of the server forgets them.</p>
              </Card>
            )}
          </div>
          <WhatIfForm charter={charter} info={info} input={input} busy={Boolean(live)} onStarted={(started) => setJob(started)} />
        </div>
      )}
    </>
  );
}
