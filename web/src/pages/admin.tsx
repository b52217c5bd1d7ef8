// What an administrator of the deployment sees: the networks of the database, and a form that creates one
// with its first coordinator token (shown once). An administrator reads no network's data.

import { useState } from 'preact/hooks';
import { Card, Empty, ErrorBox, Loading, PageHeader, Table } from '../components/ui';
import { ApiError, get, getBlob, post } from '../lib/api';
import { useAction, useAsync } from '../lib/hooks';
import { amountProblem, maxChars } from '../lib/limits';
import { label, selectionRules } from '../lib/names';
import type { CreatedNetwork, NetworkSummary } from '../lib/types';

/** The first coordinator's secret, shown once, with what to do with it. */
function CreatedNote(props: { created: CreatedNetwork }) {
  const { created } = props;
  return (
    <div class="card created-note" role="status" data-testid="created-network">
      <h2>Network “{created.name}” created</h2>
      <p>
        This is the access token of its first coordinator. <strong>Copy it now and give it to that person</strong>: it is
        shown only this once and cannot be looked up again. With it they sign in, add the partners and issue the other
        tokens.
      </p>
      <label for="created-secret">Coordinator token of network {created.id}</label>
      <input id="created-secret" readOnly value={created.coordinator.secret} spellcheck={false} onFocus={(e) => (e.target as HTMLInputElement).select()} />
    </div>
  );
}

/** Downloads network `n` as one JSON archive (GET /api/networks/{n}/export, as `covalue network export` writes it). */
function ExportButton(props: { network: NetworkSummary }) {
  const action = useAction();
  const n = props.network;
  return (
    <>
      <button
        class="btn small"
        data-action="export"
        aria-label={`Export ${n.name} as a JSON archive`}
        disabled={action.busy}
        onClick={async () => {
          const archive = await action.run(() => getBlob(`/networks/${n.id}/export`));
          if (!archive) return;
          const url = URL.createObjectURL(archive);
          const link = document.createElement('a');
          link.href = url;
          link.download = `covalue-network-${n.id}-${n.name.replace(/[^A-Za-z0-9._-]+/g, '-').toLowerCase()}.json`;
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        }}
      >
        {action.busy ? 'Exporting…' : 'Export'}
      </button>
      <ErrorBox error={action.error} title="The export failed" />
    </>
  );
}

function CreateNetworkForm(props: { onCreated: (created: CreatedNetwork) => void }) {
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('100');
  const [rule, setRule] = useState<string>('mes');
  const [localError, setLocalError] = useState<ApiError | undefined>();
  const action = useAction();
  const error = localError ?? action.error;
  const invalid = (field: string) => (error?.field ?? '').replace(/^body\./, '') === field;

  async function submit(event: Event) {
    event.preventDefault();
    setLocalError(undefined);
    if (!name.trim()) return setLocalError(new ApiError(0, 'invalid_input', 'Give the network a name.', 'name'));
    const problem = amountProblem(capacity.trim(), 'positive');
    if (problem) return setLocalError(new ApiError(0, 'invalid_input', `Capacity: ${problem}`, 'capacity'));
    const created = await action.run(() => post<CreatedNetwork>('/networks', { name: name.trim(), capacity: capacity.trim(), rule }));
    if (created) {
      setName('');
      props.onCreated(created);
    }
  }

  return (
    <Card title="Create a network">
      <form class="form" onSubmit={submit} id="create-network-form" noValidate>
        <label for="network-name">Name</label>
        <input id="network-name" value={name} maxLength={maxChars.name} aria-invalid={invalid('name')} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        <label for="network-capacity">Capacity per cycle</label>
        <input id="network-capacity" inputMode="decimal" value={capacity} aria-invalid={invalid('capacity')} aria-describedby="capacity-hint" onInput={(e) => setCapacity((e.target as HTMLInputElement).value)} />
        <p class="hint" id="capacity-hint">
          What the network can spend on initiatives in one cycle, as a number (“100”, “12.5” or “7/2”).
        </p>
        <label for="network-rule">Selection rule</label>
        <select id="network-rule" value={rule} aria-invalid={invalid('rule')} onChange={(e) => setRule((e.target as HTMLSelectElement).value)}>
          {selectionRules.map((r) => (
            <option value={r}>{label(r)}</option>
          ))}
        </select>
        <div class="form-actions">
          <ErrorBox error={error} title="The network was not created" />
          <button class="btn primary" type="submit" disabled={action.busy}>
            {action.busy ? 'Creating…' : 'Create the network'}
          </button>
        </div>
      </form>
    </Card>
  );
}

export function AdminPage(props: { name?: string; signOut: () => void }) {
  const networks = useAsync(() => get<NetworkSummary[]>('/networks'), []);
  const [created, setCreated] = useState<CreatedNetwork | undefined>();
  return (
    <main class="admin-page content">
      <PageHeader
        title="Networks of this deployment"
        subtitle={`Signed in as an administrator${props.name ? ` — ${props.name}` : ''}. Administrators create networks; each network's own people run it.`}
        actions={
          <button class="btn" onClick={props.signOut}>
            Sign out
          </button>
        }
      />
      {created && <CreatedNote created={created} />}
      <div class="grid-side">
        <Card title="Networks">
          {networks.loading && !networks.data ? (
            <Loading what="the networks" />
          ) : networks.error ? (
            <ErrorBox error={networks.error} title="Could not list the networks" onRetry={networks.reload} />
          ) : !networks.data?.length ? (
            <Empty title="No network yet">Create the first one with the form.</Empty>
          ) : (
            <Table class="stack-on-phone" columns={['Id', 'Name', { title: 'Archive', class: 'right' }]}>
              {networks.data.map((n) => (
                <tr data-network={n.id}>
                  <td class="id">{n.id}</td>
                  <td>{n.name}</td>
                  <td class="right">
                    <ExportButton network={n} />
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <CreateNetworkForm
          onCreated={(c) => {
            setCreated(c);
            networks.reload();
          }}
        />
      </div>
    </main>
  );
}
