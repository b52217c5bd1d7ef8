// A translated sentence with markup in it: the catalog writes "Vote by <b>{{when}}</b>" and the page says
// how each tag renders, so that translators move the emphasis, the link or the term with the words.

import type { ComponentChildren } from 'preact';

/** How each tag of a sentence renders its text. */
export type Tags = Record<string, (text: string) => ComponentChildren>;

/** `text` with its `<tag>inner</tag>` parts rendered by `tags` (not nested); an unknown tag stays plain text. */
export function rich(text: string, tags: Tags): ComponentChildren {
  const parts: ComponentChildren[] = [];
  const pattern = /<(\w+)>(.*?)<\/\1>/gs;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    const render = tags[m[1]];
    parts.push(render ? render(m[2]) : m[2]);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
