// The partners: tier, membership, cumulative net value and retention risk.

import { useState } from 'preact/hooks';
import { ApiProblem, Field, ProblemSummary, useProblems } from '../components/form';
import { Badge, Card, Empty, ErrorBox, Loading, Num, PageHeader, right, Table } from '../components/ui';
import { get, post } from '../lib/api';
import { partnerColor } from '../lib/colors';
import { isCoordinator, useApp } from '../lib/context';
import { useAction, useAsync } from '../lib/hooks';
import { maxChars } from '../lib/limits';
import { useT } from '../lib/i18n';
import { label, tiers } from '../lib/names';
import type { Partner } from '../lib/types';
import { normaliseReport, table } from '../lib/reports';
import { pct } from '../lib/rational';
import { withUnit } from '../lib/units';
import { Term } from '../components/term';

export function RiskBadge(props: { band: unknown; score?: unknown }) {
  if (props.band == null || props.band === '' || props.band === '-') return <span class="muted">–</span>;
  const band = String(props.band);
  return (
    <span class={`risk risk-${band}`}>
      {label(band)}
      {props.score != null && props.score !== '' ? ` · ${props.score}` : ''}
    </span>
  );
}

/** The coordinator's form: a new partner, by name and supply-chain tier. */
function AddPartnerForm(props: { onAdded: (p: Partner) => void }) {
  const app = useApp();
  const [name, setName] = useState('');
  const [tier, setTier] = useState<string>('other');
  const action = useAction();
  const t = useT();
  const taken = app.partners.some((p) => p.name.trim().toLowerCase() === name.trim().toLowerCase());
  const problems = useProblems({
    name: !name.trim() ? t('partners.giveName') : taken ? t('partners.taken', { name: name.trim() }) : name.length > maxChars.name ? t('partners.atMost', { max: maxChars.name }) : null,
  });
  async function submit(event: Event) {
    event.preventDefault();
    if (!problems.check((f) => 'partner-' + f)) return;
    const added = await action.run(() => post<Partner>('/partners', { name: name.trim(), tier }));
    if (added) {
      setName('');
      problems.reset();
      props.onAdded(added);
    }
  }
  return (
    <Card title={t('partners.add')} id="add-partner">
      <form class="form" onSubmit={submit} id="add-partner-form" noValidate>
        <Field id="partner-name" label={t('partners.name')} hint={t('partners.nameHint')} problem={problems.shown('name')}>
          {(attrs) => <input {...attrs} value={name} maxLength={maxChars.name} autoComplete="organization" onInput={(e) => (action.clear(), setName((e.target as HTMLInputElement).value))} />}
        </Field>
        <Field id="partner-tier" label={t('partners.tier')} hint={t('partners.tierHint')}>
          {(attrs) => (
            <select {...attrs} value={tier} onChange={(e) => setTier((e.target as HTMLSelectElement).value)}>
              {tiers.map((x) => (
                <option value={x}>{label(x)}</option>
              ))}
            </select>
          )}
        </Field>
        <div class="form-actions">
          <ProblemSummary count={problems.count} />
          <ApiProblem error={action.error} title={t('partners.notAdded')} fields={{ name: t('partners.name'), tier: t('partners.tier') }} />
          <button class="btn primary" type="submit" disabled={action.busy} data-action="add-partner">
            {action.busy ? t('partners.adding') : t('partners.addButton')}
          </button>
        </div>
      </form>
    </Card>
  );
}

/** Marks a partner as leaving, after asking. */
function LeaveButton(props: { partner: Partner; action: ReturnType<typeof useAction>; onLeft: (p: Partner) => void }) {
  const { action } = props;
  const t = useT();
  return (
    <button
      class="btn danger small"
      data-action="leave"
      disabled={action.busy}
      aria-label={t('partners.leaveLabel', { name: props.partner.name })}
      onClick={async () => {
        if (!confirm(t('partners.leaveConfirm', { name: props.partner.name }))) return;
        const left = await action.run(() => post<Partner>(`/partners/${props.partner.id}/leave`));
        if (left) props.onLeft(left);
      }}
    >
      {action.busy ? t('partners.saving') : t('partners.leave')}
    </button>
  );
}

