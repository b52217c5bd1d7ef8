// The app: sign-in gate, session and partners, layout and routes.

import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { LanguageSwitchContext } from './components/language-switch';
import { setPersonZone } from './components/deadlines';
import { Layout } from './components/layout';
import { AdminPage } from './pages/admin';
import { ErrorBox, Loading } from './components/ui';
import { LanguageContext, isLanguage, language as languageNow, storedLanguage, switchLanguage, type Language, useT } from './lib/i18n';
import { ApiError, cookieSession, del, get, getToken, onUnauthorised, setToken } from './lib/api';
import { AppContext, type AppState, list } from './lib/context';
import { match, navigate, usePath } from './lib/router';
import { defaultUnit, unitOf } from './lib/units';
import type { Partner, Session } from './lib/types';
import { ActivityPage } from './pages/activity';
import { ActualsPage } from './pages/actuals';
import { AuditPage } from './pages/audit';
import { BallotPage } from './pages/ballot';
import { CyclePage } from './pages/cycle';
import { CyclesPage } from './pages/cycles';
import { DashboardPage } from './pages/dashboard';
import { GlossaryPage } from './pages/glossary';
import { HomePage } from './pages/home';
import { InboxPage } from './pages/inbox';
import { PreferencesPage } from './pages/preferences';
import { InitiativePage } from './pages/initiative';
import { InitiativesPage } from './pages/initiatives';
import { NetworkPage } from './pages/network';
import { NotFoundPage } from './pages/not-found';
import { ObjectivesPage } from './pages/objectives';
import { PartnerPage } from './pages/partner';
import { PartnersPage } from './pages/partners';
import { PeoplePage } from './pages/people';
import { ProposePage } from './pages/propose';
import { SetPasswordPage } from './pages/set-password';
import { SignInPage, type SignedIn } from './pages/signin';
import { TokensPage } from './pages/tokens';
import { WebhooksPage } from './pages/webhooks';
import { WhatIfPage } from './pages/what-if';
import { CharterProposalsPage } from './pages/charter-proposals';

/** The session body, whatever shape the partner comes in (an id or {id, name}). */
export function normaliseSession(raw: any): Session {
  const partner = raw?.partner;
  const partnerId = partner && typeof partner === 'object' ? partner.id : partner;
  const partnerName = partner && typeof partner === 'object' ? partner.name : raw?.partner_name;
  return {
    role: raw?.role ?? 'observer',
    partner: partnerId ?? null,
    partner_name: partnerName ?? null,
    name: raw?.name ?? raw?.actor ?? raw?.label,
    network: typeof raw?.network === 'string' ? raw.network : raw?.network?.name,
    person: typeof raw?.person === 'number' ? raw.person : null,
    coordinating: raw?.coordinating === true,
    language: typeof raw?.language === 'string' ? raw.language : null,
  };
}

function routes(path: string) {
  const table: [string, (p: Record<string, string>) => preact.JSX.Element][] = [
    ['/', () => <HomePage />],
    ['/dashboard', () => <DashboardPage />],
    ['/initiatives', () => <InitiativesPage />],
    ['/initiatives/new', () => <ProposePage />],
    ['/initiatives/:id', (p) => <InitiativePage id={Number(p.id)} />],
    ['/ballot', () => <BallotPage />],
    ['/cycles', () => <CyclesPage />],
    ['/cycles/:n', (p) => <CyclePage number={Number(p.n)} />],
    ['/partners', () => <PartnersPage />],
    ['/partners/:id', (p) => <PartnerPage id={Number(p.id)} />],
    ['/network', () => <NetworkPage />],
    ['/objectives', () => <ObjectivesPage />],
    ['/actuals', () => <ActualsPage />],
    ['/tokens', () => <TokensPage />],
    ['/audit', () => <AuditPage />],
    ['/people', () => <PeoplePage />],
    ['/glossary', () => <GlossaryPage />],
    ['/inbox', () => <InboxPage />],
    ['/activity', () => <ActivityPage />],
    ['/webhooks', () => <WebhooksPage />],
    ['/what-if', () => <WhatIfPage />],
    ['/charter/proposals', () => <CharterProposalsPage />],
    ['/preferences', () => <PreferencesPage />],
  ];
  for (const [pattern, view] of table) {
    const params = match(pattern, path);
    if (params) return view(params);
  }
  return <NotFoundPage />;
}

/** Whether someone is signed in: with a token (this tab), with the session cookie (every tab), not yet known. */
type Auth = 'probing' | 'in' | 'out';

/** The app in the language in use: a switch (or the person's own language) renders every page again. */
export function App() {
  const [lang, setLang] = useState<Language>(languageNow());
  const choose = useCallback((next: Language) => switchLanguage(next).then(() => setLang(next)), []);
  return (
    <LanguageContext.Provider value={lang}>
      <LanguageSwitchContext.Provider value={choose}>
        <SignedInApp />
      </LanguageSwitchContext.Provider>
    </LanguageContext.Provider>
  );
}

