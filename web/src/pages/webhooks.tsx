// Webhooks and dead letters, for coordinators: the URLs covalue POSTs events to (added with a URL, an HMAC secret
// that is sent once and never shown back, a format and the kinds of event; removed after a confirm), and the
// deliveries the outbox gave up on (dead letters), each with its reason and a Retry button.

import { t } from '../lib/i18n';
import { useState } from 'preact/hooks';
import { ApiProblem, Field, ProblemSummary, useProblems } from '../components/form';
import { formatWhen, viewerZone } from '../components/deadlines';
import { Card, Empty, ErrorBox, Loading, PageHeader, Table } from '../components/ui';
import type { ApiError } from '../lib/api';
import { del, get, post } from '../lib/api';
import { isCoordinator, list, useApp } from '../lib/context';
import { plainMessage } from '../lib/errors';
import { eventKinds, webhookFormats } from '../lib/generated/enum_names';
import { useAction, useAsync } from '../lib/hooks';
import { label } from '../lib/names';
import type { Delivery, Person, Webhook } from '../lib/types';

/** The kinds a webhook can receive: every event kind but the digest, which is a summary e-mail, never an event. */
const webhookKinds = eventKinds.filter((k) => k !== 'digest');

const formatHints: Record<string, string> = {
  json: 'webhooks.formatJson',
  slack: 'webhooks.formatSlack',
  teams: 'webhooks.formatTeams',
};

/** The server's refusal, under the field it names (url, secret, format, events), in plain words. */
function serverProblem(error: ApiError | undefined, field: string): string | null {
  if (!error) return null;
  const path = (error.field ?? '').replace(/^body\./, '').replace(/\[\d+\]$/, '');
  return path === field ? plainMessage(error) : null;
}

function webhookProblems(url: string, secret: string) {
  const u = url.trim();
  return {
    url: !u ? t('webhooks.giveUrl') : !/^https?:\/\/[^\s/]+/i.test(u) ? t('webhooks.notUrl', { url: u }) : null,
    secret: !secret ? t('webhooks.giveSecret') : null,
  };
}

function AddWebhookForm(props: { onAdded: (w: Webhook) => void }) {
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [format, setFormat] = useState<string>(webhookFormats[0]);
  const [kinds, setKinds] = useState<string[]>([]);
  const action = useAction();
  const problems = useProblems(webhookProblems(url, secret));
  const change = (set: (v: string) => void) => (e: Event) => {
    action.clear();
    set((e.target as HTMLInputElement).value);
  };
  async function submit(event: Event) {
    event.preventDefault();
    if (!problems.check((f) => 'webhook-' + f)) return;
    const added = await action.run(() => post<Webhook>('/webhooks', { url: url.trim(), secret, format, events: kinds }));
    if (added) {
      setUrl('');
      setSecret('');
      setKinds([]);
      problems.reset();
      props.onAdded(added);
    }
  }
  const fieldError = action.error && ['url', 'secret', 'format', 'events'].includes((action.error.field ?? '').replace(/^body\./, '').replace(/\[\d+\]$/, ''));
  return (
    <Card title={t('webhooks.add')} id="add-webhook" class="form-card">
      <form class="form" id="add-webhook-form" onSubmit={submit} noValidate>
        <Field id="webhook-url" label={t('webhooks.url')} hint={t('webhooks.urlHint')} problem={problems.shown('url') ?? serverProblem(action.error, 'url')}>
          {(attrs) => <input {...attrs} type="url" value={url} maxLength={2000} autoComplete="off" onInput={change(setUrl)} />}
        </Field>
        <Field id="webhook-secret" label={t('webhooks.secret')} hint={t('webhooks.secretHint')} problem={problems.shown('secret') ?? serverProblem(action.error, 'secret')}>
          {(attrs) => <input {...attrs} type="password" value={secret} maxLength={1024} autoComplete="new-password" onInput={change(setSecret)} />}
        </Field>
        <Field id="webhook-format" label={t('webhooks.format')} hint={formatHints[format] ? t(formatHints[format]) : undefined} problem={serverProblem(action.error, 'format')}>
          {(attrs) => (
            <select {...attrs} value={format} onChange={change(setFormat)}>
              {webhookFormats.map((f) => (
                <option value={f}>{f === 'json' ? 'JSON' : label(f)}</option>
              ))}
            </select>
          )}
        </Field>
        <fieldset class="field" aria-describedby="webhook-events-hint">
          <legend>{t('webhooks.events')}</legend>
          <div class="webhook-events">
            {webhookKinds.map((k) => (
              <label>
                <input
                  type="checkbox"
                  name="webhook-event"
                  value={k}
                  checked={kinds.includes(k)}
                  onChange={(e) => {
                    action.clear();
                    const on = (e.target as HTMLInputElement).checked;
                    setKinds((ks) => (on ? [...ks, k] : ks.filter((x) => x !== k)));
                  }}
                />
                {label(k)}
              </label>
            ))}
          </div>
          {serverProblem(action.error, 'events') && <p class="field-problem">{serverProblem(action.error, 'events')}</p>}
          <p class="hint" id="webhook-events-hint">
            {t('webhooks.noneChosen')}
          </p>
        </fieldset>
        <div class="form-actions">
          <ProblemSummary count={problems.count} />
          {!fieldError && <ApiProblem error={action.error} title={t('webhooks.notAdded')} />}
          <button class="btn primary" type="submit" disabled={action.busy} data-action="add-webhook">
            {action.busy ? t('partners.adding') : t('webhooks.addButton')}
          </button>
        </div>
      </form>
    </Card>
  );
}

