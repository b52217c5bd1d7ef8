// The language switch: a labelled select listing each language by its own name. A choice applies at once
// (every page renders again in it) and is remembered in this browser (lib/i18n.ts says how the language is
// chosen when nothing is remembered).

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { isLanguage, type Language, languageNames, languages, rememberLanguage, useT } from '../lib/i18n';
import { LanguageContext } from '../lib/i18n';

/** Switches the app's language (provided by the app). */
export const LanguageSwitchContext = createContext<(lang: Language) => Promise<unknown>>(() => Promise.resolve());

/** `compact`: the label is read out but not shown (the select shows each language by its own name). */
export function LanguageSwitch(props: { id: string; class?: string; compact?: boolean }) {
  const t = useT();
  const current = useContext(LanguageContext);
  const choose = useContext(LanguageSwitchContext);
  return (
    <div class={'language-switch ' + (props.class ?? '')}>
      <label for={props.id} class={props.compact ? 'sr-only' : undefined}>
        {t('layout.language')}
      </label>
      <select
        id={props.id}
        value={current}
        data-testid="language"
        onChange={(e) => {
          const next = (e.target as HTMLSelectElement).value;
          if (!isLanguage(next)) return;
          rememberLanguage(next);
          void choose(next);
        }}
      >
        {languages.map((l) => (
          <option value={l} lang={l}>
            {languageNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
