#!/usr/bin/env node
// The catalog check (run by `make test` as web_i18n_catalogs): every key of src/locales/en.json is in de.json
// and pl.json and the other way round, each plural has exactly the forms Intl.PluralRules names for its
// language (Polish: one, few, many, other), no string is empty, the {{values}} of a string are the same in
// every language, and every literal key the code passes to t('...') is in en.json. Prints each problem and
// exits 1 when there is one.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const languages = ['en', 'de', 'pl'];
const problems = [];

/** The catalog as flat "a.b.c" → string. */
function flatten(object, prefix = '', out = new Map()) {
  for (const [key, value] of Object.entries(object)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') flatten(value, path, out);
    else out.set(path, value);
  }
  return out;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const catalogs = Object.fromEntries(languages.map((l) => [l, flatten(JSON.parse(readFileSync(join(web, 'src/locales', `${l}.json`), 'utf8')))]));

/** The keys of a catalog with plural forms folded into their base key, and each base's forms. */
function bases(catalog) {
  const forms = new Map();
  for (const key of catalog.keys()) {
    const m = pluralSuffix.exec(key);
    const base = m ? key.slice(0, m.index) : key;
    if (!forms.has(base)) forms.set(base, new Set());
    if (m) forms.get(base).add(m[1]);
  }
  return forms;
}

const folded = Object.fromEntries(languages.map((l) => [l, bases(catalogs[l])]));
const values = (text) => [...String(text).matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort().join(',');

for (const lang of languages) {
  const required = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  for (const [base, forms] of folded[lang]) {
    if (forms.size && [...required].sort().join() !== [...forms].sort().join()) {
      problems.push(`${lang}.json: the plural ${base} has the forms ${[...forms].join(', ')}; ${lang} needs ${required.join(', ')}`);
    }
  }
  for (const [key, text] of catalogs[lang]) {
    if (typeof text !== 'string' || !text.trim()) problems.push(`${lang}.json: ${key} is empty`);
  }
  if (lang === 'en') continue;
  for (const base of folded.en.keys()) if (!folded[lang].has(base)) problems.push(`${lang}.json misses ${base} (in en.json)`);
  for (const base of folded[lang].keys()) if (!folded.en.has(base)) problems.push(`${lang}.json has ${base}, which en.json does not`);
  for (const [base, forms] of folded[lang]) {
    const enForms = folded.en.get(base);
    if (!enForms) continue;
    const enText = catalogs.en.get(enForms.size ? `${base}_other` : base);
    const text = catalogs[lang].get(forms.size ? `${base}_other` : base);
    if (values(enText) !== values(text)) problems.push(`${lang}.json: ${base} fills in {{${values(text)}}}, en.json {{${values(enText)}}}`);
    if (Boolean(enForms.size) !== Boolean(forms.size)) problems.push(`${lang}.json: ${base} is a plural in one language only`);
  }
}

/** Every .ts and .tsx file under src, but the generated ones. */
function sources(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'generated' && name !== 'locales') sources(path, out);
    } else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

let used = 0;
// Catalog keys written as strings in tables ('layout.nav.home', 'charter.field.capacity'): any literal that starts
// with a catalog section's name and a dot.
const sections = Object.keys(JSON.parse(readFileSync(join(web, 'src/locales/en.json'), 'utf8')));
const sectionKey = new RegExp(`['"]((?:${sections.join('|')})\\.[\\w.-]+)['"]`, 'g');
for (const file of sources(join(web, 'src'))) {
  // Comment lines (the examples of lib/i18n.ts) and imports ('chart.js') are no use of a key.
  const text = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && !/^\s*import\b|\bfrom\s+['"]/.test(line))
    .join('\n');
  // t('key') and t("key").
  for (const m of text.matchAll(/\bt\(\s*['"]([\w.-]+)['"]/g)) {
    used++;
    if (!folded.en.has(m[1])) problems.push(`${relative(web, file)}: t('${m[1]}') is not in en.json`);
  }
  for (const m of text.matchAll(sectionKey)) {
    if (!folded.en.has(m[1])) problems.push(`${relative(web, file)}: '${m[1]}' is not in en.json`);
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`i18n catalogs: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`i18n catalogs: ${folded.en.size} keys in en, de and pl; ${used} t() calls checked`);
