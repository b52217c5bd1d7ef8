// A secret shown once: read-only, selected on focus, with a button that copies it.

import { t } from '../lib/i18n';
import { useRef, useState } from 'preact/hooks';

/** Copies `text`: the Clipboard API where the page may use it, else the selected input's text. */
async function copy(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused (no permission): fall back to the selection
  }
  if (!input) return false;
  input.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

export function SecretField(props: { id: string; label: string; secret: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'' | 'copied' | 'failed'>('');
  return (
    <div class="secret-field">
      <label for={props.id}>{props.label}</label>
      <div class="secret-row">
        <input id={props.id} ref={input} readOnly value={props.secret} spellcheck={false} autoComplete="off" onFocus={(e) => (e.target as HTMLInputElement).select()} />
        <button
          type="button"
          class="btn primary"
          data-action="copy-secret"
          onClick={async () => setState((await copy(props.secret, input.current)) ? 'copied' : 'failed')}
        >
          {t('secret.copy')}
        </button>
      </div>
      <p class="hint" role="status">
        {state === 'copied' ? t('secret.copied') : state === 'failed' ? t('secret.failed') : ''}
      </p>
    </div>
  );
}