export function PartnersPage() {
  const app = useApp();
  const coordinator = isCoordinator(app.session);
  const [notice, setNotice] = useState<preact.JSX.Element | null>(null);
  const leaveAction = useAction();
  const data = useAsync(
    () =>
      Promise.all([
        get<any>('/reports/engagement').then(normaliseReport).catch(() => null),
        get<any>('/reports/fairness').then(normaliseReport).catch(() => null),
      ]),
    [],
  );
  const engagement = new Map(table(data.data?.[0], 'partners').rows.map((r) => [Number(r.partner), r]));
  const fairness = new Map(table(data.data?.[1], 'partners').rows.map((r) => [Number(r.partner), r]));
  const partners = [...app.partners].sort((a, b) => Number(a.left_cycle != null) - Number(b.left_cycle != null) || a.id - b.id);
  const t = useT();
  return (
    <>
      <PageHeader title={t('partners.title')} subtitle={t('partners.members', { count: app.partners.filter((p) => p.left_cycle == null).length })} actions={coordinator && <a class="btn" href="#add-partner">{t('partners.add')}</a>} />
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      <ApiProblem error={leaveAction.error} title={t('partners.notLeft')} />
      <ErrorBox error={data.error} title={t('partners.loadFailed')} onRetry={data.reload} />
      {data.loading && !data.data && <Loading what={t('partners.loading')} />}
      {partners.length === 0 ? (
        <Empty title={t('partners.none')}>{coordinator ? t('partners.addFirst') : t('partners.coordinatorAdds')}</Empty>
      ) : (
        <Card>
          <Table
            class="stack-on-phone"
            columns={[
              t('partners.col.partner'),
              t('partners.col.tier'),
              t('partners.col.membership'),
              right(withUnit(t('partners.col.netValue'), app.unit)),
              { title: <Term k="de-optimisation">{t('partners.col.deopt')}</Term>, class: 'right' },
              { title: <Term k="dry-spell">{t('partners.col.dry')}</Term>, class: 'right' },
              right(t('partners.col.turnout')),
              { title: <Term k="retention-risk" /> }, ...(coordinator ? [{ title: <span class="sr-only">{t('partners.col.actions')}</span> }] : [])]}
          >
            {partners.map((p) => {
              const e = engagement.get(p.id);
              const f = fairness.get(p.id);
              return (
                <tr data-partner={p.id} class={p.left_cycle != null ? 'left' : ''}>
                  <td>
                    <a class="partner-chip strong" href={`/partners/${p.id}`}>
                      <span class="dot" style={{ background: partnerColor(p.id) }} />
                      {p.name}
                    </a>
                  </td>
                  <td data-label={t('partners.col.tier')}>{label(p.tier)}</td>
                  <td data-label={t('partners.col.membership')}>{p.left_cycle != null ? <Badge value="left" kind="withdrawn" /> : <span class="muted">{t('partners.since', { cycle: p.joined_cycle })}</span>}</td>
                  <td class="right" data-label={t('partners.col.netValue')}>{f ? <Num value={f.net_value} signed /> : '–'}</td>
                  <td class="right" data-label={t('partners.col.deopt')}>{f ? pct(f.deopt_share) : '–'}</td>
                  <td class="right" data-label={t('partners.col.dry')}>{f?.longest_dry_spell ?? '–'}</td>
                  <td class="right" data-label={t('partners.col.turnout')}>{e && Number(e.ballots_issued) > 0 ? `${e.ballots_cast}/${e.ballots_issued}` : '–'}</td>
                  <td data-label={t('partners.col.risk')}>
                    <RiskBadge band={e?.risk_band} score={e?.risk_score} />
                  </td>
                  {coordinator && (
                    <td class="right">
                      {p.left_cycle == null && (
                        <LeaveButton
                          partner={p}
                          action={leaveAction}
                          onLeft={(left) => {
                            setNotice(<>{t('partners.leaves', { name: left.name, cycle: left.left_cycle })}</>);
                            app.refresh();
                          }}
                        />
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </Table>
        </Card>
      )}
      {coordinator && (
        <AddPartnerForm
          onAdded={(p) => {
            setNotice(
              <>
                {t('partners.added', { name: p.name })} <a href={`/tokens?partner=${p.id}`} data-action="give-access">{t('partners.giveAccess')}</a>
              </>,
            );
            app.refresh();
          }}
        />
      )}
    </>
  );
}
