// A thread: the comments on an initiative, a cycle or a charter proposal, each reply under the comment it answers
// (indented up to four levels), with reply, edit (its history kept), delete, the coordinator's hide, and a follow
// button. Users write plain text: it is shown as text nodes only, web addresses becoming links that open
// without handing this page over (rel="noopener nofollow ugc"); no HTML from users is ever rendered.

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { del, get, patch, post, put } from '../lib/api';
import { isCoordinator, useApp } from '../lib/context';
import { useAction, useAsync } from '../lib/hooks';
import { t } from '../lib/i18n';
import { maxChars } from '../lib/limits';
import { fmtCount } from '../lib/rational';
import type { CommentHistory, SubjectKind, Thread, ThreadComment } from '../lib/types';
import { formatWhen, viewerZone } from './deadlines';
import { ApiProblem } from './form';
import { Card, ErrorBox, Loading } from './ui';

const maxIndent = 4;
const urlPattern = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text with its web addresses as links: text nodes and <a> elements only. */
export function LinkedText(props: { text: string }) {
  const parts: ComponentChildren[] = [];
  let last = 0;
  for (const m of props.text.matchAll(urlPattern)) {
    let url = m[0];
    const trailing = /[.,;:!?)\]]+$/.exec(url);
    if (trailing) url = url.slice(0, url.length - trailing[0].length);
    const at = m.index ?? 0;
    parts.push(props.text.slice(last, at));
    parts.push(
      <a href={url} rel="noopener nofollow ugc" target="_blank">
        {url}
      </a>,
    );
    last = at + url.length;
  }
  parts.push(props.text.slice(last));
  return <>{parts}</>;
}

