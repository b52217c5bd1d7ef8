// The network's charter: every policy with its help (from the settings table, through the OpenAPI
// document), and, for a coordinator, a form that changes it (PATCH /api/network: only the members changed).

import { useEffect, useState } from 'preact/hooks';
import { ApiProblem, Field, ProblemSummary, useProblems } from '../components/form';
import { Card, ErrorBox, Loading, Num, PageHeader } from '../components/ui';
import { get, patch } from '../lib/api';
import { isCoordinator, useApp } from '../lib/context';
import { entry } from '../lib/glossary';
import { useAction, useAsync } from '../lib/hooks';
import { amountBounds, amountProblem, amountValue, integerProblem, maxChars } from '../lib/limits';
import { label } from '../lib/names';
import { type PropertyInfo, schemaFields } from '../lib/openapi';
import { pct } from '../lib/rational';
import { unitOf } from '../lib/units';
import type { Charter } from '../lib/types';

/** The charter's members, flattened, as the form edits them (all as text). */
type Values = {
  name: string;
  capacity: string;
  rule: string;
  'fairness.max_dry_spell': string;
  'fairness.max_deopt_share': string;
  'fairness.perpetual_weighting': string;
  sharing: string;
  'leadership.max_concurrent_leads': string;
  ranking_rule: string;
  disclosure: string;
  deadline_action: string;
  unit: string;
  close_turnout_warning: string;
  // Charter proposals and coordination (issue 14 item 4).
  amendment_rule: string;
  amendment_window_hours: string;
  amendment_majority: string;
  coordination: string;
  coordination_term: string;
};
type Key = keyof Values;

/** The titles of the fields, in the form's order; their help comes from the server. */
const titles: Record<Key, string> = {
  name: 'Network name',
  capacity: 'Capacity per cycle',
  rule: 'Selection rule',
  ranking_rule: 'Consensus ranking rule',
  sharing: 'Value sharing',
  disclosure: 'Ballot disclosure',
  deadline_action: 'At a deadline',
  'fairness.max_dry_spell': 'Longest dry spell',
  'fairness.max_deopt_share': 'Largest de-optimisation share',
  'fairness.perpetual_weighting': 'Perpetual Reset weighting',
  'leadership.max_concurrent_leads': 'Leads per partner',
  unit: 'Unit of value',
  close_turnout_warning: 'Turnout warning at the close',
  amendment_rule: 'How the charter changes',
  amendment_window_hours: 'Window for positions',
  amendment_majority: 'Majority needed',
  coordination: 'Who coordinates',
  coordination_term: 'Coordination term',
};
const keys = Object.keys(titles) as Key[];

/** What each figure is counted in, said next to it. */
const units: Partial<Record<Key, string>> = {
  capacity: 'capacity units per cycle',
  'fairness.max_dry_spell': 'cycles',
  'fairness.max_deopt_share': 'of a cycle’s total de-optimisation',
  'leadership.max_concurrent_leads': 'initiatives at once',
  close_turnout_warning: '% of member partners voted',
  amendment_window_hours: 'hours',
  amendment_majority: 'of the partners',
  coordination_term: 'cycles per partner',
};

function valuesOf(c: Charter): Values {
  return {
    name: c.name,
    capacity: c.capacity,
    rule: c.rule,
    'fairness.max_dry_spell': String(c.fairness.max_dry_spell),
    'fairness.max_deopt_share': c.fairness.max_deopt_share,
    'fairness.perpetual_weighting': String(c.fairness.perpetual_weighting),
    sharing: c.sharing,
    'leadership.max_concurrent_leads': String(c.leadership.max_concurrent_leads),
    ranking_rule: c.ranking_rule,
    disclosure: c.disclosure,
    deadline_action: c.deadline_action ?? 'remind',
    unit: unitOf(c),
    close_turnout_warning: String(c.close_turnout_warning ?? 50),
    amendment_rule: c.amendment_rule ?? 'coordinator',
    amendment_window_hours: c.amendment_window_hours ?? '72',
    amendment_majority: c.amendment_majority ?? '2/3',
    coordination: c.coordination ?? 'fixed',
    coordination_term: String(c.coordination_term ?? 1),
  };
}

