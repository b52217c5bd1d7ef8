// E-mail preferences: for each kind of event, in plain words, when the signed-in person gets an e-mail about it:
// at once, in a daily or weekly digest, or never (GET and PUT /preferences). The inbox always keeps everything.
// A token issued to no person has no preferences: the page says who has them.

import { rich } from '../components/rich';
import { t } from '../lib/i18n';
import { useEffect, useState } from 'preact/hooks';
import { ApiProblem } from '../components/form';
import { Card, Empty, ErrorBox, Loading, PageHeader } from '../components/ui';
import { get, put } from '../lib/api';
import { useApp } from '../lib/context';
import type { Cadence, EventKind } from '../lib/generated/enum_names';
import { cadences } from '../lib/generated/enum_names';
import { useAction, useAsync } from '../lib/hooks';

interface KindPreference {
  kind: EventKind;
  cadence: Cadence;
  chosen: boolean;
  default: Cadence;
}
interface Preferences {
  person: number;
  preferences: KindPreference[];
}

/** The kinds of event with their words in the catalogs (preferences.kind.<kind>.title and .meaning). */
const kinds = new Set(['cycle_opened', 'voting_opened', 'voting_closes_soon', 'cycle_closed', 'lead_named', 'proposal_withdrawn', 'actuals_due', 'dry_spell_limit', 'retention_risk', 'deadline_due', 'election_opened', 'coordinator_elected']);

/** Each kind of event in plain words: its name and what it tells. */
const kindWords = (kind: string): [string, string] => (kinds.has(kind) ? [t(`preferences.kind.${kind}.title`), t(`preferences.kind.${kind}.meaning`)] : [kind, '']);

/** Each cadence in plain words. */
const cadenceWords = (cadence: string): string => (['immediately', 'daily', 'weekly', 'never'].includes(cadence) ? t(`preferences.cadence.${cadence}`) : cadence);

export function PreferencesPage() {
  const app = useApp();
  const hasPerson = app.session.person != null;
  const loaded = useAsync(() => (hasPerson ? get<Preferences>('/preferences') : Promise.resolve(null)), [hasPerson]);
  const [choices, setChoices] = useState<Record<string, Cadence>>({});
  const [notice, setNotice] = useState('');
  const save = useAction();
  useEffect(() => {
    if (!loaded.data) return;
    setChoices(Object.fromEntries(loaded.data.preferences.map((p) => [p.kind, p.cadence])));
  }, [loaded.data]);

  if (!hasPerson) {
    return (
      <>
        <PageHeader title={t('preferences.title')} />
        <Card>
          <Empty title={t('preferences.noPrefs')}>
            {t('preferences.noPrefsText')}
          </Empty>
        </Card>
      </>
    );
  }

  const current = loaded.data;
  const changed = current ? current.preferences.filter((p) => choices[p.kind] && choices[p.kind] !== p.cadence) : [];
  async function submit(event: Event) {
    event.preventDefault();
    setNotice('');
    if (changed.length === 0) {
      setNotice(t('preferences.nothing'));
      return;
    }
    const body = { preferences: changed.map((p) => ({ kind: p.kind, cadence: choices[p.kind] })) };
    const saved = await save.run(() => put<Preferences>('/preferences', body));
    if (saved) {
      setNotice(t('preferences.saved', { count: changed.length }));
      loaded.reload();
    }
  }
  return (
    <>
      <PageHeader
        title={t('preferences.title')}
        subtitle={<>{rich(t('preferences.subtitle'), { a: (s) => <a href="/inbox">{s}</a> })}</>}
      />
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      <ErrorBox error={loaded.error} title={t('preferences.loadFailed')} onRetry={loaded.reload} />
      <ApiProblem error={save.error} title={t('preferences.notSaved')} />
      {loaded.loading && !current && <Loading what={t('preferences.loading')} />}
      {current && (
        <Card title={t('preferences.perKind')} class="preferences">
          <p class="small">{t('preferences.digests')}</p>
          <form id="preferences-form" onSubmit={submit}>
            <table class="table preferences-table">
              <caption class="sr-only">{t('preferences.perKind')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('preferences.whatHappens')}</th>
                  <th scope="col">{t('people.emailShort')}</th>
                </tr>
              </thead>
              <tbody>
                {current.preferences.map((p) => {
                  const [title, meaning] = kindWords(p.kind);
                  const id = `preference-${p.kind}`;
                  return (
                    <tr data-kind={p.kind}>
                      <th scope="row">
                        <label for={id}>{title}</label>
                        <div class="small muted" id={`${id}-hint`}>
                          {meaning}
                          {!p.chosen && ` ${t('preferences.default')}`}
                        </div>
                      </th>
                      <td>
                        <select
                          id={id}
                          aria-describedby={`${id}-hint`}
                          value={choices[p.kind] ?? p.cadence}
                          onChange={(e) => {
                            setNotice('');
                            save.clear();
                            setChoices({ ...choices, [p.kind]: (e.target as HTMLSelectElement).value as Cadence });
                          }}
                        >
                          {cadences.map((c) => (
                            <option value={c}>{cadenceWords(c)}</option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <button class="btn primary" type="submit" data-action="save-preferences" disabled={save.busy}>
              {save.busy ? t('partners.saving') : t('preferences.save')}
            </button>
          </form>
        </Card>
      )}
    </>
  );
}