/** A textarea with its label and help, and the send and cancel buttons. */
function CommentForm(props: { id: string; label: string; initial?: string; send: string; busy: boolean; onSend: (text: string) => void; onCancel?: () => void }) {
  const [text, setText] = useState(props.initial ?? '');
  return (
    <form
      class="form comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSend(text);
      }}
    >
      <label for={props.id}>{props.label}</label>
      <textarea id={props.id} rows={3} maxLength={maxChars.comment} aria-describedby={`${props.id}-hint`} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <p class="hint" id={`${props.id}-hint`}>
        {t('thread.hint', { max: fmtCount(maxChars.comment) })}
      </p>
      <div class="form-actions">
        <button class="btn primary" type="submit" disabled={props.busy}>
          {props.busy ? t('thread.sending') : props.send}
        </button>
        {props.onCancel && (
          <button class="btn ghost" type="button" onClick={props.onCancel}>
            {t('deadlines.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** What a comment says, or why it says nothing. */
function CommentBody(props: { c: ThreadComment; coordinator: boolean }) {
  const { c } = props;
  if (c.state === 'deleted') return <p class="comment-gone">{t('thread.deleted')}</p>;
  if (c.state === 'withdrawn') return <p class="comment-gone">{t('thread.objectionWithdrawn')}</p>;
  return (
    <>
      {c.state === 'hidden' && <p class="comment-gone">{t('thread.hiddenBy', { reason: c.hidden_reason })}</p>}
      {c.body && (
        <p class={'comment-text' + (c.state === 'hidden' ? ' comment-hidden-text' : '')}>
          {c.state === 'hidden' && props.coordinator && <span class="sr-only">{t('thread.hiddenText')} </span>}
          <LinkedText text={c.body} />
        </p>
      )}
    </>
  );
}

function History(props: { id: number }) {
  const history = useAsync(() => get<CommentHistory>(`/comments/${props.id}/history`), [props.id]);
  const zone = viewerZone();
  return (
    <div class="comment-history" data-testid="comment-history">
      <ErrorBox error={history.error} title={t('thread.historyFailed')} onRetry={history.reload} />
      {history.data && (
        <ol>
          {history.data.revisions.map((r) => (
            <li>
              <span class="small muted">{t('thread.until', { when: formatWhen(r.replaced_at, zone) })}</span> <LinkedText text={r.body} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

type Mode = { kind: 'reply' | 'edit' | 'hide' | 'history'; id: number } | null;

function CommentItem(props: { c: ThreadComment; mode: Mode; setMode: (m: Mode) => void; canWrite: boolean; coordinator: boolean; onChanged: (notice: string) => void; subjectPath: string }) {
  const { c, mode } = props;
  const action = useAction();
  const zone = viewerZone();
  const open = (kind: 'reply' | 'edit' | 'hide' | 'history') => props.setMode(mode?.kind === kind && mode.id === c.id ? null : { kind, id: c.id });
  const done = (notice: string) => {
    props.setMode(null);
    props.onChanged(notice);
  };
  const depth = Math.min(c.depth, maxIndent);
  const who = c.kind === 'objection' ? t('thread.objectionFrom', { name: c.author_name }) : c.author_name;
  const live = c.state === 'visible';
  return (
    <li class={`comment depth-${depth}` + (c.kind === 'objection' ? ' objection' : '')} id={`comment-${c.id}`} data-comment={c.id}>
      <article aria-label={`${who}, ${formatWhen(c.created_at, zone)}`}>
        <div class="comment-head">
          <strong>{who}</strong>
          {c.kind === 'objection' && <span class="badge badge-objection">{t('thread.fromBallot')}</span>}
          <time class="small muted" dateTime={c.created_at}>
            {formatWhen(c.created_at, zone)}
          </time>
          {c.revisions > 0 && (
            <button class="linklike small" data-action="history" aria-expanded={mode?.kind === 'history' && mode.id === c.id} onClick={() => open('history')}>
              {c.state === 'deleted' ? t('thread.history') : t('thread.edited', { count: c.revisions })}
            </button>
          )}
        </div>
        <CommentBody c={c} coordinator={props.coordinator} />
        <div class="comment-actions">
          {props.canWrite && c.state !== 'deleted' && (
            <button class="btn small" data-action="reply" onClick={() => open('reply')} aria-label={t('thread.replyTo', { who })}>
              {t('thread.reply')}
            </button>
          )}
          {c.own && live && (
            <button class="btn small" data-action="edit" onClick={() => open('edit')}>
              {t('thread.edit')}
            </button>
          )}
          {c.own && c.state !== 'deleted' && (
            <button
              class="btn small danger"
              data-action="delete"
              disabled={action.busy}
              onClick={async () => {
                if ((await action.run(() => del(`/comments/${c.id}`))) !== undefined) done(t('thread.deletedNotice'));
              }}
            >
              {t('thread.delete')}
            </button>
          )}
          {props.coordinator && live && c.kind === 'comment' && (
            <button class="btn small" data-action="hide" onClick={() => open('hide')}>
              {t('thread.hide')}
            </button>
          )}
        </div>
        <ApiProblem error={action.error} title={t('thread.failed')} />
        {mode?.id === c.id && mode.kind === 'history' && <History id={c.id} />}
        {mode?.id === c.id && mode.kind === 'reply' && (
          <CommentForm
            id={`reply-${c.id}`}
            label={t('thread.yourReply', { who })}
            send={t('thread.postReply')}
            busy={action.busy}
            onCancel={() => props.setMode(null)}
            onSend={async (text) => {
              if ((await action.run(() => post(`${props.subjectPath}`, { body: text, parent: c.id }))) !== undefined) done(t('thread.replyPosted'));
            }}
          />
        )}
        {mode?.id === c.id && mode.kind === 'edit' && (
          <CommentForm
            id={`edit-${c.id}`}
            label={t('thread.edited2')}
            initial={c.body}
            send={t('thread.saveChange')}
            busy={action.busy}
            onCancel={() => props.setMode(null)}
            onSend={async (text) => {
              if ((await action.run(() => patch(`/comments/${c.id}`, { body: text }))) !== undefined) done(t('thread.changedNotice'));
            }}
          />
        )}
        {mode?.id === c.id && mode.kind === 'hide' && (
          <HideForm
            id={c.id}
            busy={action.busy}
            onCancel={() => props.setMode(null)}
            onHide={async (reason) => {
              if ((await action.run(() => post(`/comments/${c.id}/hide`, { reason }))) !== undefined) done(t('thread.hiddenNotice'));
            }}
          />
        )}
      </article>
    </li>
  );
}

function HideForm(props: { id: number; busy: boolean; onCancel: () => void; onHide: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <form
      class="form comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onHide(reason);
      }}
    >
      <label for={`hide-${props.id}`}>{t('thread.whyHide')}</label>
      <input id={`hide-${props.id}`} maxLength={maxChars.reason} value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
      <div class="form-actions">
        <button class="btn danger" type="submit" disabled={props.busy}>
          {t('thread.hideButton')}
        </button>
        <button class="btn ghost" type="button" onClick={props.onCancel}>
          {t('deadlines.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The thread of a subject, with its follow button and a form for a new comment. */
export function ThreadCard(props: { kind: SubjectKind; id: number; what: string }) {
  const app = useApp();
  const path = `/threads/${props.kind}/${props.id}/comments`;
  const thread = useAsync(() => get<Thread>(path), [path]);
  const [mode, setMode] = useState<Mode>(null);
  const [notice, setNotice] = useState('');
  const [formKey, setFormKey] = useState(0);
  const [later, setLater] = useState<{ comments: ThreadComment[]; next: number | null } | null>(null);
  const action = useAction();
  const follow = useAction();
  const more = useAction();
  const canWrite = app.session.role !== 'observer';
  const coordinator = isCoordinator(app.session);
  const hasPerson = app.session.person != null;
  const changed = (message: string) => {
    setNotice(message);
    setLater(null);
    thread.reload();
  };
  const data = thread.data;
  const shown = data ? (later ? data.comments.concat(later.comments) : data.comments) : [];
  const next = later ? later.next : (data?.next_after ?? null);
  const remaining = data ? Math.max(0, data.total - shown.length) : 0;
  const showMore = async () => {
    if (next == null) return;
    const page = await more.run(() => get<Thread>(`${path}?after=${next}`));
    if (page !== undefined) setLater({ comments: (later?.comments ?? []).concat(page.comments), next: page.next_after });
  };
  const toggleFollow = async () => {
    if (!data) return;
    const followPath = `/follows/${props.kind}/${props.id}`;
    const answer = await follow.run(() => (data.following ? del(followPath) : put(followPath)));
    if (answer !== undefined) changed(data.following ? t('thread.unfollowed', { what: props.what }) : t('thread.followed', { what: props.what }));
  };
  return (
    <Card
      title={t('thread.title')}
      id="discussion"
      class="thread-card"
      extra={
        hasPerson &&
        data && (
          <button class={'btn small' + (data.following ? '' : ' primary')} data-action="follow" aria-pressed={data.following} disabled={follow.busy} onClick={toggleFollow}>
            {data.following ? t('thread.following') : t('thread.follow')}
          </button>
        )
      }
    >
      <p class="muted small">
        {t('thread.intro', { what: props.what })}
      </p>
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      <ErrorBox error={thread.error} title={t('thread.loadFailed')} onRetry={thread.reload} />
      <ApiProblem error={follow.error} title={t('thread.followFailed')} />
      {thread.loading && !data && <Loading what={t('thread.loading')} />}
      {data && data.comments.length === 0 && <p class="muted">{t('thread.none')}</p>}
      {data && data.comments.length > 0 && (
        <ol class="thread" aria-label={t('thread.commentsOn', { what: props.what })}>
          {shown.map((c) => (
            <CommentItem c={c} mode={mode} setMode={setMode} canWrite={canWrite} coordinator={coordinator} onChanged={changed} subjectPath={path} />
          ))}
        </ol>
      )}
      {data && next != null && (
        <div class="thread-more">
          <p class="muted small">{t('thread.showing', { shown: shown.length, count: data.total })}</p>
          <ApiProblem error={more.error} title={t('thread.moreFailed')} />
          <button class="btn" type="button" data-action="more-comments" disabled={more.busy} onClick={showMore}>
            {t('thread.showNewer', { count: remaining })}
          </button>
        </div>
      )}
      {canWrite && (
        <>
          <ApiProblem error={action.error} title={t('thread.notPosted')} />
          <CommentForm
            key={formKey}
            id={`new-comment-${props.kind}-${props.id}`}
            label={t('thread.yourComment')}
            send={t('thread.postComment')}
            busy={action.busy}
            onSend={async (text) => {
              if ((await action.run(() => post(path, { body: text }))) !== undefined) {
                setFormKey((k) => k + 1);
                changed(t('thread.posted'));
              }
            }}
          />
        </>
      )}
    </Card>
  );
}