/** Why each value would be refused, in words. */
function problemsOf(v: Values, info: Record<string, PropertyInfo>): Record<Key, string | null> {
  const share = v['fairness.max_deopt_share'].trim();
  const shareProblem = amountProblem(share, 'positive') ?? (amountValue(share) > 1 ? 'It is a share: at most 1 (all of it), like 0.5 or 1/3.' : null);
  const whole = (k: Key) => integerProblem(v[k], info[k]?.minimum ?? 1, info[k]?.maximum);
  return {
    name: !v.name.trim() ? 'Give the network a name.' : v.name.length > maxChars.name ? `At most ${maxChars.name} characters.` : null,
    capacity: amountProblem(v.capacity.trim(), 'positive'),
    rule: null,
    ranking_rule: null,
    sharing: null,
    disclosure: null,
    deadline_action: null,
    'fairness.max_dry_spell': whole('fairness.max_dry_spell'),
    'fairness.max_deopt_share': shareProblem,
    'fairness.perpetual_weighting': null,
    'leadership.max_concurrent_leads': whole('leadership.max_concurrent_leads'),
    close_turnout_warning: integerProblem(v.close_turnout_warning, info.close_turnout_warning?.minimum ?? 0, info.close_turnout_warning?.maximum ?? 100),
    unit: !v.unit.trim() ? 'Give the unit: a currency code such as EUR, or value points.' : v.unit.length > maxChars.unit ? `At most ${maxChars.unit} characters.` : null,
    amendment_rule: null,
    amendment_window_hours: amountProblem(v.amendment_window_hours.trim(), 'positive'),
    amendment_majority: amountProblem(v.amendment_majority.trim(), 'positive'),
    coordination: null,
    coordination_term: whole('coordination_term'),
  };
}

/** The PATCH body: only the members that changed, nested as the charter is. */
function changes(before: Values, after: Values): Record<string, unknown> {
  const body: Record<string, any> = {};
  for (const k of keys) {
    if (before[k].trim() === after[k].trim()) continue;
    const raw = after[k].trim();
    const value = k === 'fairness.perpetual_weighting' ? raw === 'true' : k.endsWith('max_dry_spell') || k.endsWith('max_concurrent_leads') || k === 'close_turnout_warning' || k === 'coordination_term' ? Number(raw) : raw;
    const [outer, inner] = k.split('.');
    if (inner) body[outer] = { ...(body[outer] ?? {}), [inner]: value };
    else body[outer] = value;
  }
  return body;
}

/** A value as the charter card shows it: choices by their label, numbers with their units. */
function shown(k: Key, v: Values): preact.JSX.Element | string {
  const value = v[k];
  if (k === 'fairness.perpetual_weighting') return value === 'true' ? 'On' : 'Off';
  if (k === 'fairness.max_deopt_share') return `${pct(value)} ${units[k]}`;
  if (k === 'capacity') return <><Num value={value} /> {units[k]}</>;
  if (k === 'close_turnout_warning') return value === '0' ? 'Never: a close asks no confirmation' : `Below ${value}${units[k]}`;
  if (units[k]) return `${value} ${units[k]}`;
  if (k === 'name' || k === 'unit') return value;
  if (k === 'deadline_action') return value === 'auto' ? 'The cycle moves on by itself' : 'The coordinator is reminded and moves the cycle';
  return label(value);
}

