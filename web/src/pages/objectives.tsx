// Objectives and KPI readings, per partner: each objective's progress (a chart against its baseline and
// target, and the same as a table); a coordinator records a new objective and a reading after a closed cycle.

import { t } from '../lib/i18n';
import { useState } from 'preact/hooks';
import { ApiProblem, Field, ProblemSummary, useProblems } from '../components/form';
import { objectiveName, ObjectiveProgress, withUnit } from '../components/objective-progress';
import { Card, Empty, ErrorBox, Loading, PageHeader } from '../components/ui';
import { get, post } from '../lib/api';
import { isCoordinator, list, useApp } from '../lib/context';
import { loadCycles } from '../lib/cycles';
import { useAction, useAsync } from '../lib/hooks';
import { amountBounds, amountProblem, maxChars } from '../lib/limits';
import { kpis, label } from '../lib/names';
import { queryParam } from '../lib/router';
import type { Cycle, KpiMeasurement, Objective } from '../lib/types';

const unitMax = 40;

/** Every objective and reading, and the cycles a reading may follow (closed or reviewed). */
async function loadAll() {
  const [objectives, readings, cycles] = await Promise.all([
    get<unknown>('/objectives').then((r) => list<Objective>(r, 'objectives')),
    get<unknown>('/kpis').then((r) => list<KpiMeasurement>(r, 'kpis')),
    loadCycles(),
  ]);
  return { objectives, readings, closed: cycles.filter((c) => c.state === 'closed' || c.state === 'reviewed') };
}

