// The activity feed: what changed on what the signed-in person follows (comments, objections, withdrawals,
// selections, leads named) and what concerns its partner, newest first, with what is new since the last visit
// marked. Opening the page marks the feed seen (the navigation's count drops). A token issued to no person has
// no feed: the page says who has one.

import { t } from '../lib/i18n';
import { useEffect, useState } from 'preact/hooks';
import { formatWhen, viewerZone } from '../components/deadlines';
import { Card, Empty, ErrorBox, Loading, PageHeader } from '../components/ui';
import { setUnseen } from '../lib/activity';
import { get, post } from '../lib/api';
import { useApp } from '../lib/context';
import { useAction, useAsync } from '../lib/hooks';
import type { ActivityItem, ActivityPage as Page } from '../lib/types';

const pageSize = 30;

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Where an item's subject lives in the web UI. */
function subjectLink(item: ActivityItem): string {
  if (item.subject_kind === 'initiative') return `/initiatives/${item.subject_id}`;
  if (item.subject_kind === 'cycle') return `/cycles/${item.subject_id}`;
  return '/network';
}

/** One line in words: who did what to what. */
function headline(item: ActivityItem): string {
  const d = item.details;
  const title = text(d.title) ? t('home.quoted', { title: text(d.title) }) : item.subject_kind === 'cycle' ? t('cycle.loadingCycle', { cycle: item.subject_id }) : `#${item.subject_id}`;
  const v = { actor: item.actor, title, cycle: item.subject_id, lead: text(d.lead_name), partner: text(d.partner_name) || t('activity.aPartner') };
  switch (item.kind) {
    case 'comment':
      return d.reply ? t('activity.replied', v) : t('activity.commented', v);
    case 'objection':
      return t('activity.objected', v);
    case 'initiative_selected':
      return text(d.lead_name) ? t('activity.selectedLed', v) : t('activity.selected', v);
    case 'initiative_not_selected':
      return t('activity.notSelected', v);
    case 'cycle_opened':
      return t('activity.cycleOpened', v);
    case 'voting_opened':
      return t('activity.votingOpened', v);
    case 'cycle_closed':
      return t('activity.cycleClosed', v);
    case 'lead_named':
      return t('activity.leadNamed', v);
    case 'proposal_withdrawn':
      return d.pulled ? t('activity.pulled', v) : t('activity.withdrawn', v);
    case 'voting_closes_soon':
      return t('activity.closesSoon', v);
    case 'dry_spell_limit':
      return t('activity.protected', v);
    case 'deadline_due':
      return t('activity.deadlineDue', v);
    default:
      return `${item.kind.replaceAll('_', ' ')} (${title})`;
  }
}

function Item(props: { item: ActivityItem; isNew: boolean }) {
  const { item } = props;
  const excerpt = text(item.details.excerpt) || text(item.details.reason);
  return (
    <li class={'activity-item' + (props.isNew ? ' unread' : '')} data-activity={item.id} data-kind={item.kind}>
      <div class="notification-head">
        <a href={subjectLink(item)}>
          {props.isNew && <span class="badge badge-new">{t('activity.new')}</span>} {headline(item)}
        </a>
        <time class="small muted" dateTime={item.occurred_at}>
          {formatWhen(item.occurred_at, viewerZone())}
        </time>
      </div>
      {excerpt && <p class="muted">{excerpt}</p>}
    </li>
  );
}

export function ActivityPage() {
  const app = useApp();
  const hasPerson = app.session.person != null;
  const first = useAsync(() => (hasPerson ? get<Page>(`/activity?limit=${pageSize}`) : Promise.resolve(null)), [hasPerson]);
  const [older, setOlder] = useState<ActivityItem[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const more = useAction();
  useEffect(() => {
    if (!first.data) return;
    setNextBefore(first.data.next_before);
    if (first.data.unseen > 0) post('/activity/seen').then(() => setUnseen(0), () => undefined);
    else setUnseen(0);
  }, [first.data]);
  if (!hasPerson) {
    return (
      <>
        <PageHeader title={t('activity.title')} />
        <Card>
          <Empty title={t('activity.noFeed')}>{t('activity.noFeedText')}</Empty>
        </Card>
      </>
    );
  }
  const page = first.data;
  const loadMore = async () => {
    if (nextBefore == null) return;
    const next = await more.run(() => get<Page>(`/activity?limit=${pageSize}&before=${nextBefore}`));
    if (next) {
      setOlder((o) => [...o, ...next.items]);
      setNextBefore(next.next_before);
    }
  };
  const items = [...(page?.items ?? []), ...older];
  return (
    <>
      <PageHeader
        title={t('activity.title')}
        subtitle={page ? (page.unseen === 0 ? t('activity.nothingNew') : t('activity.newItems', { count: page.unseen })) : t('activity.subtitle')}
      />
      <ErrorBox error={first.error} title={t('activity.loadFailed')} onRetry={first.reload} />
      {first.loading && !page && <Loading what={t('activity.loading')} />}
      {page && (
        <Card title={t('activity.whatChanged')} class="activity">
          <p class="muted small">
            {t('activity.explain')}
          </p>
          {items.length === 0 ? (
            <Empty title={t('activity.nothingYet')}>{t('activity.nothingYetText')}</Empty>
          ) : (
            <ol class="activity-list">
              {items.map((item) => (
                <Item item={item} isNew={item.id > page.last_seen} />
              ))}
            </ol>
          )}
          <ErrorBox error={more.error} title={t('activity.olderFailed')} onRetry={loadMore} />
          {nextBefore != null && (
            <button class="btn" data-action="older-activity" disabled={more.busy} onClick={loadMore}>
              {more.busy ? t('inbox.loadingShort') : t('activity.older')}
            </button>
          )}
        </Card>
      )}
    </>
  );
}
