// The languages of the web UI (English, German, Polish) through i18next, with one catalog per language in
// src/locales/<language>.json, loaded on demand (only the chosen language's catalog is downloaded).
//
// Which language: the one chosen with the switch (remembered in localStorage), else the signed-in person's
// (GET /api/session's `language`), else the browser's first of navigator.languages that covalue writes in,
// else English. `<html lang>` follows it; dates and numbers are written with its locale (lib/format.ts).
//
// Adding a string:
//   1. Pick a key grouped by page or component ("ballot.submit", "layout.nav.home") and add it to en.json,
//      de.json and pl.json (the catalog check, web/scripts/check-i18n.mjs run by `make test`, names any key
//      missing in one of them or used in the code but absent from en.json).
//   2. In a component: `const t = useT();` then `t('ballot.submit')`; in a helper called while rendering,
//      import `t` from this module. Values go in as `{{name}}`: `t('home.votedBy', { when })`.
//   3. Counts use i18next's plural forms: `t('ballot.cast', { count })` with keys `cast_one`, `cast_other`
//      in English and German, and `cast_one`, `cast_few`, `cast_many`, `cast_other` in Polish (the check
//      asks for exactly the forms Intl.PluralRules names for each language).
//   4. Markup inside a sentence: write it as tags in the catalog ("Vote by <b>{{when}}</b>") and render it
//      with `rich(t('...'), { b: (s) => <strong>{s}</strong> })` from components/rich.tsx.
// Keys are literal strings wherever possible so the check can see them; enum labels and glossary terms are
// looked up by name (names.* and glossary.terms.*), and the check compares those catalogs' keys as well.

import i18next from 'i18next';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** The languages covalue writes in (the person record's `language` names). */
export const languages = ['en', 'de', 'pl'] as const;
export type Language = (typeof languages)[number];

/** Each language by its own name, as the switch lists them. */
export const languageNames: Record<Language, string> = { en: 'English', de: 'Deutsch', pl: 'Polski' };

/** The locale of dates and numbers in each language (English as written in Britain, as before). */
const locales: Record<Language, string> = { en: 'en-GB', de: 'de-DE', pl: 'pl-PL' };

type Catalog = Record<string, unknown>;
const loaders: Record<Language, () => Promise<{ default: Catalog }>> = {
  en: () => import('../locales/en.json'),
  de: () => import('../locales/de.json'),
  pl: () => import('../locales/pl.json'),
};

const storageKey = 'covalue.language';
const i18n = i18next.createInstance();
let current: Language = 'en';
let ready: Promise<unknown> | null = null;

export const isLanguage = (x: unknown): x is Language => typeof x === 'string' && (languages as readonly string[]).includes(x);

/** The language chosen with the switch in this browser, if any. */
export function storedLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The browser's first preferred language that covalue writes in ("de-AT" counts as German). */
export function browserLanguage(): Language | null {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = (tag ?? '').toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return null;
}

/** The language before anyone signs in: the switch's choice, else the browser's, else English. */
export const initialLanguage = (): Language => storedLanguage() ?? browserLanguage() ?? 'en';

/** The language in use now. */
export const language = (): Language => current;

/** The locale of dates and numbers in the language in use ("de-DE"). */
export const locale = (): string => locales[current];

/** Loads `lang`'s catalog (once) and makes it the language of every string, `<html lang>` included. */
export async function switchLanguage(lang: Language): Promise<void> {
  if (!ready) ready = i18n.init({ lng: lang, fallbackLng: false, resources: {}, interpolation: { escapeValue: false }, returnNull: false });
  await ready;
  if (!i18n.hasResourceBundle(lang, 'translation')) {
    const catalog = await loaders[lang]();
    i18n.addResourceBundle(lang, 'translation', catalog.default, true, true);
  }
  await i18n.changeLanguage(lang);
  current = lang;
  document.documentElement.lang = lang;
}

/** Remembers the switch's choice in this browser. */
export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // A browser that keeps nothing (private mode): the choice lasts until the page is left.
  }
}

/** The string of `key` in the language in use, with its values filled in. */
export function t(key: string, values?: Record<string, unknown>): string {
  return i18n.t(key, values as never) as unknown as string;
}

/** The language in use, provided by the app so that every component reading it renders again on a switch. */
export const LanguageContext = createContext<Language>('en');

/** `t` for a component: reading the context makes the component render again when the language changes. */
export function useT(): typeof t {
  useContext(LanguageContext);
  return t;
}