function SignedInApp() {
  const t = useT();
  const choose = useContext(LanguageSwitchContext);
  const lang = useContext(LanguageContext);
  const path = usePath();
  // A token in this tab signs in; else the browser session's cookie may (asked once, below).
  const [auth, setAuth] = useState<Auth>(getToken() ? 'in' : 'probing');
  const [session, setSession] = useState<Session | null>(null);
  const [partners, setPartners] = useState<Partner[]>([]);
  const [networkName, setNetworkName] = useState('');
  const [unit, setUnit] = useState(defaultUnit);
  const [deadlineAction, setDeadlineAction] = useState('remind');
  const [error, setError] = useState<ApiError | undefined>();
  const [tick, setTick] = useState(0);

  const signOut = useCallback(() => {
    // A cookie's session ends on the server first, so that the sign-in page never shows while the cookie
    // still signs in (a failed request signs out in this tab all the same).
    const ended = getToken() ? Promise.resolve() : del('/session').then(() => undefined, () => undefined);
    ended.then(() => {
      setToken(null);
      setAuth('out');
      setSession(null);
      navigate('/signin');
    });
  }, []);

  // Signed out elsewhere, revoked or expired: back to the sign-in page.
  const signedOut = useCallback(() => {
    setToken(null);
    setAuth('out');
    setSession(null);
    navigate('/signin');
  }, []);

  useEffect(() => onUnauthorised(() => signedOut()), [signedOut]);

  useEffect(() => {
    if (auth !== 'probing') return;
    cookieSession().then((s) => setAuth(s ? 'in' : 'out'));
  }, [auth]);

  useEffect(() => {
    if (auth !== 'in') return;
    setError(undefined);
    // An administrator's token belongs to no network: it reads only its session (then the networks).
    const networkOf = (s: any): Promise<[any, any]> =>
      s?.role === 'admin' ? Promise.resolve([[], null]) : Promise.all([get<any>('/partners'), get<any>('/network').catch(() => null)]);
    get<any>('/session')
      .then((s) => networkOf(s).then(([p, n]): [any, any, any] => [s, p, n]))
      .then(
        ([s, p, n]) => {
          setPersonZone(s?.time_zone);
          // The person's own language, unless this browser chose one with the switch.
          if (!storedLanguage() && isLanguage(s?.language) && s.language !== languageNow()) choose(s.language);
          setSession(normaliseSession(s));
          setPartners(list<Partner>(p, 'partners'));
          setNetworkName(n?.charter?.name ?? n?.name ?? normaliseSession(s).network ?? '');
          setUnit(unitOf(n?.charter ?? n));
          setDeadlineAction((n?.charter ?? n)?.deadline_action ?? 'remind');
        },
        (e) => setError(e),
      );
  }, [auth, tick]);

  const state = useMemo<AppState | null>(() => {
    if (!session) return null;
    const byId = new Map(partners.map((p) => [p.id, p.name]));
    return {
      session,
      partners,
      networkName,
      // The default unit is a word of covalue's own (the glossary's "value points"): it is said in the language in use.
      unit: unit === defaultUnit ? t('units.valuePoints') : unit,
      deadlineAction,
      partnerName: (id) => (id == null ? '–' : byId.get(id) ?? t('app.partnerNumber', { id })),
      signOut,
      refresh: () => setTick((t) => t + 1),
    };
  }, [session, partners, networkName, unit, deadlineAction, signOut, lang]);

  const onSignedIn = (signedIn: SignedIn) => {
    setToken(signedIn.token);
    setAuth('in');
    setSession(null);
    setTick((x) => x + 1);
    navigate(path === '/signin' || path === '/set-password' ? '/' : location.pathname + location.search, true);
  };
  if (path === '/set-password') return <SetPasswordPage onSignedIn={onSignedIn} />;
  if (auth === 'probing') return <div class="center-page"><Loading what={t('app.yourSession')} /></div>;
  if (auth === 'out' || path === '/signin') return <SignInPage onSignedIn={onSignedIn} />;
  if (error) {
    return (
      <div class="center-page">
        <ErrorBox error={error} title={t('app.sessionFailed')} onRetry={() => setTick((t) => t + 1)} />
        <button class="btn" onClick={signOut}>
          {t('app.signInAgain')}
        </button>
      </div>
    );
  }
  if (!state) return <div class="center-page"><Loading what={t('app.yourSession')} /></div>;
  if (state.session.role === 'admin') return <AdminPage name={state.session.name} signOut={signOut} />;
  return (
    <AppContext.Provider value={state}>
      <Layout path={path}>{routes(path)}</Layout>
    </AppContext.Provider>
  );
}
