// Set (or reset) one's password with a one-time link from the coordinator: /set-password#cvp_...
// The secret is in the URL's fragment, which browsers never send to a server; the page removes it at once.

import { LanguageSwitch } from '../components/language-switch';
import { t, useT } from '../lib/i18n';
import { useState } from 'preact/hooks';
import { ErrorBox } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { signInWithPassword, type SignedIn } from './signin';

const minBytes = 12;
const maxBytes = 256;

/** The link's secret, read once from the fragment (then taken out of the address bar and history). */
function takeLink(): string {
  const secret = location.hash.replace(/^#/, '');
  if (secret) history.replaceState(null, '', location.pathname);
  return secret;
}

/** What is wrong with a new password, in plain words, or null. */
export function passwordProblem(password: string, again: string): string | null {
  const bytes = new TextEncoder().encode(password).length;
  if (bytes < minBytes) return t('password.tooShort', { min: minBytes });
  if (bytes > maxBytes) return t('password.tooLong', { max: maxBytes });
  if (password !== again) return t('password.differ');
  return null;
}

export function SetPasswordPage(props: { onSignedIn: (s: SignedIn) => void }) {
  const [link] = useState(takeLink);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const t = useT();

  async function submit(event: Event) {
    event.preventDefault();
    const problem = passwordProblem(password, again);
    if (problem) {
      setError(new ApiError(0, 'invalid_input', problem, 'password'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const set = await api<{ email: string; network: number }>('POST', '/password', { link, password }, null);
      await signInWithPassword(set.email, password, set.network);
      props.onSignedIn({ token: null });
    } catch (e) {
      const failed = e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
      setError(
        failed.status === 401
          ? new ApiError(401, failed.kind, t('password.badLink'))
          : failed,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="signin-page">
      <LanguageSwitch id="signin-language" class="corner" />
      <form class="signin-card" onSubmit={submit} aria-label={t('password.title')}>
        <h1>{t('password.title')}</h1>
        {!link ? (
          <ErrorBox
            error={new ApiError(0, 'invalid_input', t('password.needLink'))}
            title={t('password.noLink')}
          />
        ) : (
          <>
            <p class="hint">
              {t('password.hint', { min: minBytes })}
            </p>
            <label for="new-password">{t('password.new')}</label>
            <input
              id="new-password"
              name="new-password"
              type="password"
              autoComplete="new-password"
              value={password}
              onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
            />
            <label for="new-password-again">{t('password.again')}</label>
            <input
              id="new-password-again"
              name="new-password-again"
              type="password"
              autoComplete="new-password"
              value={again}
              onInput={(e) => setAgain((e.target as HTMLInputElement).value)}
            />
            <ErrorBox error={error} title={t('password.notSet')} />
            <button class="btn primary wide" type="submit" disabled={busy}>
              {busy ? t('password.setting') : t('password.button')}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
