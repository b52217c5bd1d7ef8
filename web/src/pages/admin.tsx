// What an administrator of the deployment sees: the networks of the database, and a form that creates one
// with its first coordinator token (shown once). An administrator reads no network's data.

import { LanguageSwitch } from '../components/language-switch';
import { rich } from '../components/rich';
import { t } from '../lib/i18n';
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
      <h2>{t('admin.created', { name: created.name })}</h2>
      <p>{rich(t('admin.createdText'), { b: (x) => <strong>{x}</strong> })}</p>
      <label for="created-secret">{t('admin.tokenOf', { id: created.id })}</label>
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
        aria-label={t('admin.exportLabel', { name: n.name })}
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
        {action.busy ? t('admin.exporting') : t('admin.export')}
      </button>
      <ErrorBox error={action.error} title={t('admin.exportFailed')} />
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
    if (!name.trim()) return setLocalError(new ApiError(0, 'invalid_input', t('charter.giveName'), 'name'));
    const problem = amountProblem(capacity.trim(), 'positive');
    if (problem) return setLocalError(new ApiError(0, 'invalid_input', t('admin.capacityProblem', { problem }), 'capacity'));
    const created = await action.run(() => post<CreatedNetwork>('/networks', { name: name.trim(), capacity: capacity.trim(), rule }));
    if (created) {
      setName('');
      props.onCreated(created);
    }
  }

  return (
    <Card title={t('admin.create')}>
      <form class="form" onSubmit={submit} id="create-network-form" noValidate>
        <label for="network-name">{t('partners.name')}</label>
        <input id="network-name" value={name} maxLength={maxChars.name} aria-invalid={invalid('name')} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        <label for="network-capacity">{t('charter.field.capacity')}</label>
        <input id="network-capacity" inputMode="decimal" value={capacity} aria-invalid={invalid('capacity')} aria-describedby="capacity-hint" onInput={(e) => setCapacity((e.target as HTMLInputElement).value)} />
        <p class="hint" id="capacity-hint">
          {t('admin.capacityHint')}
        </p>
        <label for="network-rule">{t('charter.field.rule')}</label>
        <select id="network-rule" value={rule} aria-invalid={invalid('rule')} onChange={(e) => setRule((e.target as HTMLSelectElement).value)}>
          {selectionRules.map((r) => (
            <option value={r}>{label(r)}</option>
          ))}
        </select>
        <div class="form-actions">
          <ErrorBox error={error} title={t('admin.notCreated')} />
          <button class="btn primary" type="submit" disabled={action.busy}>
            {action.busy ? t('admin.creating') : t('admin.createButton')}
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
        title={t('admin.title')}
        subtitle={t('admin.subtitle', { name: props.name ? ` — ${props.name}` : '' })}
        actions={
          <>
            <LanguageSwitch id="language" class="on-light" />
            <button class="btn" onClick={props.signOut}>
              {t('layout.signOut')}
            </button>
          </>
        }
      />
      {created && <CreatedNote created={created} />}
      <div class="grid-side">
        <Card title={t('admin.networks')}>
          {networks.loading && !networks.data ? (
            <Loading what={t('admin.loading')} />
          ) : networks.error ? (
            <ErrorBox error={networks.error} title={t('admin.listFailed')} onRetry={networks.reload} />
          ) : !networks.data?.length ? (
            <Empty title={t('admin.none')}>{t('admin.createFirst')}</Empty>
          ) : (
            <Table class="stack-on-phone" columns={[t('tokens.id'), t('partners.name'), { title: t('admin.archive'), class: 'right' }]}>
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
