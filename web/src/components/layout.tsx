// The frame of every signed-in page: the navigation, who is signed in, and the page.

import type { ComponentChildren } from 'preact';
import { partnerColor } from '../lib/colors';
import { isCoordinator, useApp } from '../lib/context';
import { useUnseen } from '../lib/activity';
import { useUnread } from '../lib/inbox';
import { label } from '../lib/names';

const links = [
  { href: '/', text: 'Home', icon: '⌂', active: (p: string) => p === '/' },
  { href: '/inbox', text: 'Inbox', icon: '✉', active: (p: string) => p.startsWith('/inbox') },
  { href: '/activity', text: 'Activity', icon: '☰', active: (p: string) => p.startsWith('/activity') },
  { href: '/dashboard', text: 'Dashboard', icon: '▦', active: (p: string) => p === '/dashboard' },
  { href: '/initiatives', text: 'Initiatives', icon: '◆', active: (p: string) => p.startsWith('/initiatives') },
  { href: '/ballot', text: 'Ballot', icon: '✓', active: (p: string) => p.startsWith('/ballot') },
  { href: '/cycles', text: 'Cycles', icon: '↻', active: (p: string) => p.startsWith('/cycles') },
  { href: '/partners', text: 'Partners', icon: '●', active: (p: string) => p.startsWith('/partners') },
  { href: '/people', text: 'People', icon: '☺', active: (p: string) => p.startsWith('/people') },
  { href: '/charter/proposals', text: 'Charter proposals', icon: '⚖', active: (p: string) => p.startsWith('/charter') },
  { href: '/glossary', text: 'Glossary', icon: '?', active: (p: string) => p.startsWith('/glossary') },
];

/** The coordinator's pages: the charter, objectives and KPIs, actuals, access and the audit log. */
const coordinatorLinks = [
  { href: '/network', text: 'Charter', icon: '§', active: (p: string) => p.startsWith('/network') },
  { href: '/objectives', text: 'Objectives & KPIs', icon: '◎', active: (p: string) => p.startsWith('/objectives') },
  { href: '/actuals', text: 'Actuals', icon: '≡', active: (p: string) => p.startsWith('/actuals') },
  { href: '/webhooks', text: 'Webhooks', icon: '⇄', active: (p: string) => p.startsWith('/webhooks') },
  { href: '/what-if', text: 'What if', icon: '≈', active: (p: string) => p.startsWith('/what-if') },
  { href: '/tokens', text: 'Access tokens', icon: '⚷', active: (p: string) => p.startsWith('/tokens') },
  { href: '/audit', text: 'Audit log', icon: '✎', active: (p: string) => p.startsWith('/audit') },
];

function NavLinks(props: { links: typeof links; path: string; unread?: number | null; unseen?: number | null }) {
  return (
    <>
      {props.links.map((l) => (
        <a href={l.href} class={'nav-link' + (l.active(props.path) ? ' active' : '')} aria-current={l.active(props.path) ? 'page' : undefined}>
          <span class="nav-icon" aria-hidden="true">
            {l.icon}
          </span>
          {l.text}
          {l.href === '/inbox' && props.unread ? (
            <span class="nav-badge" data-unread={props.unread}>
              {props.unread}
              <span class="sr-only"> unread</span>
            </span>
          ) : null}
          {l.href === '/activity' && props.unseen ? (
            <span class="nav-badge" data-unseen={props.unseen}>
              {props.unseen}
              <span class="sr-only"> new</span>
            </span>
          ) : null}
        </a>
      ))}
    </>
  );
}

export function Layout(props: { path: string; children: ComponentChildren }) {
  const app = useApp();
  const { session } = app;
  const unread = useUnread(props.path, session.person != null);
  const unseen = useUnseen(props.path, session.person != null);
  return (
    <div class="shell">
      <aside class="sidebar">
        <a class="brand" href="/">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>
            <strong>covalue</strong>
            <small>{app.networkName || 'Partner network'}</small>
          </span>
        </a>
        <nav aria-label="Main">
          <NavLinks links={links} path={props.path} unread={unread} unseen={unseen} />
        </nav>
        {isCoordinator(session) && (
          <nav aria-labelledby="nav-coordination" class="nav-coordination">
            <div class="nav-heading" id="nav-coordination">
              Coordination
            </div>
            <NavLinks links={coordinatorLinks} path={props.path} />
          </nav>
        )}
        <div class="who">
          <div class="who-role">{label(session.role)}</div>
          {session.partner != null && (
            <a class="who-partner" href={`/partners/${session.partner}`}>
              <span class="dot" style={{ background: partnerColor(session.partner) }} />
              {session.partner_name ?? app.partnerName(session.partner)}
            </a>
          )}
          {session.person != null && (
            <a class={'who-preferences' + (props.path.startsWith('/preferences') ? ' active' : '')} href="/preferences" aria-current={props.path.startsWith('/preferences') ? 'page' : undefined}>
              E-mail preferences
            </a>
          )}
          <button class="btn ghost small signout" onClick={app.signOut}>
            Sign out
          </button>
        </div>
      </aside>
      <main class="content">{props.children}</main>
    </div>
  );
}