function DeadLetters(props: { webhooks: Webhook[] }) {
  const data = useAsync(
    () => Promise.all([get<unknown>('/deliveries?state=dead').then((r) => list<Delivery>(r, 'deliveries')), get<unknown>('/people').then((r) => list<Person>(r, 'people'), () => [] as Person[])]),
    [],
  );
  const retry = useAction();
  const [notice, setNotice] = useState('');
  const [dead, people] = data.data ?? [];
  const personName = (id: number | null) => people?.find((p) => p.id === id)?.name ?? `person ${id}`;
  const webhookUrl = (id: number | null) => props.webhooks.find((w) => w.id === id)?.url ?? `webhook ${id}`;
  const zone = viewerZone();
  return (
    <Card title={t('webhooks.deadLetters')} id="dead-letters" extra={<span class="muted small">{t('webhooks.deadLettersNote')}</span>}>
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      <ErrorBox error={data.error} title={t('webhooks.deadFailed')} onRetry={data.reload} />
      <ApiProblem error={retry.error} title={t('webhooks.notRetried')} />
      {data.loading && !data.data && <Loading what={t('webhooks.loadingDead')} />}
      {dead &&
        (dead.length === 0 ? (
          <Empty title={t('webhooks.noDead')}>{t('webhooks.noDeadText')}</Empty>
        ) : (
          <Table class="dead-letters stack-on-phone" columns={[t('webhooks.to'), t('webhooks.channel'), t('webhooks.attempts'), t('webhooks.lastTried'), t('webhooks.reason'), { title: <span class="sr-only">{t('partners.col.actions')}</span> }]}>
            {dead.map((d) => (
              <tr data-delivery={d.id}>
                <td class="strong">{d.webhook != null ? webhookUrl(d.webhook) : personName(d.person)}</td>
                <td data-label={t('webhooks.channel')}>{label(d.channel)}</td>
                <td data-label={t('webhooks.attempts')}>{d.attempts}</td>
                <td data-label={t('webhooks.lastTried')}>{d.next_attempt_at ? formatWhen(d.next_attempt_at, zone) : '–'}</td>
                <td data-label={t('webhooks.reason')}>{d.last_error || <span class="muted">{t('webhooks.noReason')}</span>}</td>
                <td class="right">
                  <button
                    class="btn small"
                    data-action="retry-delivery"
                    disabled={retry.busy}
                    onClick={async () => {
                      const done = await retry.run(() => post(`/deliveries/${d.id}/retry`));
                      if (done !== undefined) {
                        setNotice(t('webhooks.requeued'));
                        data.reload();
                      }
                    }}
                  >
                    {t('webhooks.retry')}
                  </button>
                </td>
              </tr>
            ))}
          </Table>
        ))}
    </Card>
  );
}

export function WebhooksPage() {
  const app = useApp();
  const coordinator = isCoordinator(app.session);
  const data = useAsync(() => (coordinator ? get<unknown>('/webhooks').then((r) => list<Webhook>(r, 'webhooks')) : Promise.resolve([] as Webhook[])), [coordinator]);
  const remove = useAction();
  const [notice, setNotice] = useState('');
  if (!coordinator) {
    return (
      <>
        <PageHeader title={t('webhooks.title')} />
        <Card>
          <Empty title={t('webhooks.forCoordinators')}>{t('webhooks.forCoordinatorsText')}</Empty>
        </Card>
      </>
    );
  }
  const hooks = (data.data ?? []).filter((w) => !w.removed);
  const zone = viewerZone();
  return (
    <>
      <PageHeader title={t('webhooks.title')} subtitle={t('webhooks.subtitle')} actions={<a class="btn" href="#add-webhook">{t('webhooks.add')}</a>} />
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      <ErrorBox error={data.error} title={t('webhooks.loadFailed')} onRetry={data.reload} />
      <ApiProblem error={remove.error} title={t('webhooks.notRemoved')} />
      {data.loading && !data.data && <Loading what={t('webhooks.loading')} />}
      {data.data && (
        <Card title={t('webhooks.title')} extra={<span class="muted small">{t('people.inAll', { count: hooks.length })}</span>}>
          {hooks.length === 0 ? (
            <Empty title={t('webhooks.none')}>{t('webhooks.noneText')}</Empty>
          ) : (
            <Table class="webhooks stack-on-phone" columns={[t('webhooks.url'), t('webhooks.format'), t('webhooks.events'), t('webhooks.added'), { title: <span class="sr-only">{t('partners.col.actions')}</span> }]}>
              {hooks.map((w) => (
                <tr data-webhook={w.id}>
                  <td class="strong webhook-url">{w.url}</td>
                  <td data-label={t('webhooks.format')}>{w.format === 'json' ? 'JSON' : label(w.format)}</td>
                  <td data-label={t('webhooks.events')}>{w.events.length === 0 ? t('webhooks.everyKind') : w.events.map(label).join(', ')}</td>
                  <td data-label={t('webhooks.added')}>{w.created_at ? formatWhen(w.created_at, zone) : '–'}</td>
                  <td class="right">
                    <button
                      class="btn danger small"
                      data-action="remove-webhook"
                      aria-label={t('webhooks.removeLabel', { url: w.url })}
                      disabled={remove.busy}
                      onClick={async () => {
                        if (!confirm(t('webhooks.removeConfirm', { url: w.url }))) return;
                        const done = await remove.run(() => del(`/webhooks/${w.id}`));
                        if (done !== undefined) {
                          setNotice(t('webhooks.removed', { url: w.url }));
                          data.reload();
                        }
                      }}
                    >
                      {t('lead.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      )}
      <AddWebhookForm
        onAdded={(w) => {
          setNotice(t('webhooks.addedNotice', { url: w.url }));
          data.reload();
        }}
      />
      <DeadLetters webhooks={data.data ?? []} />
    </>
  );
}
