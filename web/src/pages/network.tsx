// The network's charter: every policy with its help (from the settings table, through the OpenAPI
// document), and, for a coordinator, a form that changes it (PATCH /api/network: only the members changed).

import { rich } from '../components/rich';
import { t } from '../lib/i18n';
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
  // Ballot limits (issue 15 item 6).
  score_max: string;
  points_budget: string;
};
type Key = keyof Values;

/** The titles of the fields, in the form's order; their help comes from the server. */
const titles: Record<Key, string> = {
  name: 'charter.field.name',
  capacity: 'charter.field.capacity',
  rule: 'charter.field.rule',
  ranking_rule: 'charter.field.ranking_rule',
  sharing: 'charter.field.sharing',
  disclosure: 'charter.field.disclosure',
  deadline_action: 'charter.field.deadline_action',
  'fairness.max_dry_spell': 'charter.field.fairness_max_dry_spell',
  'fairness.max_deopt_share': 'charter.field.fairness_max_deopt_share',
  'fairness.perpetual_weighting': 'charter.field.fairness_perpetual_weighting',
  'leadership.max_concurrent_leads': 'charter.field.leadership_max_concurrent_leads',
  unit: 'charter.field.unit',
  close_turnout_warning: 'charter.field.close_turnout_warning',
  amendment_rule: 'charter.field.amendment_rule',
  amendment_window_hours: 'charter.field.amendment_window_hours',
  amendment_majority: 'charter.field.amendment_majority',
  coordination: 'charter.field.coordination',
  coordination_term: 'charter.field.coordination_term',
  score_max: 'charter.field.score_max',
  points_budget: 'charter.field.points_budget',
};
const keys = Object.keys(titles) as Key[];
/** A field's title in the language in use. */
const title = (k: Key): string => t(titles[k]);

/** What each figure is counted in, said next to it. */
const units: Partial<Record<Key, string>> = {
  capacity: 'charter.unit.capacity',
  'fairness.max_dry_spell': 'charter.unit.fairness_max_dry_spell',
  'fairness.max_deopt_share': 'charter.unit.fairness_max_deopt_share',
  'leadership.max_concurrent_leads': 'charter.unit.leadership_max_concurrent_leads',
  close_turnout_warning: 'charter.unit.close_turnout_warning',
  amendment_window_hours: 'charter.unit.amendment_window_hours',
  amendment_majority: 'charter.unit.amendment_majority',
  coordination_term: 'charter.unit.coordination_term',
  score_max: 'charter.unit.score_max',
  points_budget: 'charter.unit.points_budget',
};
/** What a field is counted in, in the language in use ('' for none). */
const unitText = (k: Key): string => (units[k] ? t(units[k]!) : '');

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
    score_max: c.score_max ?? '10',
    points_budget: c.points_budget ?? '0',
  };
}