function Input(props: { k: Key; values: Values; info: PropertyInfo | undefined; set: (k: Key, v: string) => void; attrs: any }) {
  const { k, values, info, attrs } = props;
  const onInput = (e: Event) => props.set(k, (e.target as HTMLInputElement).value);
  if (k === 'fairness.perpetual_weighting') {
    return (
      <select {...attrs} value={values[k]} onChange={onInput}>
        <option value="true">On: weights grow with a partner’s dry spell</option>
        <option value="false">Off: every partner weighs the same</option>
      </select>
    );
  }
  if (k === 'deadline_action') {
    return (
      <select {...attrs} value={values[k]} onChange={onInput}>
        <option value="remind">Remind: the coordinator is reminded and moves the cycle</option>
        <option value="auto">Automatic: the cycle moves to voting or closes by itself</option>
      </select>
    );
  }
  if (info?.choices) {
    return (
      <select {...attrs} value={values[k]} onChange={onInput}>
        {info.choices.map((c) => (
          <option value={c}>{label(c)}</option>
        ))}
      </select>
    );
  }
  const numeric = k !== 'name' && k !== 'unit';
  const decimal = k.includes('share') || k === 'capacity' || k.startsWith('amendment_');
  return (
    <input
      {...attrs}
      value={values[k]}
      onInput={onInput}
      inputMode={numeric ? (decimal ? 'decimal' : 'numeric') : undefined}
      maxLength={k === 'name' ? maxChars.name : k === 'unit' ? maxChars.unit : undefined}
      autoComplete="off"
    />
  );
}

/** The settings table's help in plain words: its range said in words, its choices left to the list (the what-if
 * page says its charter fields with it too). */
export function plainHelp(k: string, info: PropertyInfo | undefined): string {
  // The name's schema text says only how a text is written; say what the name is for.
  if (k === 'name') return 'How the network is called on every page and in reports.';
  const help = (info?.help ?? '')
    .replace(/\s*\(one of: [^)]*\)/, '')
    .replace(/>=\s*/g, 'at least ')
    .replace(/<=\s*/g, 'at most ')
    .replace(/>\s*/g, 'more than ')
    .replace(/<\s*/g, 'less than ');
  // "k: a partner whose …" names a symbol: keep it as written.
  return help && help.charAt(1) !== ':' ? help.charAt(0).toUpperCase() + help.slice(1) : help;
}

/** The help under a field: the server's words, the default, and how to write a number. */
function hintOf(k: Key, info: PropertyInfo | undefined): string {
  const first = plainHelp(k, info);
  const dflt = info?.default !== undefined ? ` Default: ${k.endsWith('perpetual_weighting') ? (info.default ? 'on' : 'off') : label(String(info.default))}.` : '';
  const numbers = k === 'capacity' || k.endsWith('max_deopt_share') ? ` Write a number like 120, 12.5 or 7/2 (${amountBounds()}).` : '';
  return `${first}.${dflt}${numbers}`.replace(/\.\./g, '.').replace(/^\./, '');
}

function CharterForm(props: { charter: Charter; info: Record<string, PropertyInfo>; onSaved: (c: Charter, changed: string[]) => void }) {
  const before = valuesOf(props.charter);
  const [values, setValues] = useState<Values>(before);
  useEffect(() => setValues(valuesOf(props.charter)), [props.charter]);
  const action = useAction();
  const problems = useProblems(problemsOf(values, props.info));
  const set = (k: Key, v: string) => {
    action.clear();
    setValues((old) => ({ ...old, [k]: v }));
  };
  const body = changes(before, values);
  const changed = keys.filter((k) => before[k].trim() !== values[k].trim());

  async function submit(event: Event) {
    event.preventDefault();
    if (!problems.check((f) => 'charter-' + f.replace('.', '-'))) return;
    if (!changed.length) return;
    const saved = await action.run(() => patch<Charter>('/network', body));
    if (saved) {
      problems.reset();
      props.onSaved(saved, changed.map((k) => titles[k]));
    }
  }

  return (
    <Card title="Change the charter" id="charter-form-card">
      <p class="form-intro muted">Changes apply from the next decision on: a cycle already closed keeps the charter it was decided under.</p>
      <form class="form charter-form" onSubmit={submit} id="charter-form" noValidate>
        {keys.map((k) => (
          <Field id={'charter-' + k.replace('.', '-')} label={<>{titles[k]}{units[k] && <span class="muted unit"> ({units[k]})</span>}</>} hint={hintOf(k, props.info[k])} problem={problems.shown(k)}>
            {(attrs) => <Input k={k} values={values} info={props.info[k]} set={set} attrs={attrs} />}
          </Field>
        ))}
        <div class="form-actions">
          <ProblemSummary count={problems.count} />
          <ApiProblem error={action.error} title="The charter was not changed" fields={titles} />
          <button class="btn primary" type="submit" disabled={action.busy || !changed.length} data-action="save-charter">
            {action.busy ? 'Saving…' : changed.length ? `Save ${changed.length === 1 ? 'the change' : `${changed.length} changes`}` : 'No change to save'}
          </button>
          {changed.length > 0 && (
            <button class="btn ghost" type="button" onClick={() => (setValues(before), problems.reset(), action.clear())}>
              Undo changes
            </button>
          )}
        </div>
      </form>
    </Card>
  );
}

