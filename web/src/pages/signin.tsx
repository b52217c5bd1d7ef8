// Sign in with an access token issued by the coordinator (`covalue token issue`).

import { useState } from 'preact/hooks';
import { ErrorBox } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { label } from '../lib/names';

export function SignInPage(props: { onSignedIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  async function submit(event: Event) {
    event.preventDefault();
    const secret = token.trim();
    if (!secret) {
      setError(new ApiError(0, 'invalid_input', 'Paste the access token you were given.', 'token'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const session = await api<any>('GET', '/session', undefined, secret);
      if (!session?.role) throw new ApiError(0, 'internal', 'The server did not say who this token belongs to.');
      props.onSignedIn(secret);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="signin-page">
      <form class="signin-card" onSubmit={submit}>
        <div class="signin-brand">
          <img src="/favicon.svg" alt="" width="40" height="40" />
          <div>
            <h1>covalue</h1>
            <p>The improvement program of your partner network</p>
          </div>
        </div>
        <label for="token">Access token</label>
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
        <p class="hint">
          Your coordinator issues tokens with <code>covalue token issue</code>. The token stays in this browser tab only
          and is forgotten when you close it.
        </p>
        <ErrorBox error={error} title="Sign-in failed" />
        <button class="btn primary wide" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <ul class="roles">
          {['coordinator', 'representative', 'observer'].map((r) => (
            <li>
              <strong>{label(r)}</strong>{' '}
              {r === 'coordinator'
                ? 'runs the cycles: opens, starts voting, closes and reviews.'
                : r === 'representative'
                  ? 'proposes initiatives and votes for one partner.'
                  : 'reads the dashboard and reports.'}
            </li>
          ))}
        </ul>
      </form>
    </div>
  );
}
