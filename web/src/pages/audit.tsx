// The audit log (coordinators): every change, who made it and when, a page at a time; a filter over the
// page shown; and "verify chain", which has the server re-check every entry's hash against the one before.

import { useState } from 'preact/hooks';
import { ApiProblem } from '../components/form';
import { Card, Empty, ErrorBox, Loading, PageHeader, Table } from '../components/ui';
import { get } from '../lib/api';
import { list } from '../lib/context';
import { useAction, useAsync } from '../lib/hooks';
import { label } from '../lib/names';
import type { AuditEntry, AuditVerification } from '../lib/types';

const pageSize = 50;

/** When, in the reader's own time zone. */
function when(text: string): string {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** The detail (JSON text) as "key: value" pairs for reading; the raw text when it is not an object. */
function detailText(detail: string): string {
  try {
    const parsed = JSON.parse(detail);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.entries(parsed)
        .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join(' · ');
    }
  } catch {
    // plain text
  }
  return detail;
}

function VerifyChain() {
  const action = useAction();
  const [result, setResult] = useState<AuditVerification | undefined>();
  return (
    <Card title="Is the log intact?" id="verify">
      <p class="muted">
        Each entry carries a hash of itself and of the entry before it, so changing or removing an old entry breaks the chain. The server re-checks the whole
        chain when you ask.
      </p>
      <div class="button-row">
        <button
          class="btn primary"
          data-action="verify-chain"
          disabled={action.busy}
          onClick={async () => {
            setResult(undefined);
            const r = await action.run(() => get<AuditVerification>('/audit/verify'));
            if (r) setResult(r);
          }}
        >
          {action.busy ? 'Checking…' : 'Verify the chain'}
        </button>
      </div>
      <div role="status" data-testid="verify-result">
        {result &&
          (result.intact ? (
            <p class="notice-ok">✓ Intact: all {result.entries} entries check out, each linked to the one before.</p>
          ) : (
            <div class="error-box">
              <div class="error-title">The chain is broken{result.first_broken != null ? ` at entry ${result.first_broken}` : ''}</div>
              <div class="error-message">{result.problem || 'An entry does not match its hash.'} Entries from there on cannot be trusted; tell the operator of the database.</div>
            </div>
          ))}
      </div>
      <ApiProblem error={action.error} title="The chain could not be checked" />
    </Card>
  );
}

export function AuditPage() {
  const [after, setAfter] = useState(0);
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const data = useAsync(() => get<unknown>(`/audit?after=${after}&limit=${pageSize}`).then((r) => list<AuditEntry>(r, 'entries')), [after]);
  const entries = data.data ?? [];
  const actions = [...new Set(entries.map((e) => e.action))].sort();
  const needle = actor.trim().toLowerCase();
  const shown = entries.filter((e) => (!action || e.action === action) && (!needle || e.actor.toLowerCase().includes(needle)));
  const first = entries[0]?.sequence;
  const last = entries[entries.length - 1]?.sequence;
  const filtered = action !== '' || needle !== '';
  return (
    <>
      <PageHeader title="Audit log" subtitle="Every change to the network, who made it and when, in order. Entries are never changed or removed." />
      <div class="grid-side wide-main">
        <Card
          title={entries.length ? `Entries ${first} to ${last}` : 'Entries'}
          extra={
            <div class="button-row">
              <button class="btn small" data-action="older" disabled={after === 0 || data.loading} onClick={() => setAfter(Math.max(0, after - pageSize))}>
                ← Earlier
              </button>
              <button class="btn small" data-action="newer" disabled={entries.length < pageSize || data.loading} onClick={() => setAfter(last ?? after)}>
                Later →
              </button>
              <button
                class="btn small"
                data-action="latest"
                disabled={entries.length < pageSize || data.loading}
                onClick={async () => {
                  // Sequences run 1, 2, 3… per network: the count says where the last page starts.
                  const count = await get<AuditVerification>('/audit/verify').then((v) => v.entries, () => undefined);
                  if (count !== undefined) setAfter(Math.max(0, count - pageSize));
                }}
              >
                Latest ⇥
              </button>
            </div>
          }
        >
          <div class="filters inline-form" role="search" aria-label="Filter the entries on this page">
            <label for="audit-action">Change</label>
            <select id="audit-action" value={action} onChange={(e) => setAction((e.target as HTMLSelectElement).value)}>
              <option value="">every kind</option>
              {actions.map((a) => (
                <option value={a}>{label(a)}</option>
              ))}
            </select>
            <label for="audit-actor">By</label>
            <input id="audit-actor" value={actor} placeholder="a name or token" onInput={(e) => setActor((e.target as HTMLInputElement).value)} />
          </div>
          <p class="hint" id="filter-note">
            The filters apply to the {entries.length} entries of this page (the server pages the log by position only): page on to search further.
            {filtered && ` ${shown.length} of them match.`}
          </p>
          <ErrorBox error={data.error} title="The audit log could not be loaded" onRetry={data.reload} />
          {data.loading && !data.data && <Loading what="the audit log" />}
          {data.data && entries.length === 0 && <Empty title={after ? 'No later entry' : 'The log is empty'} />}
          {shown.length > 0 && (
            <Table class="compact audit stack-on-phone" columns={['#', 'When', 'By', 'Change', 'Detail']}>
              {shown.map((e) => (
                <tr data-sequence={e.sequence} data-action-name={e.action}>
                  <td class="id" data-label="#">
                    {e.sequence}
                  </td>
                  <td data-label="When" class="nowrap">
                    {when(e.time)}
                  </td>
                  <td data-label="By">{e.actor}</td>
                  <td data-label="Change" class="strong">
                    {label(e.action)}
                  </td>
                  <td data-label="Detail" class="detail">
                    {detailText(e.detail)}
                  </td>
                </tr>
              ))}
            </Table>
          )}
          {entries.length > 0 && shown.length === 0 && <Empty title="No entry on this page matches the filters" />}
        </Card>
        <VerifyChain />
      </div>
    </>
  );
}
