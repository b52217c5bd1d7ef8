// Set (or reset) one's password with a one-time link from the coordinator: /set-password#cvp_...
// The secret is in the URL's fragment, which browsers never send to a server; the page removes it at once.

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
  if (bytes < minBytes) return `Choose a password of at least ${minBytes} characters.`;
  if (bytes > maxBytes) return `Choose a password of at most ${maxBytes} bytes (a long passphrase is fine below that).`;
  if (password !== again) return 'The two passwords differ.';
  return null;
}

export function SetPasswordPage(props: { onSignedIn: (s: SignedIn) => void }) {
  const [link] = useState(takeLink);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

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
          ? new ApiError(401, failed.kind, 'This link is unknown, used or expired. Ask your coordinator for a new one.')
          : failed,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="signin-page">
      <form class="signin-card" onSubmit={submit} aria-label="Set your password">
        <h1>Set your password</h1>
        {!link ? (
          <ErrorBox
            error={new ApiError(0, 'invalid_input', 'This page needs the whole link your coordinator sent you.')}
            title="No link"
          />
        ) : (
          <>
            <p class="hint">
              At least {minBytes} characters. The link works once; setting a password signs you out everywhere else.
            </p>
            <label for="new-password">New password</label>
            <input
              id="new-password"
              name="new-password"
              type="password"
              autoComplete="new-password"
              value={password}
              onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
            />
            <label for="new-password-again">The same password again</label>
            <input
              id="new-password-again"
              name="new-password-again"
              type="password"
              autoComplete="new-password"
              value={again}
              onInput={(e) => setAgain((e.target as HTMLInputElement).value)}
            />
            <ErrorBox error={error} title="The password was not set" />
            <button class="btn primary wide" type="submit" disabled={busy}>
              {busy ? 'Setting…' : 'Set password and sign in'}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