/** Why each value would be refused, in words. */
function problemsOf(v: Values, info: Record<string, PropertyInfo>): Record<Key, string | null> {
  const share = v['fairness.max_deopt_share'].trim();
  const shareProblem = amountProblem(share, 'positive') ?? (amountValue(share) > 1 ? t('charter.shareProblem') : null);
  const whole = (k: Key) => integerProblem(v[k], info[k]?.minimum ?? 1, info[k]?.maximum);
  return {
    name: !v.name.trim() ? t('charter.giveName') : v.name.length > maxChars.name ? t('partners.atMost', { max: maxChars.name }) : null,
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
    unit: !v.unit.trim() ? t('charter.giveUnit') : v.unit.length > maxChars.unit ? t('partners.atMost', { max: maxChars.unit }) : null,
    amendment_rule: null,
    amendment_window_hours: amountProblem(v.amendment_window_hours.trim(), 'positive'),
    amendment_majority: amountProblem(v.amendment_majority.trim(), 'positive'),
    coordination: null,
    coordination_term: whole('coordination_term'),
    score_max: amountProblem(v.score_max.trim(), 'positive'),
    points_budget: amountProblem(v.points_budget.trim()) ?? (amountValue(v.points_budget.trim()) < 0 ? t('charter.budgetBelowZero') : null),
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
  if (k === 'fairness.perpetual_weighting') return value === 'true' ? t('charter.on') : t('charter.off');
  if (k === 'fairness.max_deopt_share') return `${pct(value)} ${unitText(k)}`;
  if (k === 'capacity') return <><Num value={value} /> {unitText(k)}</>;
  if (k === 'close_turnout_warning') return value === '0' ? t('charter.never') : t('charter.below', { value, unit: unitText(k) });
  if (k === 'score_max') return <>{rich(t('charter.scoreMaxShown'), { n: () => <Num value={value} /> })}</>;
  if (k === 'points_budget') return amountValue(value) === 0 ? t('charter.noBudget') : <>{rich(t('charter.pointsPerBallot', { count: amountValue(value) }), { n: () => <Num value={value} /> })}</>;
  if (units[k]) return `${value} ${unitText(k)}`;
  if (k === 'name' || k === 'unit') return value;
  if (k === 'deadline_action') return value === 'auto' ? t('charter.movesItself') : t('charter.reminded');
  return label(value);
}

function Input(props: { k: Key; values: Values; info: PropertyInfo | undefined; set: (k: Key, v: string) => void; attrs: any }) {
  const { k, values, info, attrs } = props;
  const onInput = (e: Event) => props.set(k, (e.target as HTMLInputElement).value);
  if (k === 'fairness.perpetual_weighting') {
    return (
      <select {...attrs} value={values[k]} onChange={onInput}>
        <option value="true">{t('charter.onOption')}</option>
        <option value="false">{t('charter.offOption')}</option>
      </select>
    );
  }
  if (k === 'deadline_action') {
    return (
      <select {...attrs} value={values[k]} onChange={onInput}>
        <option value="remind">{t('charter.remindOption')}</option>
        <option value="auto">{t('charter.autoOption')}</option>
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
  const decimal = k.includes('share') || k === 'capacity' || k.startsWith('amendment_') || k === 'score_max' || k === 'points_budget';
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
  if (k === 'name') return t('charter.nameHelp');
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
  const dflt = info?.default !== undefined ? ' ' + t('charter.default', { value: k.endsWith('perpetual_weighting') ? (info.default ? t('charter.on') : t('charter.off')).toLowerCase() : label(String(info.default)) }) : '';
  const numbers = k === 'capacity' || k.endsWith('max_deopt_share') || k === 'score_max' || k === 'points_budget' ? ' ' + t('charter.numbers', { bounds: amountBounds() }) : '';
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
      props.onSaved(saved, changed.map((k) => title(k)));
    }
  }

  return (
    <Card title={t('charter.change')} id="charter-form-card">
      <p class="form-intro muted">{t('charter.changeIntro')}</p>
      <form class="form charter-form" onSubmit={submit} id="charter-form" noValidate>
        {keys.map((k) => (
          <Field id={'charter-' + k.replace('.', '-')} label={<>{title(k)}{units[k] && <span class="muted unit"> ({unitText(k)})</span>}</>} hint={hintOf(k, props.info[k])} problem={problems.shown(k)}>
            {(attrs) => <Input k={k} values={values} info={props.info[k]} set={set} attrs={attrs} />}
          </Field>
        ))}
        <div class="form-actions">
          <ProblemSummary count={problems.count} />
          <ApiProblem error={action.error} title={t('charter.notChanged')} fields={Object.fromEntries(keys.map((k) => [k, title(k)]))} />
          <button class="btn primary" type="submit" disabled={action.busy || !changed.length} data-action="save-charter">
            {action.busy ? t('partners.saving') : changed.length ? t('charter.save', { count: changed.length }) : t('charter.noChange')}
          </button>
          {changed.length > 0 && (
            <button class="btn ghost" type="button" onClick={() => (setValues(before), problems.reset(), action.clear())}>
              {t('charter.undo')}
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
    <Card title={t('charter.words')} id="charter-words">
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
        title={t('charter.title')}
        subtitle={t('charter.subtitle')}
        actions={
          <a class="btn ghost" href="/charter/proposals" data-action="charter-proposals">
            {t('layout.nav.charterProposals')}
          </a>
        }
      />
      <div role="status">{saved && <p class="notice-ok">✓ {saved}</p>}</div>
      <ErrorBox error={data.error} title={t('charter.loadFailed')} onRetry={data.reload} />
      {data.loading && !data.data && <Loading what={t('charter.loading')} />}
      {charter && info && (
        <div class="grid-side">
          <div class="stack">
            <Card title={t('charter.of', { name: charter.name })}>
              <dl class="facts charter-facts" data-testid="charter">
                {keys.map((k) => (
                  <>
                    <dt>{title(k)}</dt>
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
            <Card title={t('charter.changing')} id="charter-proposals-link">
              <p>
                {rich(t('charter.partnersDecide', { how: charter.amendment_rule === 'consent' ? t('charter.byConsent') : t('charter.byMajority', { majority: charter.amendment_majority }) }), { a: (x) => <a href="/charter/proposals">{x}</a> })}
              </p>
            </Card>
          ) : coordinator ? (
            <CharterForm
              charter={charter}
              info={info}
              onSaved={(c, changed) => {
                setSaved(t('charter.saved', { fields: changed.join(', ') }));
                data.reload();
                // The name heads every page and the unit follows every value: both come with the session.
                if (c.name !== charter.name || unitOf(c) !== unitOf(charter) || c.deadline_action !== charter.deadline_action) app.refresh();
              }}
            />
          ) : (
            <Card title={t('charter.changing')}>
              <p class="muted">{rich(t('charter.coordinatorChanges'), { a: (x) => <a href="/charter/proposals">{x}</a> })}</p>
            </Card>
          )}
        </div>
      )}
    </>
  );
}
