// E-mail preferences: for each kind of event, in plain words, when the signed-in person gets an e-mail about it:
// at once, in a daily or weekly digest, or never (GET and PUT /preferences). The inbox always keeps everything.
// A token issued to no person has no preferences: the page says who has them.

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

/** Each kind of event in plain words: its name and what it tells. */
const kindWords: Record<string, [string, string]> = {
  cycle_opened: ['A cycle opens for proposals', 'Partners may propose improvements for the new cycle.'],
  voting_opened: ['Voting opens', 'The ballot of a cycle is ready: your partner is asked to vote.'],
  voting_closes_soon: ['Voting closes soon', 'A reminder before the vote closes, only while your partner has not voted.'],
  cycle_closed: ['A cycle closed', 'The result: what your partner gains or gives up, its transfer and its leads.'],
  lead_named: ['Your partner leads an initiative', 'An initiative your partner leads was selected.'],
  proposal_withdrawn: ['A proposal was withdrawn', 'A proposal left the ballot, with the reason.'],
  actuals_due: ['Actuals are due', 'The value an initiative really delivered is to be recorded.'],
  dry_spell_limit: ['A partner is protected next cycle', 'A partner went without gains for as long as the charter allows.'],
  retention_risk: ['A partner may drift away', 'A partner’s engagement crossed the warning threshold (for coordinators).'],
  deadline_due: ['A deadline has passed', 'A cycle’s deadline passed and the coordinator is to move it on.'],
  election_opened: ['A coordinator election opens', 'A coordinator’s term ended: the partners elect the next coordinating partner among those willing.'],
  coordinator_elected: ['A coordinator was elected', 'The result of a coordinator election: which partner coordinates next, and the votes.'],
};

const cadenceWords: Record<string, string> = {
  immediately: 'Immediately',
  daily: 'Daily digest',
  weekly: 'Weekly digest (Mondays)',
  never: 'Never (inbox only)',
};

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
        <PageHeader title="E-mail preferences" />
        <Card>
          <Empty title="No preferences for this access token">
            Preferences belong to people who sign in with their e-mail address and password: each chooses which e-mails covalue sends them. This access token stands for no one person.
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
      setNotice('Nothing to save: every choice is as it was.');
      return;
    }
    const body = { preferences: changed.map((p) => ({ kind: p.kind, cadence: choices[p.kind] })) };
    const saved = await save.run(() => put<Preferences>('/preferences', body));
    if (saved) {
      setNotice(changed.length === 1 ? 'Your choice is saved.' : `Your ${changed.length} choices are saved.`);
      loaded.reload();
    }
  }
  return (
    <>
      <PageHeader
        title="E-mail preferences"
        subtitle={
          <>
            When covalue e-mails you about each kind of event. Your <a href="/inbox">inbox</a> keeps every notification whatever you choose here.
          </>
        }
      />
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      <ErrorBox error={loaded.error} title="Your preferences could not be loaded" onRetry={loaded.reload} />
      <ApiProblem error={save.error} title="Your preferences were not saved" />
      {loaded.loading && !current && <Loading what="your preferences" />}
      {current && (
        <Card title="E-mail per kind of event" class="preferences">
          <p class="small">
            Digests gather the events of a day (or a week, on Mondays) into one e-mail, sent in the morning of your own time zone. Every e-mail also has a link to stop that kind of e-mail in one
            click.
          </p>
          <form id="preferences-form" onSubmit={submit}>
            <table class="table preferences-table">
              <caption class="sr-only">E-mail per kind of event</caption>
              <thead>
                <tr>
                  <th scope="col">What happens</th>
                  <th scope="col">E-mail</th>
                </tr>
              </thead>
              <tbody>
                {current.preferences.map((p) => {
                  const [title, meaning] = kindWords[p.kind] ?? [p.kind, ''];
                  const id = `preference-${p.kind}`;
                  return (
                    <tr data-kind={p.kind}>
                      <th scope="row">
                        <label for={id}>{title}</label>
                        <div class="small muted" id={`${id}-hint`}>
                          {meaning}
                          {!p.chosen && ' (default)'}
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
                            <option value={c}>{cadenceWords[c] ?? c}</option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <button class="btn primary" type="submit" data-action="save-preferences" disabled={save.busy}>
              {save.busy ? 'Saving…' : 'Save preferences'}
            </button>
          </form>
        </Card>
      )}
    </>
  );
}