/** The charter's own words, said plainly: the glossary's entries (lib/glossary.ts) that the charter uses. */
const wordKeys = ['de-optimisation', 'dry-spell', 'perpetual-reset', 'weight-policies', 'mes', 'phragmen', 'network-fair', 'shapley'];

function Words() {
  const words = wordKeys.map(entry); // in the language in use
  return (
    <Card title="Words used in the charter" id="charter-words">
      <dl class="words">
        {words.map((w) => (
          <>
            <dt>
              <dfn>{w.term}</dfn>
            </dt>
            <dd>{w.meaning}</dd>
          </>
        ))}
      </dl>
    </Card>
  );
}

export function NetworkPage() {
  const app = useApp();
  const data = useAsync(() => Promise.all([get<Charter>('/network'), schemaFields('Charter').catch(() => ({}) as Record<string, PropertyInfo>)]), []);
  const [saved, setSaved] = useState<string>('');
  const [charter, info] = data.data ?? [];
  const coordinator = isCoordinator(app.session);
  return (
    <>
      <PageHeader
        title="Charter"
        subtitle="The network’s policies: what a cycle can spend, how initiatives are chosen, how fairness is kept"
        actions={
          <a class="btn ghost" href="/charter/proposals" data-action="charter-proposals">
            Charter proposals
          </a>
        }
      />
      <div role="status">{saved && <p class="notice-ok">✓ {saved}</p>}</div>
      <ErrorBox error={data.error} title="The charter could not be loaded" onRetry={data.reload} />
      {data.loading && !data.data && <Loading what="the charter" />}
      {charter && info && (
        <div class="grid-side">
          <div class="stack">
            <Card title={`Charter of ${charter.name}`}>
              <dl class="facts charter-facts" data-testid="charter">
                {keys.map((k) => (
                  <>
                    <dt>{titles[k]}</dt>
                    <dd data-field={k}>
                      <span>{shown(k, valuesOf(charter))}</span>
                      {!coordinator && <span class="muted small fact-help">{plainHelp(k, info[k])}</span>}
                    </dd>
                  </>
                ))}
              </dl>
            </Card>
            <Words />
          </div>
          {charter.amendment_rule && charter.amendment_rule !== 'coordinator' ? (
            <Card title="Changing the charter" id="charter-proposals-link">
              <p>
                The partners decide every change ({charter.amendment_rule === 'consent' ? 'by consent' : `by a majority of ${charter.amendment_majority}`}): propose one, and take your partner’s position, on the{' '}
                <a href="/charter/proposals">charter proposals</a> page.
              </p>
            </Card>
          ) : coordinator ? (
            <CharterForm
              charter={charter}
              info={info}
              onSaved={(c, changed) => {
                setSaved(`Charter saved: ${changed.join(', ')} changed.`);
                data.reload();
                // The name heads every page and the unit follows every value: both come with the session.
                if (c.name !== charter.name || unitOf(c) !== unitOf(charter) || c.deadline_action !== charter.deadline_action) app.refresh();
              }}
            />
          ) : (
            <Card title="Changing the charter">
              <p class="muted">
                The network’s coordinator changes the charter. See the <a href="/charter/proposals">charter proposals</a> and who coordinates.
              </p>
            </Card>
          )}
        </div>
      )}
    </>
  );
}
