// People and access: who acts for which partner (or for the network), in which time zone and language. A
// coordinator sees and manages everyone; a representative manages its own partner's people; e-mail addresses
// show only as the API returns them (coordinators, and the person's own partner).

import { t } from '../lib/i18n';
import { useState } from 'preact/hooks';
import { ApiProblem, Field, ProblemSummary, useProblems } from '../components/form';
import { Card, Empty, ErrorBox, Loading, PageHeader, PartnerChip, Table } from '../components/ui';
import { del, get, post } from '../lib/api';
import { isCoordinator, isRepresentative, list, useApp } from '../lib/context';
import { useAction, useAsync } from '../lib/hooks';
import { maxChars } from '../lib/limits';
import { label } from '../lib/names';
import { schemaFields } from '../lib/openapi';
import type { Person, Session } from '../lib/types';

/** The languages covalue writes in, by their names in that language. */
const languageNames: Record<string, string> = { en: 'English', de: 'Deutsch', pl: 'Polski' };
const languageName = (code: string) => languageNames[code] ?? code;

/** The IANA time zones the browser knows (a hint list; the server checks its own zone database). */
const zones: string[] = (() => {
  try {
    return ['UTC', ...(Intl as any).supportedValuesOf('timeZone').filter((z: string) => z !== 'UTC')];
  } catch {
    return ['UTC'];
  }
})();
const browserZone = (() => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
})();

/** The shape of an IANA time zone name: UTC, Europe/Warsaw, America/Argentina/Buenos_Aires, Etc/GMT+2. */
const zoneShape = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** A plain check of an e-mail address's shape; the server checks it fully and says what is wrong. */
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

/** Whether `session` may remove (or add) `person`: coordinators anyone, a representative its own partner's
 * representatives and observers (the API's rule, program_people.cpp). */
export function manages(session: Session, person: { partner?: number | null; role: string }): boolean {
  if (isCoordinator(session)) return true;
  return isRepresentative(session) && person.partner === session.partner && person.role !== 'coordinator';
}

function personProblems(v: { name: string; email: string; role: string; partner: string; zone: string }, taken: boolean) {
  return {
    name: !v.name.trim() ? t('people.giveName') : v.name.length > maxChars.name ? t('partners.atMost', { max: maxChars.name }) : null,
    email: !v.email.trim()
      ? t('people.giveEmail')
      : !emailShape.test(v.email.trim())
        ? t('people.notEmail', { email: v.email.trim() })
        : taken
          ? t('people.emailTaken', { email: v.email.trim() })
          : null,
    partner: v.role === 'representative' && !v.partner ? t('people.choosePartner') : null,
    // Only the shape is checked here: the server knows its own zone database (and the older names) and says
    // when a well-formed name is unknown.
    zone: !v.zone.trim() ? t('people.giveZone') : !zoneShape.test(v.zone.trim()) ? t('people.notZone', { zone: v.zone.trim() }) : null,
  };
}

