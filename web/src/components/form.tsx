// Form fields that guide: a label, the help, and the problem in plain words under the input, tied to it
// with aria-describedby; the problem shows once the person has tried to send and goes as soon as it is fixed.

import { t } from '../lib/i18n';
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiError } from '../lib/api';
import { plainMessage } from '../lib/errors';

/** The attributes the input of a field takes. */
export interface FieldAttrs {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export function Field(props: { id: string; label: ComponentChildren; hint?: ComponentChildren; problem?: string | null; children: (attrs: FieldAttrs) => JSX.Element }) {
  const hintId = props.hint ? `${props.id}-hint` : '';
  const problemId = props.problem ? `${props.id}-problem` : '';
  const describedBy = [problemId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children({ id: props.id, 'aria-describedby': describedBy, 'aria-invalid': props.problem ? true : undefined })}
      {props.problem && (
        <p class="field-problem" id={problemId}>
          {props.problem}
        </p>
      )}
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** The problems of a form's values, shown only after the first try to send it. */
export function useProblems<T extends Record<string, string | null | undefined>>(problems: T) {
  const [tried, setTried] = useState(false);
  const shown = (field: keyof T) => (tried ? problems[field] ?? null : null);
  const first = Object.entries(problems).find(([, p]) => p);
  return {
    shown,
    /** On submit: true when the form may be sent; otherwise shows the problems and focuses the first. */
    check(idOf: (field: string) => string = (f) => f): boolean {
      setTried(true);
      if (!first) return true;
      setTimeout(() => document.getElementById(idOf(first[0]))?.focus(), 0);
      return false;
    },
    reset: () => setTried(false),
    count: tried ? Object.values(problems).filter(Boolean).length : 0,
  };
}

/** The server's refusal in plain words: what it said, and which of the form's fields it is about. */
export function ApiProblem(props: { error?: ApiError; title: string; fields?: Record<string, string> }) {
  const e = props.error;
  if (!e) return null;
  const path = (e.field ?? '').replace(/^body\./, '');
  const about = props.fields?.[path] ?? Object.entries(props.fields ?? {}).find(([k]) => path.startsWith(k + '.') || path.startsWith(k + '['))?.[1];
  return (
    <div class="error-box" role="alert">
      <div class="error-title">{props.title}</div>
      <div class="error-message">{plainMessage(e)}</div>
      {about && <div class="error-field">{t('ui.checkField', { field: about })}</div>}
    </div>
  );
}

/** The form's own problems, counted, in an alert above the send button. */
export function ProblemSummary(props: { count: number }) {
  if (!props.count) return null;
  return (
    <div class="error-box" role="alert">
      <div class="error-title">{t('form.fieldsNeedChange', { count: props.count })}</div>
      <div class="error-message">{t('form.seeMessages')}</div>
    </div>
  );
}
