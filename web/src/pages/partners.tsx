// The partners: tier, membership, cumulative net value and retention risk.

import { useState } from 'preact/hooks';
import { ApiProblem, Field, ProblemSummary, useProblems } from '../components/form';
import { Badge, Card, Empty, ErrorBox, Loading, Num, PageHeader, right, Table } from '../components/ui';
import { get, post } from '../lib/api';
import { partnerColor } from '../lib/colors';
import { isCoordinator, useApp } from '../lib/context';
import { useAction, useAsync } from '../lib/hooks';
import { maxChars } from '../lib/limits';
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
  const taken = app.partners.some((p) => p.name.trim().toLowerCase() === name.trim().toLowerCase());
  const problems = useProblems({
    name: !name.trim() ? 'Give the partner its name.' : taken ? `A partner named “${name.trim()}” is already in the network.` : name.length > maxChars.name ? `At most ${maxChars.name} characters.` : null,
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
    <Card title="Add a partner" id="add-partner">
      <form class="form" onSubmit={submit} id="add-partner-form" noValidate>
        <Field id="partner-name" label="Name" hint="The organisation’s name, as the other partners know it." problem={problems.shown('name')}>
          {(attrs) => <input {...attrs} value={name} maxLength={maxChars.name} autoComplete="organization" onInput={(e) => (action.clear(), setName((e.target as HTMLInputElement).value))} />}
        </Field>
        <Field id="partner-tier" label="Supply-chain tier" hint="Where it sits in the chain; reports group partners by it.">
          {(attrs) => (
            <select {...attrs} value={tier} onChange={(e) => setTier((e.target as HTMLSelectElement).value)}>
              {tiers.map((t) => (
                <option value={t}>{label(t)}</option>
              ))}
            </select>
          )}
        </Field>
        <div class="form-actions">
          <ProblemSummary count={problems.count} />
          <ApiProblem error={action.error} title="The partner was not added" fields={{ name: 'Name', tier: 'Supply-chain tier' }} />
          <button class="btn primary" type="submit" disabled={action.busy} data-action="add-partner">
            {action.busy ? 'Adding…' : 'Add the partner'}
          </button>
        </div>
      </form>
    </Card>
  );
}

/** Marks a partner as leaving, after asking. */
function LeaveButton(props: { partner: Partner; action: ReturnType<typeof useAction>; onLeft: (p: Partner) => void }) {
  const { action } = props;
  return (
    <button
      class="btn danger small"
      data-action="leave"
      disabled={action.busy}
      aria-label={`Mark as leaving: ${props.partner.name}`}
      onClick={async () => {
        if (!confirm(`${props.partner.name} leaves the network: it gets no ballot in the cycles that follow, and its history stays. Continue?`)) return;
        const left = await action.run(() => post<Partner>(`/partners/${props.partner.id}/leave`));
        if (left) props.onLeft(left);
      }}
    >
      {action.busy ? 'Saving…' : 'Mark as leaving'}
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
  return (
    <>
      <PageHeader title="Partners" subtitle={`${app.partners.filter((p) => p.left_cycle == null).length} members of the network`} actions={coordinator && <a class="btn" href="#add-partner">Add a partner</a>} />
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      <ApiProblem error={leaveAction.error} title="The partner was not marked as leaving" />
      <ErrorBox error={data.error} title="The partner reports could not be loaded" onRetry={data.reload} />
      {data.loading && !data.data && <Loading what="partner reports" />}
      {partners.length === 0 ? (
        <Empty title="No partners yet">{coordinator ? 'Add the first partner with the form below.' : 'The coordinator adds the partners.'}</Empty>
      ) : (
        <Card>
          <Table
            class="stack-on-phone"
            columns={[
              'Partner',
              'Tier',
              'Membership',
              right(withUnit('Net value', app.unit)),
              { title: <Term k="de-optimisation">De-opt. share</Term>, class: 'right' },
              { title: <Term k="dry-spell">Longest dry spell</Term>, class: 'right' },
              right('Turnout'),
              { title: <Term k="retention-risk" /> }, ...(coordinator ? [{ title: <span class="sr-only">Actions</span> }] : [])]}
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
                  <td data-label="Tier">{label(p.tier)}</td>
                  <td data-label="Membership">{p.left_cycle != null ? <Badge value="left" kind="withdrawn" /> : <span class="muted">since cycle {p.joined_cycle}</span>}</td>
                  <td class="right" data-label="Net value">{f ? <Num value={f.net_value} signed /> : '–'}</td>
                  <td class="right" data-label="De-opt. share">{f ? pct(f.deopt_share) : '–'}</td>
                  <td class="right" data-label="Longest dry spell">{f?.longest_dry_spell ?? '–'}</td>
                  <td class="right" data-label="Turnout">{e && Number(e.ballots_issued) > 0 ? `${e.ballots_cast}/${e.ballots_issued}` : '–'}</td>
                  <td data-label="Retention risk">
                    <RiskBadge band={e?.risk_band} score={e?.risk_score} />
                  </td>
                  {coordinator && (
                    <td class="right">
                      {p.left_cycle == null && (
                        <LeaveButton
                          partner={p}
                          action={leaveAction}
                          onLeft={(left) => {
                            setNotice(<>{left.name} leaves the network from cycle {left.left_cycle}.</>);
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
                {p.name} is a partner now. <a href={`/tokens?partner=${p.id}`} data-action="give-access">Give its representative access →</a>
              </>,
            );
            app.refresh();
          }}
        />
      )}
    </>
  );
}
