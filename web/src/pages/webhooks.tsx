// Webhooks and dead letters, for coordinators: the URLs covalue POSTs events to (added with a URL, an HMAC secret
// that is sent once and never shown back, a format and the kinds of event; removed after a confirm), and the
// deliveries the outbox gave up on (dead letters), each with its reason and a Retry button.

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
  json: 'covalue’s own JSON, signed with the secret (X-Covalue-Signature).',
  slack: 'The message shape a Slack incoming webhook accepts.',
  teams: 'The message shape a Microsoft Teams incoming webhook accepts.',
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
    url: !u ? 'Give the address covalue posts to, such as https://hooks.slack.com/services/….' : !/^https?:\/\/[^\s/]+/i.test(u) ? `“${u}” is not a web address: it starts with https:// (or http://).` : null,
    secret: !secret ? 'Give a secret: the receiver checks each post’s signature with it.' : null,
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
    <Card title="Add a webhook" id="add-webhook" class="form-card">
      <form class="form" id="add-webhook-form" onSubmit={submit} noValidate>
        <Field id="webhook-url" label="URL" hint="covalue POSTs each event here." problem={problems.shown('url') ?? serverProblem(action.error, 'url')}>
          {(attrs) => <input {...attrs} type="url" value={url} maxLength={2000} autoComplete="off" onInput={change(setUrl)} />}
        </Field>
        <Field id="webhook-secret" label="Secret" hint="Signs each post (HMAC-SHA256). It is sent once and never shown again: keep a copy for the receiver." problem={problems.shown('secret') ?? serverProblem(action.error, 'secret')}>
          {(attrs) => <input {...attrs} type="password" value={secret} maxLength={1024} autoComplete="new-password" onInput={change(setSecret)} />}
        </Field>
        <Field id="webhook-format" label="Format" hint={formatHints[format]} problem={serverProblem(action.error, 'format')}>
          {(attrs) => (
            <select {...attrs} value={format} onChange={change(setFormat)}>
              {webhookFormats.map((f) => (
                <option value={f}>{f === 'json' ? 'JSON' : label(f)}</option>
              ))}
            </select>
          )}
        </Field>
        <fieldset class="field" aria-describedby="webhook-events-hint">
          <legend>Events</legend>
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
            None chosen: every kind of event.
          </p>
        </fieldset>
        <div class="form-actions">
          <ProblemSummary count={problems.count} />
          {!fieldError && <ApiProblem error={action.error} title="The webhook was not added" />}
          <button class="btn primary" type="submit" disabled={action.busy} data-action="add-webhook">
            {action.busy ? 'Adding…' : 'Add the webhook'}
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
    <Card title="Dead letters" id="dead-letters" extra={<span class="muted small">Deliveries covalue gave up on after its retries</span>}>
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      <ErrorBox error={data.error} title="The dead letters could not be loaded" onRetry={data.reload} />
      <ApiProblem error={retry.error} title="The delivery was not retried" />
      {data.loading && !data.data && <Loading what="the dead letters" />}
      {dead &&
        (dead.length === 0 ? (
          <Empty title="No dead letters">Every notification was delivered, or is still being tried.</Empty>
        ) : (
          <Table class="dead-letters stack-on-phone" columns={['To', 'Channel', 'Attempts', 'Last tried', 'Reason', { title: <span class="sr-only">Actions</span> }]}>
            {dead.map((d) => (
              <tr data-delivery={d.id}>
                <td class="strong">{d.webhook != null ? webhookUrl(d.webhook) : personName(d.person)}</td>
                <td data-label="Channel">{label(d.channel)}</td>
                <td data-label="Attempts">{d.attempts}</td>
                <td data-label="Last tried">{d.next_attempt_at ? formatWhen(d.next_attempt_at, zone) : '–'}</td>
                <td data-label="Reason">{d.last_error || <span class="muted">no reason recorded</span>}</td>
                <td class="right">
                  <button
                    class="btn small"
                    data-action="retry-delivery"
                    disabled={retry.busy}
                    onClick={async () => {
                      const done = await retry.run(() => post(`/deliveries/${d.id}/retry`));
                      if (done !== undefined) {
                        setNotice('The delivery is queued again: covalue tries it at once.');
                        data.reload();
                      }
                    }}
                  >
                    Retry
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
        <PageHeader title="Webhooks" />
        <Card>
          <Empty title="For coordinators">A coordinator chooses where covalue posts the network’s events.</Empty>
        </Card>
      </>
    );
  }
  const hooks = (data.data ?? []).filter((w) => !w.removed);
  const zone = viewerZone();
  return (
    <>
      <PageHeader title="Webhooks" subtitle="Where covalue posts the network’s events: your team chat or your own systems." actions={<a class="btn" href="#add-webhook">Add a webhook</a>} />
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      <ErrorBox error={data.error} title="The webhooks could not be loaded" onRetry={data.reload} />
      <ApiProblem error={remove.error} title="The webhook was not removed" />
      {data.loading && !data.data && <Loading what="the webhooks" />}
      {data.data && (
        <Card title="Webhooks" extra={<span class="muted small">{hooks.length} in all</span>}>
          {hooks.length === 0 ? (
            <Empty title="No webhooks yet">Add one with the form below: covalue then posts each event to it.</Empty>
          ) : (
            <Table class="webhooks stack-on-phone" columns={['URL', 'Format', 'Events', 'Added', { title: <span class="sr-only">Actions</span> }]}>
              {hooks.map((w) => (
                <tr data-webhook={w.id}>
                  <td class="strong webhook-url">{w.url}</td>
                  <td data-label="Format">{w.format === 'json' ? 'JSON' : label(w.format)}</td>
                  <td data-label="Events">{w.events.length === 0 ? 'Every kind' : w.events.map(label).join(', ')}</td>
                  <td data-label="Added">{w.created_at ? formatWhen(w.created_at, zone) : '–'}</td>
                  <td class="right">
                    <button
                      class="btn danger small"
                      data-action="remove-webhook"
                      aria-label={`Remove the webhook ${w.url}`}
                      disabled={remove.busy}
                      onClick={async () => {
                        if (!confirm(`Remove the webhook ${w.url}? covalue stops posting events to it at once.`)) return;
                        const done = await remove.run(() => del(`/webhooks/${w.id}`));
                        if (done !== undefined) {
                          setNotice(`The webhook ${w.url} is removed.`);
                          data.reload();
                        }
                      }}
                    >
                      Remove
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
          setNotice(`The webhook ${w.url} is added. Its secret is not shown again.`);
          data.reload();
        }}
      />
      <DeadLetters webhooks={data.data ?? []} />
    </>
  );
}
