// The inbox: the signed-in person's notifications, newest first (GET /inbox, paged with before=), each with its
// subject, when it happened in the viewer's time zone, its text and a link to the page it is about; one marked
// read, or all. A token issued to no person has no inbox: the page says who has one.

import { t } from '../lib/i18n';
import { useEffect, useState } from 'preact/hooks';
import { ApiProblem } from '../components/form';
import { formatWhen, viewerZone } from '../components/deadlines';
import { Card, Empty, ErrorBox, Loading, PageHeader } from '../components/ui';
import { get, post } from '../lib/api';
import { useApp } from '../lib/context';
import { useAction, useAsync } from '../lib/hooks';
import { setUnread } from '../lib/inbox';
import type { Inbox, InboxItem } from '../lib/types';

const pageSize = 20;

function Notification(props: { item: InboxItem; busy: boolean; onRead: () => void }) {
  const { item } = props;
  const unread = item.read_at == null;
  const headingId = `notification-${item.id}`;
  return (
    <article class={'notification' + (unread ? ' unread' : '')} data-notification={item.id} aria-labelledby={headingId}>
      <div class="notification-head">
        <h3 id={headingId}>
          {unread && <span class="sr-only">{t('inbox.unreadPrefix')} </span>}
          {item.subject}
        </h3>
        <time class="small" dateTime={item.occurred_at}>
          {formatWhen(item.occurred_at, viewerZone())}
        </time>
      </div>
      {item.paragraphs.map((p) => (
        <p>{p}</p>
      ))}
      {item.facts.length > 0 && (
        <dl class="notification-facts">
          {item.facts.map((f) => (
            <div>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <div class="notification-actions">
        {item.link && (
          <a href={item.link} data-action="open-notification">
            {t('inbox.open')}
          </a>
        )}
        {unread && (
          <button class="btn small" data-action="mark-read" disabled={props.busy} onClick={props.onRead} aria-label={t('inbox.markReadLabel', { subject: item.subject })}>
            {t('inbox.markRead')}
          </button>
        )}
      </div>
    </article>
  );
}

export function InboxPage() {
  const app = useApp();
  const hasPerson = app.session.person != null;
  // Earlier pages (fetched with before=) are kept below the first one, which reloads after each change.
  const [older, setOlder] = useState<InboxItem[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null | undefined>(undefined);
  const first = useAsync(() => (hasPerson ? get<Inbox>(`/inbox?limit=${pageSize}`) : Promise.resolve(null)), [hasPerson]);
  const more = useAction();
  const mark = useAction();
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (!first.data) return;
    setUnread(first.data.unread);
    if (older.length === 0) setNextBefore(first.data.next_before);
  }, [first.data]);

  if (!hasPerson) {
    return (
      <>
        <PageHeader title={t('inbox.title')} />
        <Card>
          <Empty title={t('inbox.noInbox')}>{t('inbox.noInboxText')}</Empty>
        </Card>
      </>
    );
  }

  const inbox = first.data;
  const items = [...(inbox?.items ?? []), ...older];
  const markOne = async (item: InboxItem) => {
    const done = await mark.run(() => post(`/inbox/${item.id}/read`));
    if (done !== undefined) {
      setNotice(t('inbox.markedOne', { subject: item.subject }));
      setOlder((o) => o.map((x) => (x.id === item.id ? { ...x, read_at: new Date().toISOString() } : x)));
      first.reload();
    }
  };
  const markAll = async () => {
    const done = await mark.run(() => post<{ marked: number }>('/inbox/read-all'));
    if (done !== undefined) {
      setNotice(t('inbox.markedAll', { count: done.marked }));
      setOlder((o) => o.map((x) => (x.read_at ? x : { ...x, read_at: new Date().toISOString() })));
      first.reload();
    }
  };
  const loadMore = async () => {
    if (nextBefore == null) return;
    const page = await more.run(() => get<Inbox>(`/inbox?limit=${pageSize}&before=${nextBefore}`));
    if (page) {
      setOlder((o) => [...o, ...page.items]);
      setNextBefore(page.next_before);
    }
  };
  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        subtitle={inbox ? (inbox.unread === 0 ? t('inbox.nothingUnread') : t('inbox.unread', { count: inbox.unread })) : t('inbox.subtitle')}
        actions={
          inbox &&
          inbox.unread > 0 && (
            <button class="btn" data-action="mark-all-read" disabled={mark.busy} onClick={markAll}>
              {t('inbox.markAll')}
            </button>
          )
        }
      />
      <p class="small">
        <a href="/preferences" data-action="open-preferences">
          {t('inbox.choose')}
        </a>{' '}
        {t('inbox.keeps')}
      </p>
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      <ErrorBox error={first.error} title={t('inbox.loadFailed')} onRetry={first.reload} />
      <ApiProblem error={mark.error} title={t('inbox.markFailed')} />
      {first.loading && !inbox && <Loading what={t('inbox.loading')} />}
      {inbox && (
        <Card title={t('inbox.notifications')} class="inbox">
          {items.length === 0 ? (
            <Empty title={t('inbox.none')}>{t('inbox.noneText')}</Empty>
          ) : (
            items.map((item) => <Notification item={item} busy={mark.busy} onRead={() => markOne(item)} />)
          )}
          <ErrorBox error={more.error} title={t('inbox.olderFailed')} onRetry={loadMore} />
          {nextBefore != null && (
            <button class="btn" data-action="older-notifications" disabled={more.busy} onClick={loadMore}>
              {more.busy ? t('inbox.loadingShort') : t('inbox.older')}
            </button>
          )}
        </Card>
      )}
    </>
  );
}
