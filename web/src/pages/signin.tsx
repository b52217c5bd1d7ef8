// Sign in with e-mail and password (a browser session kept in an HttpOnly cookie), or with an access token
// issued by the coordinator (`covalue token issue`), kept in this tab only.

import { useState } from 'preact/hooks';
import { ErrorBox } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { LanguageSwitch } from '../components/language-switch';
import { useT } from '../lib/i18n';
import { label } from '../lib/names';

/** How someone signed in: with the session cookie (no token), or with this token. */
export type SignedIn = { token: string | null };

function Brand() {
  const t = useT();
  return (
    <div class="signin-brand">
      <img src="/favicon.svg" alt="" width="40" height="40" />
      <div>
        <h1>covalue</h1>
        <p>{t('signin.tagline')}</p>
      </div>
    </div>
  );
}

function Roles() {
  const t = useT();
  return (
    <ul class="roles">
      {['coordinator', 'representative', 'observer'].map((r) => (
        <li>
          <strong>{label(r)}</strong>{' '}
          {t(`signin.role.${r}`)}
        </li>
      ))}
    </ul>
  );
}

/** Signs in with e-mail and password; the server sets the session cookie. */
export async function signInWithPassword(email: string, password: string, network?: number): Promise<void> {
  await api('POST', '/session', network ? { email, password, network } : { email, password }, null);
}

function PasswordForm(props: { onSignedIn: (s: SignedIn) => void; onToken: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [network, setNetwork] = useState('');
  const [askNetwork, setAskNetwork] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const t = useT();

  async function submit(event: Event) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(new ApiError(0, 'invalid_input', t('signin.enterBoth'), 'email'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await signInWithPassword(email.trim(), password, askNetwork && network ? Number(network) : undefined);
      props.onSignedIn({ token: null });
    } catch (e) {
      const failed = e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
      if (failed.field === 'body.network') setAskNetwork(true);
      setError(
        failed.status === 401
          ? new ApiError(401, failed.kind, t('signin.wrongPassword'), failed.field)
          : failed,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="signin-card" onSubmit={submit} aria-label={t('signin.signIn')}>
      <Brand />
      <label for="email">{t('signin.email')}</label>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="username"
        value={email}
        onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
      />
      <label for="password">{t('signin.password')}</label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
      />
      {askNetwork && (
        <>
          <label for="network">{t('signin.network')}</label>
          <input
            id="network"
            name="network"
            inputMode="numeric"
            value={network}
            onInput={(e) => setNetwork((e.target as HTMLInputElement).value)}
          />
        </>
      )}
      <p class="hint">{t('signin.passwordHint')}</p>
      <ErrorBox error={error} title={t('signin.failed')} />
      <button class="btn primary wide" type="submit" disabled={busy}>
        {busy ? t('signin.signingIn') : t('signin.signIn')}
      </button>
      <button class="btn ghost wide" type="button" data-action="use-token" onClick={props.onToken}>
        {t('signin.useToken')}
      </button>
      <Roles />
    </form>
  );
}

function TokenForm(props: { onSignedIn: (s: SignedIn) => void; onPassword: () => void }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const t = useT();

  async function submit(event: Event) {
    event.preventDefault();
    const secret = token.trim();
    if (!secret) {
      setError(new ApiError(0, 'invalid_input', t('signin.pasteToken'), 'token'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const session = await api<any>('GET', '/session', undefined, secret);
      if (!session?.role) throw new ApiError(0, 'internal', t('signin.noOwner'));
      props.onSignedIn({ token: secret });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="signin-card" onSubmit={submit} aria-label={t('signin.withToken')}>
      <Brand />
      <label for="token">{t('signin.token')}</label>
      <input
        id="token"
        name="token"
        type="password"
        autoComplete="off"
        spellcheck={false}
        placeholder="cvt_…"
        value={token}
        onInput={(e) => setToken((e.target as HTMLInputElement).value)}
      />
      <p class="hint">{t('signin.tokenHint')}</p>
      <ErrorBox error={error} title={t('signin.failed')} />
      <button class="btn primary wide" type="submit" disabled={busy}>
        {busy ? t('signin.signingIn') : t('signin.signIn')}
      </button>
      <button class="btn ghost wide" type="button" data-action="use-password" onClick={props.onPassword}>
        {t('signin.usePassword')}
      </button>
      <Roles />
    </form>
  );
}

export function SignInPage(props: { onSignedIn: (s: SignedIn) => void }) {
  const [withToken, setWithToken] = useState(false);
  return (
    <main class="signin-page">
      <LanguageSwitch id="signin-language" class="corner" />
      {withToken ? (
        <TokenForm onSignedIn={props.onSignedIn} onPassword={() => setWithToken(false)} />
      ) : (
        <PasswordForm onSignedIn={props.onSignedIn} onToken={() => setWithToken(true)} />
      )}
    </main>
  );
}
