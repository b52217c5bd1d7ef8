// The activity feed: what changed on what the signed-in person follows (comments, objections, withdrawals,
// selections, leads named) and what concerns its partner, newest first, with what is new since the last visit
// marked. Opening the page marks the feed seen (the navigation's count drops). A token issued to no person has
// no feed: the page says who has one.

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
  const title = text(d.title) ? `“${text(d.title)}”` : item.subject_kind === 'cycle' ? `cycle ${item.subject_id}` : `#${item.subject_id}`;
  switch (item.kind) {
    case 'comment':
      return d.reply ? `${item.actor} replied in the discussion of ${title}` : `${item.actor} commented on ${title}`;
    case 'objection':
      return `A partner objected to ${title} on its ballot`;
    case 'initiative_selected':
      return `${title} was selected` + (text(d.lead_name) ? `; ${text(d.lead_name)} leads it` : '');
    case 'initiative_not_selected':
      return `${title} was not selected`;
    case 'cycle_opened':
      return `Cycle ${item.subject_id} opened for proposals`;
    case 'voting_opened':
      return `Voting on cycle ${item.subject_id} opened`;
    case 'cycle_closed':
      return `Cycle ${item.subject_id} closed`;
    case 'lead_named':
      return `Your partner leads ${title}`;
    case 'proposal_withdrawn':
      return d.pulled ? `${title} was taken off the ballot` : `${title} was withdrawn`;
    case 'voting_closes_soon':
      return `Voting on cycle ${item.subject_id} closes soon and your partner has not voted`;
    case 'dry_spell_limit':
      return `${text(d.partner_name) || 'A partner'} is protected next cycle (dry spell at the charter’s limit)`;
    case 'deadline_due':
      return `A deadline of cycle ${item.subject_id} passed: the coordinator moves the cycle on`;
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
          {props.isNew && <span class="badge badge-new">new</span>} {headline(item)}
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
        <PageHeader title="Activity" />
        <Card>
          <Empty title="No activity feed for this access token">
            The feed belongs to people who sign in with their e-mail address and password: it follows what they and their partner follow. This access token stands for no
            one person, so it has none.
          </Empty>
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
        title="Activity"
        subtitle={page ? (page.unseen === 0 ? 'Nothing new since your last visit.' : page.unseen === 1 ? 'One item is new since your last visit.' : `${page.unseen} items are new since your last visit.`) : 'What changed on what you follow, newest first.'}
      />
      <ErrorBox error={first.error} title="The activity could not be loaded" onRetry={first.reload} />
      {first.loading && !page && <Loading what="your activity" />}
      {page && (
        <Card title="What changed" class="activity">
          <p class="muted small">
            You follow the initiatives your partner proposed, volunteered to lead or is affected by (a non-zero estimated impact), and anything you follow yourself with its
            Follow button; unfollow one to leave it out.
          </p>
          {items.length === 0 ? (
            <Empty title="Nothing yet">Comments, objections, selections and withdrawals on what you follow show here.</Empty>
          ) : (
            <ol class="activity-list">
              {items.map((item) => (
                <Item item={item} isNew={item.id > page.last_seen} />
              ))}
            </ol>
          )}
          <ErrorBox error={more.error} title="Older activity could not be loaded" onRetry={loadMore} />
          {nextBefore != null && (
            <button class="btn" data-action="older-activity" disabled={more.busy} onClick={loadMore}>
              {more.busy ? 'Loading…' : 'Show older activity'}
            </button>
          )}
        </Card>
      )}
    </>
  );
}
