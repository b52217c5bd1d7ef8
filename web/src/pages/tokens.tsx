// Access tokens (coordinators): issue one — its secret shown once, with a copy button —, list them, revoke.

import { useState } from 'preact/hooks';
import { ApiProblem, Field, ProblemSummary, useProblems } from '../components/form';
import { SecretField } from '../components/secret';
import { Badge, Card, Empty, ErrorBox, Loading, PageHeader, PartnerChip, Table } from '../components/ui';
import { del, get, post } from '../lib/api';
import { list, useApp } from '../lib/context';
import { useAction, useAsync } from '../lib/hooks';
import { label } from '../lib/names';
import { schemaFields } from '../lib/openapi';
import { queryParam } from '../lib/router';
import type { AccessToken, IssuedToken, Person } from '../lib/types';

/** What a person with each role can do, in one line. */
const roleHelp: Record<string, string> = {
  coordinator: 'runs the program: the charter, partners, cycles, actuals, tokens and the audit log.',
  representative: 'acts for one partner: proposes initiatives, casts its ballot, volunteers to lead.',
  observer: 'reads the dashboard, cycles and reports; changes nothing.',
};

const labelMax = 200;

/** When a token was issued, in the reader's own words and time zone. */
function when(text: string): string {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function IssueForm(props: { roles: string[]; people: Person[]; onIssued: (t: IssuedToken) => void }) {
  const app = useApp();
  const members = app.partners.filter((p) => p.left_cycle == null);
  const wanted = Number(queryParam('partner'));
  const wantedPerson = Number(queryParam('person'));
  const [person, setPerson] = useState<string>(props.people.some((p) => p.id === wantedPerson) ? String(wantedPerson) : '');
  const chosen = props.people.find((p) => String(p.id) === person);
  const [role, setRole] = useState('representative');
  const [partner, setPartner] = useState<string>(members.some((p) => p.id === wanted) ? String(wanted) : '');
  const [tokenLabel, setTokenLabel] = useState('');
  const action = useAction();
  const needsPartner = !chosen && role === 'representative';
  const problems = useProblems({
    partner: needsPartner && !partner ? 'Choose the partner this representative acts for.' : null,
    label: tokenLabel.length > labelMax ? `At most ${labelMax} characters.` : null,
  });
  async function submit(event: Event) {
    event.preventDefault();
    if (!problems.check((f) => 'token-' + f)) return;
    // A token for a person takes its role and partner from the person (and is revoked when they are removed).
    const body: Record<string, unknown> = chosen ? { person: chosen.id, label: tokenLabel.trim() } : { role, label: tokenLabel.trim() };
    if (needsPartner) body.partner = Number(partner);
    const issued = await action.run(() => post<IssuedToken>('/tokens', body));
    if (issued) {
      setTokenLabel('');
      problems.reset();
      props.onIssued(issued);
    }
  }
  return (
    <Card title="Issue a token" id="issue-token" class="form-card">
      <form class="form" id="issue-token-form" onSubmit={submit} noValidate>
        {props.people.length > 0 && (
          <Field
            id="token-person"
            label="For a person (optional)"
            hint={chosen ? `The token acts as ${chosen.name}: ${label(chosen.role).toLowerCase()}${chosen.partner != null ? ` of ${app.partnerName(chosen.partner)}` : ''}. It stops working when they are removed.` : 'Choose someone from People, and the token takes their role and partner; or leave it and choose the role below.'}
          >
            {(attrs) => (
              <select {...attrs} value={person} onChange={(e) => (action.clear(), setPerson((e.target as HTMLSelectElement).value))}>
                <option value="">No one in particular</option>
                {props.people.map((p) => (
                  <option value={String(p.id)}>
                    {p.name} ({label(p.role).toLowerCase()}
                    {p.partner != null ? `, ${app.partnerName(p.partner)}` : ''})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {!chosen && (
        <Field id="token-role" label="Role" hint={roleHelp[role] ? `A ${label(role).toLowerCase()} ${roleHelp[role]}` : undefined}>
          {(attrs) => (
            <select {...attrs} value={role} onChange={(e) => (action.clear(), setRole((e.target as HTMLSelectElement).value))}>
              {props.roles.map((r) => (
                <option value={r}>{label(r)}</option>
              ))}
            </select>
          )}
        </Field>
        )}
        {needsPartner && (
          <Field id="token-partner" label="Partner" hint="The partner this person votes and proposes for." problem={problems.shown('partner')}>
            {(attrs) => (
              <select {...attrs} value={partner} onChange={(e) => (action.clear(), setPartner((e.target as HTMLSelectElement).value))}>
                <option value="">Choose a partner…</option>
                {members.map((p) => (
                  <option value={String(p.id)}>{p.name}</option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field id="token-label" label="Label (optional)" hint="Who holds it, so you recognise it in the list: a name or an e-mail address." problem={problems.shown('label')}>
          {(attrs) => <input {...attrs} value={tokenLabel} maxLength={labelMax} autoComplete="off" onInput={(e) => (action.clear(), setTokenLabel((e.target as HTMLInputElement).value))} />}
        </Field>
        <div class="form-actions">
          <ProblemSummary count={problems.count} />
          <ApiProblem error={action.error} title="No token was issued" fields={{ role: 'Role', partner: 'Partner', label: 'Label', person: 'For a person' }} />
          <button class="btn primary" type="submit" disabled={action.busy} data-action="issue-token">
            {action.busy ? 'Issuing…' : 'Issue the token'}
          </button>
        </div>
      </form>
    </Card>
  );
}

/** The new token's secret, shown this once. */
function IssuedNote(props: { token: IssuedToken; personName?: string; onDone: () => void }) {
  const app = useApp();
  const { token } = props;
  const role = token.partner != null ? `${label(token.role).toLowerCase()} of ${app.partnerName(token.partner)}` : label(token.role).toLowerCase();
  const who = token.person != null ? `${props.personName ?? `person ${token.person}`}, ${role}` : token.partner != null ? `${label(token.role).toLowerCase()} of ${app.partnerName(token.partner)}` : label(token.role).toLowerCase();
  return (
    <div class="card created-note" data-testid="issued-token">
      <h2 tabIndex={-1} id="issued-title">
        Token issued for {token.person != null ? '' : 'a '}
        {who}
      </h2>
      <p>
        <strong>Copy the secret now and give it to that person</strong> (in person or over a channel you trust). It is shown only this once and
        cannot be looked up again; if it is lost, revoke the token and issue a new one. They paste it on the sign-in page.
      </p>
      <SecretField id="issued-secret" label={`Secret of token ${token.id}${token.label ? ` (${token.label})` : ''}`} secret={token.secret} />
      <button class="btn" type="button" onClick={props.onDone}>
        I have copied it: hide the secret
      </button>
    </div>
  );
}

export function TokensPage() {
  const app = useApp();
  const data = useAsync(
    () =>
      Promise.all([
        get<unknown>('/tokens').then((r) => list<AccessToken>(r, 'tokens')),
        schemaFields('NewToken').catch(() => ({}) as Record<string, any>),
        get<unknown>('/people').then((r) => list<Person>(r, 'people')),
      ]),
    [],
  );
  const [issued, setIssued] = useState<IssuedToken | undefined>();
  const [notice, setNotice] = useState('');
  const revoke = useAction();
  const [tokens, fields, people] = data.data ?? [];
  const personName = new Map((people ?? []).map((p) => [p.id, p.name]));
  const roles: string[] = fields?.role?.choices ?? ['coordinator', 'representative', 'observer'];
  const sorted = [...(tokens ?? [])].sort((a, b) => Number(a.revoked) - Number(b.revoked) || b.id - a.id);
  return (
    <>
      <PageHeader title="Access tokens" subtitle="Who may sign in, and as what. A token is a secret: whoever holds it acts with its role." />
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      {issued && (
        <IssuedNote
          token={issued}
          personName={issued.person != null ? personName.get(issued.person) : undefined}
          onDone={() => {
            setIssued(undefined);
            setNotice(`The secret of token ${issued.id} is hidden for good.`);
          }}
        />
      )}
      <ErrorBox error={data.error} title="The tokens could not be loaded" onRetry={data.reload} />
      <ApiProblem error={revoke.error} title="The token was not revoked" />
      {data.loading && !data.data && <Loading what="the tokens" />}
      {data.data && (
        <>
          <IssueForm
            roles={roles}
            people={people ?? []}
            onIssued={(t) => {
              setNotice('');
              setIssued(t);
              data.reload();
              setTimeout(() => document.getElementById('issued-title')?.focus(), 0);
            }}
          />
          <Card title="Tokens" extra={<span class="muted small">{sorted.filter((t) => !t.revoked).length} in use</span>}>
            {sorted.length === 0 ? (
              <Empty title="No token yet" />
            ) : (
              <Table class="tokens stack-on-phone" columns={['Id', 'Role', 'Partner', 'Person', 'Label', 'Issued', 'State', { title: <span class="sr-only">Actions</span> }]}>
                {sorted.map((t) => (
                  <tr data-token={t.id} class={t.revoked ? 'left' : ''}>
                    <td class="id" data-label="Id">{t.id}</td>
                    <td data-label="Role">{label(t.role)}</td>
                    <td data-label="Partner">{t.partner != null ? <PartnerChip id={t.partner} /> : <span class="muted">–</span>}</td>
                    <td data-label="Person">{t.person != null ? personName.get(t.person) ?? <span class="muted">removed</span> : <span class="muted">–</span>}</td>
                    <td data-label="Label">{t.label || <span class="muted">–</span>}</td>
                    <td data-label="Issued" class="nowrap">{when(t.issued_at)}</td>
                    <td data-label="State" class="nowrap">{t.revoked ? <Badge value="revoked" kind="withdrawn" /> : <span class="yes">in use</span>}</td>
                    <td class="right">
                      {!t.revoked && (
                        <button
                          class="btn danger small"
                          data-action="revoke"
                          aria-label={`Revoke token ${t.id}${t.label ? ` (${t.label})` : ''}`}
                          disabled={revoke.busy}
                          onClick={async () => {
                            const whose = t.partner != null ? ` of ${app.partnerName(t.partner)}` : '';
                            if (!confirm(`Revoke token ${t.id} (${label(t.role).toLowerCase()}${whose})? Whoever holds it can no longer sign in. If it is your own, you are signed out.`)) return;
                            const done = await revoke.run(() => del(`/tokens/${t.id}`));
                            if (done !== undefined) {
                              setNotice(`Token ${t.id} is revoked: it no longer signs in.`);
                              data.reload();
                            }
                          }}
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </Table>
            )}
          </Card>
        </>
      )}
    </>
  );
}