function NewObjectiveForm(props: { partner: number; onAdded: (o: Objective) => void }) {
  const app = useApp();
  const [kpi, setKpi] = useState<string>(kpis[0]);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [baseline, setBaseline] = useState('');
  const [target, setTarget] = useState('');
  const action = useAction();
  const problems = useProblems({
    name: name.length > maxChars.name ? t('partners.atMost', { max: maxChars.name }) : null,
    unit: unit.length > unitMax ? t('partners.atMost', { max: unitMax }) : null,
    baseline: baseline.trim() ? amountProblem(baseline.trim()) : null,
    target: !target.trim() ? t('objectives.giveTarget') : amountProblem(target.trim()),
  });
  const edit = (set: (v: string) => void) => (e: Event) => (action.clear(), set((e.target as HTMLInputElement).value));
  async function submit(event: Event) {
    event.preventDefault();
    if (!problems.check((f) => 'objective-' + f)) return;
    const body: Record<string, unknown> = { partner: props.partner, kpi, name: name.trim(), unit: unit.trim(), target: target.trim() };
    if (baseline.trim()) body.baseline = baseline.trim();
    const added = await action.run(() => post<Objective>('/objectives', body));
    if (added) {
      for (const set of [setName, setUnit, setBaseline, setTarget]) set('');
      problems.reset();
      props.onAdded(added);
    }
  }
  return (
    <Card title={t('objectives.recordOf', { partner: app.partnerName(props.partner) })} id="new-objective">
      <form class="form" id="objective-form" onSubmit={submit} noValidate>
        <Field id="objective-kpi" label={t('objectives.kpi')} hint={t('objectives.kpiHint')}>
          {(attrs) => (
            <select {...attrs} value={kpi} onChange={edit(setKpi)}>
              {kpis.map((k) => (
                <option value={k}>{label(k)}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="objective-name" label={t('objectives.nameOptional')} hint={t('objectives.nameHint')} problem={problems.shown('name')}>
          {(attrs) => <input {...attrs} value={name} maxLength={maxChars.name} onInput={edit(setName)} />}
        </Field>
        <Field id="objective-unit" label={t('objectives.unitOptional')} hint={t('objectives.unitHint')} problem={problems.shown('unit')}>
          {(attrs) => <input {...attrs} value={unit} maxLength={unitMax} onInput={edit(setUnit)} />}
        </Field>
        <div class="row-2">
          <Field id="objective-baseline" label={t('objectives.baselineOptional')} hint={t('objectives.baselineHint')} problem={problems.shown('baseline')}>
            {(attrs) => <input {...attrs} value={baseline} inputMode="decimal" onInput={edit(setBaseline)} />}
          </Field>
          <Field id="objective-target" label={t('objective.target')} hint={t('objectives.targetHint')} problem={problems.shown('target')}>
            {(attrs) => <input {...attrs} value={target} inputMode="decimal" onInput={edit(setTarget)} />}
          </Field>
        </div>
        <p class="hint">{t('objectives.numbers', { bounds: amountBounds() })}</p>
        <div class="form-actions">
          <ProblemSummary count={problems.count} />
          <ApiProblem error={action.error} title={t('objectives.notRecorded')} fields={{ kpi: t('objectives.kpi'), name: t('objectives.name'), unit: t('objectives.unit'), baseline: t('objective.baseline'), target: t('objective.target') }} />
          <button class="btn primary" type="submit" disabled={action.busy} data-action="add-objective">
            {action.busy ? t('actuals.recording') : t('objectives.recordButton')}
          </button>
        </div>
      </form>
    </Card>
  );
}

function ReadingForm(props: { objectives: Objective[]; closed: Cycle[]; onRecorded: (m: KpiMeasurement, o: Objective) => void }) {
  const [objective, setObjective] = useState<string>(props.objectives[0] ? String(props.objectives[0].id) : '');
  const latest = props.closed[props.closed.length - 1];
  const [cycle, setCycle] = useState<string>(latest ? String(latest.number) : '');
  const [value, setValue] = useState('');
  const action = useAction();
  const chosen = props.objectives.find((o) => String(o.id) === objective);
  const problems = useProblems({
    objective: !chosen ? t('objectives.chooseObjective') : null,
    cycle: !cycle ? t('objectives.chooseCycle') : null,
    value: !value.trim() ? t('objectives.giveReading') : amountProblem(value.trim()),
  });
  async function submit(event: Event) {
    event.preventDefault();
    if (!problems.check((f) => 'reading-' + f)) return;
    const body = { cycle: Number(cycle), objective: Number(objective), value: value.trim() };
    const recorded = await action.run(() => post<KpiMeasurement>('/kpis', body));
    if (recorded && chosen) {
      setValue('');
      problems.reset();
      props.onRecorded(recorded, chosen);
    }
  }
  if (!props.closed.length) return <Card title={t('objectives.recordReading')}><p class="muted">{t('objectives.noClosed')}</p></Card>;
  return (
    <Card title={t('objectives.recordReading')} id="new-reading">
      <form class="form" id="reading-form" onSubmit={submit} noValidate>
        <Field id="reading-objective" label={t('objectives.objective')} problem={problems.shown('objective')}>
          {(attrs) => (
            <select {...attrs} value={objective} onChange={(e) => (action.clear(), setObjective((e.target as HTMLSelectElement).value))}>
              {props.objectives.map((o) => (
                <option value={String(o.id)}>
                  {objectiveName(o)} ({t('objectives.targetIs', { value: withUnit(o.target, o.unit) })})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="reading-cycle" label={t('objective.afterCycle')} hint={t('objectives.cycleHint')} problem={problems.shown('cycle')}>
          {(attrs) => (
            <select {...attrs} value={cycle} onChange={(e) => (action.clear(), setCycle((e.target as HTMLSelectElement).value))}>
              {[...props.closed].reverse().map((c) => (
                <option value={String(c.number)}>
                  {t('cycle.title', { cycle: c.number })} ({label(c.state).toLowerCase()})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="reading-value" label={chosen?.unit ? t('objective.readingUnit', { unit: chosen.unit }) : t('objective.reading')} hint={chosen ? t('objectives.readingHint', { baseline: withUnit(chosen.baseline, chosen.unit), target: withUnit(chosen.target, chosen.unit) }) : undefined} problem={problems.shown('value')}>
          {(attrs) => <input {...attrs} value={value} inputMode="decimal" onInput={(e) => (action.clear(), setValue((e.target as HTMLInputElement).value))} />}
        </Field>
        <div class="form-actions">
          <ProblemSummary count={problems.count} />
          <ApiProblem error={action.error} title={t('objectives.readingNotRecorded')} fields={{ objective: t('objectives.objective'), cycle: t('objective.afterCycle'), value: t('objective.reading') }} />
          <button class="btn primary" type="submit" disabled={action.busy} data-action="record-reading">
            {action.busy ? t('actuals.recording') : t('objectives.recordReadingButton')}
          </button>
        </div>
      </form>
    </Card>
  );
}

export function ObjectivesPage() {
  const app = useApp();
  const data = useAsync(loadAll, []);
  const [notice, setNotice] = useState('');
  const [asked, setAsked] = useState(() => Number(queryParam('partner')));
  const partners = [...app.partners].sort((a, b) => Number(a.left_cycle != null) - Number(b.left_cycle != null) || a.name.localeCompare(b.name));
  const partner = partners.some((p) => p.id === asked) ? asked : partners[0]?.id;
  const coordinator = isCoordinator(app.session);
  const mine = (data.data?.objectives ?? []).filter((o) => o.partner === partner);
  const readingsOf = (o: Objective) => (data.data?.readings ?? []).filter((r) => r.objective === o.id);
  return (
    <>
      <PageHeader title={t('objectives.title')} subtitle={t('objectives.subtitle')} />
      <div class="toolbar">
        <div class="inline-form">
          <label for="objectives-partner" class="strong">
            {t('people.partner')}
          </label>
          <select
            id="objectives-partner"
            value={partner ? String(partner) : ''}
            onChange={(e) => {
              const id = (e.target as HTMLSelectElement).value;
              setNotice('');
              setAsked(Number(id));
              history.replaceState(null, '', `/objectives?partner=${id}`);
            }}
          >
            {partners.map((p) => (
              <option value={String(p.id)}>
                {p.name}
                {p.left_cycle != null ? ` (${t('names.left').toLowerCase()})` : ''}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      <ErrorBox error={data.error} title={t('objectives.loadFailed')} onRetry={data.reload} />
      {data.loading && !data.data && <Loading what={t('objectives.loading')} />}
      {data.data && partner != null && (
        <div class="grid-side">
          <div class="stack" data-testid="objectives">
            {mine.length === 0 ? (
              <Card title={t('objectives.of', { partner: app.partnerName(partner) })}>
                <Empty title={t('objectives.none')}>{coordinator ? t('objectives.recordFirst') : t('objectives.whoRecords')}</Empty>
              </Card>
            ) : (
              mine.map((o) => (
                <Card title={objectiveName(o)} extra={<span class="muted small">{label(o.kpi)}{o.unit ? ` · ${t('objectives.inUnit', { unit: o.unit })}` : ''}</span>}>
                  <ObjectiveProgress objective={o} readings={readingsOf(o)} />
                </Card>
              ))
            )}
          </div>
          {coordinator && (
            <div class="stack">
              {mine.length > 0 && (
                <ReadingForm
                  key={`reading-${partner}`}
                  objectives={mine}
                  closed={data.data.closed}
                  onRecorded={(m, o) => {
                    setNotice(t('objectives.readingRecorded', { name: objectiveName(o), cycle: m.cycle, value: withUnit(m.value, o.unit) }));
                    data.reload();
                  }}
                />
              )}
              <NewObjectiveForm
                key={`objective-${partner}`}
                partner={partner}
                onAdded={(o) => {
                  setNotice(t('objectives.recorded', { name: objectiveName(o), partner: app.partnerName(o.partner) }));
                  data.reload();
                }}
              />
            </div>
          )}
        </div>
      )}
    </>
  );
}
