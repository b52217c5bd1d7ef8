// The frame of every signed-in page: the navigation, who is signed in, and the page.

import type { ComponentChildren } from 'preact';
import { partnerColor } from '../lib/colors';
import { isCoordinator, useApp } from '../lib/context';
import { useUnseen } from '../lib/activity';
import { useUnread } from '../lib/inbox';
import { useT } from '../lib/i18n';
import { label } from '../lib/names';
import { LanguageSwitch } from './language-switch';

const links = [
  { href: '/', text: 'layout.nav.home', icon: '⌂', active: (p: string) => p === '/' },
  { href: '/inbox', text: 'layout.nav.inbox', icon: '✉', active: (p: string) => p.startsWith('/inbox') },
  { href: '/activity', text: 'layout.nav.activity', icon: '☰', active: (p: string) => p.startsWith('/activity') },
  { href: '/dashboard', text: 'layout.nav.dashboard', icon: '▦', active: (p: string) => p === '/dashboard' },
  { href: '/initiatives', text: 'layout.nav.initiatives', icon: '◆', active: (p: string) => p.startsWith('/initiatives') },
  { href: '/ballot', text: 'layout.nav.ballot', icon: '✓', active: (p: string) => p.startsWith('/ballot') },
  { href: '/cycles', text: 'layout.nav.cycles', icon: '↻', active: (p: string) => p.startsWith('/cycles') },
  { href: '/partners', text: 'layout.nav.partners', icon: '●', active: (p: string) => p.startsWith('/partners') },
  { href: '/people', text: 'layout.nav.people', icon: '☺', active: (p: string) => p.startsWith('/people') },
  { href: '/charter/proposals', text: 'layout.nav.charterProposals', icon: '⚖', active: (p: string) => p.startsWith('/charter') },
  { href: '/glossary', text: 'layout.nav.glossary', icon: '?', active: (p: string) => p.startsWith('/glossary') },
];

/** The coordinator's pages: the charter, objectives and KPIs, actuals, access and the audit log. */
const coordinatorLinks = [
  { href: '/network', text: 'layout.nav.charter', icon: '§', active: (p: string) => p.startsWith('/network') },
  { href: '/objectives', text: 'layout.nav.objectives', icon: '◎', active: (p: string) => p.startsWith('/objectives') },
  { href: '/actuals', text: 'layout.nav.actuals', icon: '≡', active: (p: string) => p.startsWith('/actuals') },
  { href: '/webhooks', text: 'layout.nav.webhooks', icon: '⇄', active: (p: string) => p.startsWith('/webhooks') },
  { href: '/what-if', text: 'layout.nav.whatIf', icon: '≈', active: (p: string) => p.startsWith('/what-if') },
  { href: '/tokens', text: 'layout.nav.tokens', icon: '⚷', active: (p: string) => p.startsWith('/tokens') },
  { href: '/audit', text: 'layout.nav.audit', icon: '✎', active: (p: string) => p.startsWith('/audit') },
];

function NavLinks(props: { links: typeof links; path: string; unread?: number | null; unseen?: number | null }) {
  const t = useT();
  return (
    <>
      {props.links.map((l) => (
        <a href={l.href} class={'nav-link' + (l.active(props.path) ? ' active' : '')} aria-current={l.active(props.path) ? 'page' : undefined}>
          <span class="nav-icon" aria-hidden="true">
            {l.icon}
          </span>
          {t(l.text)}
          {l.href === '/inbox' && props.unread ? (
            <span class="nav-badge" data-unread={props.unread}>
              {props.unread}
              <span class="sr-only"> {t('layout.unread')}</span>
            </span>
          ) : null}
          {l.href === '/activity' && props.unseen ? (
            <span class="nav-badge" data-unseen={props.unseen}>
              {props.unseen}
              <span class="sr-only"> {t('layout.new')}</span>
            </span>
          ) : null}
        </a>
      ))}
    </>
  );
}

export function Layout(props: { path: string; children: ComponentChildren }) {
  const t = useT();
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
            <small>{app.networkName || t('layout.partnerNetwork')}</small>
          </span>
        </a>
        <nav aria-label={t('layout.main')}>
          <NavLinks links={links} path={props.path} unread={unread} unseen={unseen} />
        </nav>
        {isCoordinator(session) && (
          <nav aria-labelledby="nav-coordination" class="nav-coordination">
            <div class="nav-heading" id="nav-coordination">
              {t('layout.coordination')}
            </div>
            <NavLinks links={coordinatorLinks} path={props.path} />
          </nav>
        )}
        <div class="who">
          <div class="who-row">
            <div class="who-role">{label(session.role)}</div>
            <LanguageSwitch id="language" compact />
          </div>
          {session.partner != null && (
            <a class="who-partner" href={`/partners/${session.partner}`}>
              <span class="dot" style={{ background: partnerColor(session.partner) }} />
              {session.partner_name ?? app.partnerName(session.partner)}
            </a>
          )}
          {session.person != null && (
            <a class={'who-preferences' + (props.path.startsWith('/preferences') ? ' active' : '')} href="/preferences" aria-current={props.path.startsWith('/preferences') ? 'page' : undefined}>
              {t('layout.preferences')}
            </a>
          )}
          <button class="btn ghost small signout" onClick={app.signOut}>
            {t('layout.signOut')}
          </button>
        </div>
      </aside>
      <main class="content">{props.children}</main>
    </div>
  );
}
