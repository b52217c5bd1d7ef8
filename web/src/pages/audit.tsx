// The audit log (coordinators): every change, who made it and when, a page at a time; a filter over the
// page shown; and "verify chain", which has the server re-check every entry's hash against the one before.

import { useState } from 'preact/hooks';
import { ApiProblem } from '../components/form';
import { Card, Empty, ErrorBox, Loading, PageHeader, Table } from '../components/ui';
import { get } from '../lib/api';
import { list } from '../lib/context';
import { useAction, useAsync } from '../lib/hooks';
import { fmtDateTime } from '../lib/dates';
import { t } from '../lib/i18n';
import { label } from '../lib/names';
import type { AuditEntry, AuditVerification } from '../lib/types';

const pageSize = 50;

/** When, in the reader's own time zone and the language's locale. */
const when = (text: string): string => fmtDateTime(text, true);

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
    <Card title={t('audit.intactTitle')} id="verify">
      <p class="muted">{t('audit.intactText')}</p>
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
          {action.busy ? t('audit.checking') : t('audit.verify')}
        </button>
      </div>
      <div role="status" data-testid="verify-result">
        {result &&
          (result.intact ? (
            <p class="notice-ok">✓ {t('audit.intact', { count: result.entries })}</p>
          ) : (
            <div class="error-box">
              <div class="error-title">{result.first_broken != null ? t('audit.brokenAt', { entry: result.first_broken }) : t('audit.broken')}</div>
              <div class="error-message">{result.problem || t('audit.noMatch')} {t('audit.untrusted')}</div>
            </div>
          ))}
      </div>
      <ApiProblem error={action.error} title={t('audit.checkFailed')} />
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
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <div class="grid-side wide-main">
        <Card
          title={entries.length ? t('audit.entriesRange', { first, last }) : t('audit.entries')}
          extra={
            <div class="button-row">
              <button class="btn small" data-action="older" disabled={after === 0 || data.loading} onClick={() => setAfter(Math.max(0, after - pageSize))}>
                {t('audit.earlier')}
              </button>
              <button class="btn small" data-action="newer" disabled={entries.length < pageSize || data.loading} onClick={() => setAfter(last ?? after)}>
                {t('audit.later')}
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
                {t('audit.latest')}
              </button>
            </div>
          }
        >
          <div class="filters inline-form" role="search" aria-label={t('audit.filter')}>
            <label for="audit-action">{t('audit.change')}</label>
            <select id="audit-action" value={action} onChange={(e) => setAction((e.target as HTMLSelectElement).value)}>
              <option value="">{t('audit.everyKind')}</option>
              {actions.map((a) => (
                <option value={a}>{label(a)}</option>
              ))}
            </select>
            <label for="audit-actor">{t('audit.by')}</label>
            <input id="audit-actor" value={actor} placeholder={t('audit.byPlaceholder')} onInput={(e) => setActor((e.target as HTMLInputElement).value)} />
          </div>
          <p class="hint" id="filter-note">
            {t('audit.filterNote', { count: entries.length })}
            {filtered && ` ${t('audit.match', { count: shown.length })}`}
          </p>
          <ErrorBox error={data.error} title={t('audit.loadFailed')} onRetry={data.reload} />
          {data.loading && !data.data && <Loading what={t('audit.loading')} />}
          {data.data && entries.length === 0 && <Empty title={after ? t('audit.noLater') : t('audit.empty')} />}
          {shown.length > 0 && (
            <Table class="compact audit stack-on-phone" columns={['#', t('audit.when'), t('audit.by'), t('audit.change'), t('audit.detail')]}>
              {shown.map((e) => (
                <tr data-sequence={e.sequence} data-action-name={e.action}>
                  <td class="id" data-label="#">
                    {e.sequence}
                  </td>
                  <td data-label={t('audit.when')} class="nowrap">
                    {when(e.time)}
                  </td>
                  <td data-label={t('audit.by')}>{e.actor}</td>
                  <td data-label={t('audit.change')} class="strong">
                    {label(e.action)}
                  </td>
                  <td data-label={t('audit.detail')} class="detail">
                    {detailText(e.detail)}
                  </td>
                </tr>
              ))}
            </Table>
          )}
          {entries.length > 0 && shown.length === 0 && <Empty title={t('audit.noMatchFilter')} />}
        </Card>
        <VerifyChain />
      </div>
    </>
  );
}
