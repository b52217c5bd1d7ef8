// Access tokens (coordinators): issue one — its secret shown once, with a copy button —, list them, revoke.

import { rich } from '../components/rich';
import { fmtDateTime } from '../lib/dates';
import { t } from '../lib/i18n';
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
  coordinator: 'tokens.help.coordinator',
  representative: 'tokens.help.representative',
  observer: 'tokens.help.observer',
};

const labelMax = 200;

/** When a token was issued, in the reader's own language and time zone. */
const when = (text: string): string => fmtDateTime(text);

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
    partner: needsPartner && !partner ? t('people.choosePartner') : null,
    label: tokenLabel.length > labelMax ? t('partners.atMost', { max: labelMax }) : null,
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
    <Card title={t('tokens.issue')} id="issue-token" class="form-card">
      <form class="form" id="issue-token-form" onSubmit={submit} noValidate>
        {props.people.length > 0 && (
          <Field
            id="token-person"
            label={t('tokens.forPerson')}
            hint={chosen ? t('tokens.actsAs', { name: chosen.name, role: chosen.partner != null ? t('people.roleOf', { role: label(chosen.role).toLowerCase(), partner: app.partnerName(chosen.partner) }) : label(chosen.role).toLowerCase() }) : t('tokens.forPersonHint')}
          >
            {(attrs) => (
              <select {...attrs} value={person} onChange={(e) => (action.clear(), setPerson((e.target as HTMLSelectElement).value))}>
                <option value="">{t('tokens.noOne')}</option>
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
        <Field id="token-role" label={t('people.role')} hint={roleHelp[role] ? t(roleHelp[role]) : undefined}>
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
          <Field id="token-partner" label={t('people.partner')} hint={t('tokens.partnerHint')} problem={problems.shown('partner')}>
            {(attrs) => (
              <select {...attrs} value={partner} onChange={(e) => (action.clear(), setPartner((e.target as HTMLSelectElement).value))}>
                <option value="">{t('ballot.choosePartner')}</option>
                {members.map((p) => (
                  <option value={String(p.id)}>{p.name}</option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field id="token-label" label={t('tokens.labelOptional')} hint={t('tokens.labelHint')} problem={problems.shown('label')}>
          {(attrs) => <input {...attrs} value={tokenLabel} maxLength={labelMax} autoComplete="off" onInput={(e) => (action.clear(), setTokenLabel((e.target as HTMLInputElement).value))} />}
        </Field>
        <div class="form-actions">
          <ProblemSummary count={problems.count} />
          <ApiProblem error={action.error} title={t('tokens.notIssued')} fields={{ role: t('people.role'), partner: t('people.partner'), label: t('tokens.label'), person: t('tokens.forPerson') }} />
          <button class="btn primary" type="submit" disabled={action.busy} data-action="issue-token">
            {action.busy ? t('tokens.issuing') : t('tokens.issueButton')}
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
  const role = token.partner != null ? t('people.roleOf', { role: label(token.role).toLowerCase(), partner: app.partnerName(token.partner) }) : label(token.role).toLowerCase();
  const who = token.person != null ? `${props.personName ?? t('tokens.personNumber', { id: token.person })}, ${role}` : role;
  return (
    <div class="card created-note" data-testid="issued-token">
      <h2 tabIndex={-1} id="issued-title">
        {token.person != null ? t('tokens.issuedForPerson', { who }) : t('tokens.issuedFor', { who })}
      </h2>
      <p>
        {rich(t('tokens.copyNow'), { b: (s) => <strong>{s}</strong> })}
      </p>
      <SecretField id="issued-secret" label={token.label ? t('tokens.secretOfLabelled', { id: token.id, label: token.label }) : t('tokens.secretOf', { id: token.id })} secret={token.secret} />
      <button class="btn" type="button" onClick={props.onDone}>
        {t('tokens.hideSecret')}
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
      <PageHeader title={t('tokens.title')} subtitle={t('tokens.subtitle')} />
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      {issued && (
        <IssuedNote
          token={issued}
          personName={issued.person != null ? personName.get(issued.person) : undefined}
          onDone={() => {
            setIssued(undefined);
            setNotice(t('tokens.hidden', { id: issued.id }));
          }}
        />
      )}
      <ErrorBox error={data.error} title={t('tokens.loadFailed')} onRetry={data.reload} />
      <ApiProblem error={revoke.error} title={t('tokens.notRevoked')} />
      {data.loading && !data.data && <Loading what={t('tokens.loading')} />}
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
          <Card title={t('tokens.tokens')} extra={<span class="muted small">{t('tokens.inUseCount', { count: sorted.filter((x) => !x.revoked).length })}</span>}>
            {sorted.length === 0 ? (
              <Empty title={t('tokens.none')} />
            ) : (
              <Table class="tokens stack-on-phone" columns={[t('tokens.id'), t('people.role'), t('people.partner'), t('tokens.person'), t('tokens.label'), t('tokens.issued'), t('tokens.state'), { title: <span class="sr-only">{t('partners.col.actions')}</span> }]}>
                {sorted.map((tok) => (
                  <tr data-token={tok.id} class={tok.revoked ? 'left' : ''}>
                    <td class="id" data-label={t('tokens.id')}>{tok.id}</td>
                    <td data-label={t('people.role')}>{label(tok.role)}</td>
                    <td data-label={t('people.partner')}>{tok.partner != null ? <PartnerChip id={tok.partner} /> : <span class="muted">–</span>}</td>
                    <td data-label={t('tokens.person')}>{tok.person != null ? personName.get(tok.person) ?? <span class="muted">{t('tokens.removed')}</span> : <span class="muted">–</span>}</td>
                    <td data-label={t('tokens.label')}>{tok.label || <span class="muted">–</span>}</td>
                    <td data-label={t('tokens.issued')} class="nowrap">{when(tok.issued_at)}</td>
                    <td data-label={t('tokens.state')} class="nowrap">{tok.revoked ? <Badge value="revoked" kind="withdrawn" /> : <span class="yes">{t('tokens.inUse')}</span>}</td>
                    <td class="right">
                      {!tok.revoked && (
                        <button
                          class="btn danger small"
                          data-action="revoke"
                          aria-label={t('tokens.revokeLabel', { id: tok.id }) + (tok.label ? ` (${tok.label})` : '')}
                          disabled={revoke.busy}
                          onClick={async () => {
                            const role = tok.partner != null ? t('people.roleOf', { role: label(tok.role).toLowerCase(), partner: app.partnerName(tok.partner) }) : label(tok.role).toLowerCase();
                            if (!confirm(t('tokens.revokeConfirm', { id: tok.id, role }))) return;
                            const done = await revoke.run(() => del(`/tokens/${tok.id}`));
                            if (done !== undefined) {
                              setNotice(t('tokens.revoked', { id: tok.id }));
                              data.reload();
                            }
                          }}
                        >
                          {t('tokens.revoke')}
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
