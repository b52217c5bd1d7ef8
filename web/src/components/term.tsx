// A word of jargon with its plain-language explanation on hover and on keyboard focus: a button (so it is
// reached with Tab and announced) described by a tooltip through aria-describedby; Escape hides the tooltip.
// The words come from lib/glossary.ts, the same as the glossary page's.

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { entry } from '../lib/glossary';

let counter = 0;

export function Term(props: { k: string; children?: ComponentChildren }) {
  const e = entry(props.k);
  const [id] = useState(() => `term-${props.k}-${++counter}`);
  const [hidden, setHidden] = useState(false);
  return (
    <span class={'term' + (hidden ? ' tip-hidden' : '')} data-term={props.k}>
      <button
        type="button"
        class="term-word"
        aria-describedby={id}
        onKeyDown={(ev) => ev.key === 'Escape' && setHidden(true)}
        onBlur={() => setHidden(false)}
        onMouseLeave={() => setHidden(false)}
      >
        {props.children ?? e.term}
      </button>
      <span role="tooltip" id={id} class="term-tip">
        {e.meaning}
      </span>
    </span>
  );
}

/** The glossary entry of each selection rule or sharing policy that has one. */
const ruleTerms: Record<string, string> = { mes: 'mes', phragmen: 'phragmen', network_fair: 'network-fair', shapley: 'shapley' };

/** A rule's or policy's name, with its explanation when the glossary has one. */
export function RuleName(props: { name: string; text: string }) {
  const k = ruleTerms[props.name];
  return k ? <Term k={k}>{props.text}</Term> : <>{props.text}</>;
}