function AddPersonForm(props: { people: Person[]; roles: string[]; languages: string[]; onAdded: (p: Person) => void }) {
  const app = useApp();
  const coordinator = isCoordinator(app.session);
  const own = app.session.partner;
  const roles = coordinator ? props.roles : props.roles.filter((r) => r !== 'coordinator');
  const members = app.partners.filter((p) => p.left_cycle == null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('representative');
  const [partner, setPartner] = useState(coordinator ? '' : String(own ?? ''));
  const [zone, setZone] = useState(zones.includes(browserZone) ? browserZone : 'UTC');
  const [language, setLanguage] = useState(props.languages.includes(navigator.language.slice(0, 2)) ? navigator.language.slice(0, 2) : 'en');
  const action = useAction();
  const taken = props.people.some((p) => p.email && p.email.toLowerCase() === email.trim().toLowerCase());
  const problems = useProblems(personProblems({ name, email, role, partner, zone }, taken));
  const partnerChoice = role !== 'coordinator' && coordinator;
  async function submit(event: Event) {
    event.preventDefault();
    if (!problems.check((f) => 'person-' + f)) return;
    const body: Record<string, unknown> = { name: name.trim(), email: email.trim(), role, time_zone: zone.trim(), language };
    if (role !== 'coordinator' && partner) body.partner = Number(partner);
    const added = await action.run(() => post<Person>('/people', body));
    if (added) {
      setName('');
      setEmail('');
      problems.reset();
      props.onAdded(added);
    }
  }
  const change = (set: (v: string) => void) => (e: Event) => {
    action.clear();
    set((e.target as HTMLInputElement).value);
  };
  return (
    <Card title={t('people.add')} id="add-person" class="form-card">
      <form class="form" id="add-person-form" onSubmit={submit} noValidate>
        <Field id="person-name" label={t('people.name')} problem={problems.shown('name')}>
          {(attrs) => <input {...attrs} value={name} maxLength={maxChars.name} autoComplete="off" onInput={change(setName)} />}
        </Field>
        <Field id="person-email" label={t('people.email')} hint={t('people.emailHint')} problem={problems.shown('email')}>
          {(attrs) => <input {...attrs} type="email" value={email} autoComplete="off" onInput={change(setEmail)} />}
        </Field>
        <Field id="person-role" label={t('people.role')} hint={role === 'observer' ? t('people.observerHint') : role === 'coordinator' ? t('people.coordinatorHint') : t('people.representativeHint')}>
          {(attrs) => (
            <select {...attrs} value={role} onChange={change(setRole)}>
              {roles.map((r) => (
                <option value={r}>{label(r)}</option>
              ))}
            </select>
          )}
        </Field>
        {partnerChoice && (
          <Field id="person-partner" label={t('people.partner')} hint={role === 'observer' ? t('people.observerPartnerHint') : undefined} problem={problems.shown('partner')}>
            {(attrs) => (
              <select {...attrs} value={partner} onChange={change(setPartner)}>
                <option value="">{role === 'observer' ? t('people.theNetworkNoPartner') : t('ballot.choosePartner')}</option>
                {members.map((p) => (
                  <option value={String(p.id)}>{p.name}</option>
                ))}
              </select>
            )}
          </Field>
        )}
        {!coordinator && (
          <p class="muted small">
            {t('people.actsFor')} <PartnerChip id={own} />.
          </p>
        )}
        <Field id="person-zone" label={t('people.zone')} hint={t('people.zoneHint')} problem={problems.shown('zone')}>
          {(attrs) => <input {...attrs} list="person-zones" value={zone} autoComplete="off" onInput={change(setZone)} />}
        </Field>
        <datalist id="person-zones">
          {zones.map((z) => (
            <option value={z} />
          ))}
        </datalist>
        <Field id="person-language" label={t('people.language')} hint={t('people.languageHint')}>
          {(attrs) => (
            <select {...attrs} value={language} onChange={change(setLanguage)}>
              {props.languages.map((l) => (
                <option value={l}>{languageName(l)}</option>
              ))}
            </select>
          )}
        </Field>
        <div class="form-actions">
          <ProblemSummary count={problems.count} />
          <ApiProblem error={action.error} title={t('people.notAdded')} fields={{ name: t('people.name'), email: t('people.email'), role: t('people.role'), partner: t('people.partner'), time_zone: t('people.zone'), language: t('people.language') }} />
          <button class="btn primary" type="submit" disabled={action.busy} data-action="add-person">
            {action.busy ? t('partners.adding') : t('people.addButton')}
          </button>
        </div>
      </form>
    </Card>
  );
}

/** Who a person acts for, in words: "representative of UrbanMart", "coordinator". */
function actsFor(person: Person, partnerName: (id: number | null | undefined) => string): string {
  return person.partner != null ? t('people.roleOf', { role: label(person.role).toLowerCase(), partner: partnerName(person.partner) }) : label(person.role).toLowerCase();
}

export function PeoplePage() {
  const app = useApp();
  const coordinator = isCoordinator(app.session);
  const canAdd = coordinator || isRepresentative(app.session);
  const data = useAsync(() => Promise.all([get<unknown>('/people').then((r) => list<Person>(r, 'people')), schemaFields('NewPerson').catch(() => ({}) as Record<string, any>)]), []);
  const [notice, setNotice] = useState<preact.JSX.Element | string>('');
  const remove = useAction();
  const [people, fields] = data.data ?? [];
  const roles: string[] = fields?.role?.choices ?? ['representative', 'coordinator', 'observer'];
  const languages: string[] = fields?.language?.choices ?? ['en', 'de', 'pl'];
  const sorted = [...(people ?? [])].sort((a, b) => (a.partner ?? 0) - (b.partner ?? 0) || a.name.localeCompare(b.name));
  return (
    <>
      <PageHeader
        title={t('people.title')}
        subtitle={coordinator ? t('people.subtitleCoordinator') : isRepresentative(app.session) ? t('people.subtitleRepresentative', { partner: app.partnerName(app.session.partner) }) : t('people.subtitle')}
        actions={canAdd && <a class="btn" href="#add-person">{t('people.add')}</a>}
      />
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      <ErrorBox error={data.error} title={t('people.loadFailed')} onRetry={data.reload} />
      <ApiProblem error={remove.error} title={t('people.notRemoved')} />
      {data.loading && !data.data && <Loading what={t('people.loading')} />}
      {people && (
        <Card title={t('people.title')} extra={<span class="muted small">{t('people.inAll', { count: people.length })}</span>}>
          {sorted.length === 0 ? (
            <Empty title={t('people.none')}>{canAdd ? t('people.addFirst') : t('people.coordinatorAdds')}</Empty>
          ) : (
            <Table class="people stack-on-phone" columns={[t('people.name'), t('people.role'), t('people.partner'), t('people.zone'), t('people.language'), t('people.emailShort'), { title: <span class="sr-only">{t('partners.col.actions')}</span> }]}>
              {sorted.map((p) => (
                <tr data-person={p.id}>
                  <td class="strong">{p.name}</td>
                  <td data-label={t('people.role')}>{label(p.role)}</td>
                  <td data-label={t('people.partner')}>{p.partner != null ? <PartnerChip id={p.partner} /> : <span class="muted">{t('people.theNetwork')}</span>}</td>
                  <td data-label={t('people.zone')}>{p.time_zone}</td>
                  <td data-label={t('people.language')}>{languageName(p.language)}</td>
                  <td data-label={t('people.emailShort')} class="email">{p.email ?? <span class="muted">{t('people.notShown')}</span>}</td>
                  <td class="right nowrap">
                    {coordinator && (
                      <a class="btn small" href={`/tokens?person=${p.id}`} data-action="give-access" aria-label={t('people.issueFor', { name: p.name })}>
                        {t('people.token')}
                      </a>
                    )}{' '}
                    {manages(app.session, p) && (
                      <button
                        class="btn danger small"
                        data-action="remove-person"
                        aria-label={t('people.removeLabel', { name: p.name })}
                        disabled={remove.busy}
                        onClick={async () => {
                          if (!confirm(t('people.removeConfirm', { name: p.name, actsFor: actsFor(p, app.partnerName) }))) return;
                          const done = await remove.run(() => del(`/people/${p.id}`));
                          if (done !== undefined) {
                            setNotice(t('people.removed', { name: p.name }));
                            data.reload();
                          }
                        }}
                      >
                        {t('lead.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      )}
      {people && canAdd && (
        <AddPersonForm
          people={people}
          roles={roles}
          languages={languages}
          onAdded={(p) => {
            setNotice(
              <>
                {t('people.added', { name: p.name, actsFor: actsFor(p, app.partnerName) })}{' '}
                {coordinator && (
                  <a href={`/tokens?person=${p.id}`} data-action="give-person-access">
                    {t('people.issueThem')}
                  </a>
                )}
              </>,
            );
            data.reload();
          }}
        />
      )}
    </>
  );
}
