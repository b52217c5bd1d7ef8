// Small building blocks shared by the pages.

import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ApiError } from '../lib/api';
import { partnerColor } from '../lib/colors';
import { useApp } from '../lib/context';
import { fieldName, plainMessage } from '../lib/errors';
import { t } from '../lib/i18n';
import { label } from '../lib/names';
import { exactTitle, fmt, fmtAgreement, fmtSigned, num } from '../lib/rational';
import { fmtValue } from '../lib/units';

export function PageHeader(props: { title: string; subtitle?: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <header class="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.subtitle && <p class="subtitle">{props.subtitle}</p>}
      </div>
      {props.actions && <div class="actions">{props.actions}</div>}
    </header>
  );
}

export function Card(props: { title?: ComponentChildren; extra?: ComponentChildren; children: ComponentChildren; class?: string; id?: string }) {
  return (
    <section class={'card ' + (props.class ?? '')} id={props.id}>
      {(props.title || props.extra) && (
        <div class="card-head">
          {props.title && <h2>{props.title}</h2>}
          {props.extra}
        </div>
      )}
      {props.children}
    </section>
  );
}

export function Kpi(props: { label: ComponentChildren; value: ComponentChildren; hint?: string; tone?: 'good' | 'bad' | 'neutral' }) {
  return (
    <div class={'kpi ' + (props.tone ?? '')}>
      <div class="kpi-label">{props.label}</div>
      <div class="kpi-value">{props.value}</div>
      {props.hint && <div class="kpi-hint">{props.hint}</div>}
    </div>
  );
}

/** The API's error in plain words (lib/errors.ts): what went wrong, what to do, and the field by its name. */
export function ErrorBox(props: { error?: ApiError; title?: string; onRetry?: () => void }) {
  const e = props.error;
  if (!e) return null;
  const field = e.status === 401 ? undefined : fieldName(e.field); // a refused sign-in names no one field
  return (
    <div class="error-box" role="alert">
      <div class="error-title">{props.title ?? t('ui.somethingWrong')}</div>
      <div class="error-message">{plainMessage(e)}</div>
      {field && <div class="error-field">{t('ui.checkField', { field })}</div>}
      {props.onRetry && (
        <button class="btn small" onClick={props.onRetry}>
          {t('ui.tryAgain')}
        </button>
      )}
    </div>
  );
}

export function Empty(props: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <div class="empty-icon" aria-hidden="true">
        ◌
      </div>
      <div class="empty-title">{props.title}</div>
      {props.children && <div class="empty-text">{props.children}</div>}
    </div>
  );
}

export function Loading(props: { what?: string }) {
  return (
    <div class="loading" aria-busy="true">
      <span class="spinner" /> {t('ui.loading', { what: props.what ?? '' })}
    </div>
  );
}

export function PartnerChip(props: { id: number | null | undefined; name?: string }) {
  const app = useApp();
  if (props.id == null || props.id === 0) return <span class="muted">–</span>;
  return (
    <a class="partner-chip" href={`/partners/${props.id}`}>
      <span class="dot" style={{ background: partnerColor(props.id) }} />
      {props.name ?? app.partnerName(props.id)}
    </a>
  );
}

export function Badge(props: { value: string; kind?: string }) {
  return <span class={`badge badge-${props.kind ?? props.value}`}>{label(props.value)}</span>;
}

/** A rational, formatted, with the exact value on hover. */
export function Num(props: { value: unknown; signed?: boolean }) {
  const v = num(props.value);
  const cls = props.signed && Number.isFinite(v) ? (v > 0 ? 'pos' : v < 0 ? 'neg' : '') : '';
  return (
    <span class={'num ' + cls} title={exactTitle(props.value)}>
      {props.signed ? fmtSigned(props.value) : fmt(props.value)}
    </span>
  );
}

/** A value figure with the network's unit ("+3.5 value points"), the exact value on hover. */
export function Value(props: { value: unknown; signed?: boolean }) {
  const { unit } = useApp();
  const v = num(props.value);
  const cls = props.signed && Number.isFinite(v) ? (v > 0 ? 'pos' : v < 0 ? 'neg' : '') : '';
  return (
    <span class={'num ' + cls} title={exactTitle(props.value)} data-unit={unit}>
      {fmtValue(props.value, unit, props.signed)}
    </span>
  );
}

/** The agreement index, the one way every page writes it (a percentage, one decimal), exact on hover. */
export function AgreementIndex(props: { value: unknown }) {
  return (
    <span class="num" data-testid="agreement-index" title={exactTitle(props.value)}>
      {fmtAgreement(props.value)}
    </span>
  );
}

export function YesNo(props: { value: unknown }) {
  const yes = props.value === true || props.value === 'yes';
  return <span class={yes ? 'yes' : 'no'}>{yes ? t('ui.yes') : t('ui.no')}</span>;
}

/** A table column's heading: its title, and the class of its cells (`right` for numbers). */
export type Column = string | { title: ComponentChildren; class?: string };

/** A right-aligned (numeric) column. */
export const right = (title: string): Column => ({ title, class: 'right' });

/** Gives every body cell of a `stack-on-phone` table that has none the `data-label` of its column's heading, so that
 * at phone size, where the headings are hidden and each row is a card, each value still says what it is. */
function labelCells(table: HTMLTableElement | null) {
  if (!table || !table.classList.contains('stack-on-phone')) return;
  // A heading only screen readers see (the column of a row's buttons) labels nothing.
  const headings = [...table.querySelectorAll<HTMLTableCellElement>('thead th')].map((th) => (th.querySelector('.sr-only') ? '' : (th.textContent ?? '').trim()));
  for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
    let column = 0;
    for (const cell of row.cells) {
      const heading = column > 0 && cell.colSpan === 1 ? headings[column] : '';
      // Labels the page gave stay; the ones given here follow the headings.
      if (!cell.hasAttribute('data-label') || cell.hasAttribute('data-auto-label')) {
        if (heading) {
          cell.setAttribute('data-label', heading);
          cell.setAttribute('data-auto-label', '');
        } else {
          cell.removeAttribute('data-label');
          cell.removeAttribute('data-auto-label');
        }
      }
      column += cell.colSpan;
    }
  }
}

/** A table that scrolls sideways inside its card: the column headings, then the rows given as children;
 * `before` stands before the headings (a colgroup), `wrap={false}` leaves out the scrolling wrapper. With the class
 * `stack-on-phone` each row becomes a card at phone size, each value labelled with its column's heading. */
export function Table(props: { class?: string; columns: Column[]; children: ComponentChildren; before?: ComponentChildren; wrap?: boolean }) {
  const ref = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => labelCells(ref.current));
  const table = (
    <table ref={ref} class={'table' + (props.class ? ' ' + props.class : '')}>
      {props.before}
      <thead>
        <tr>
          {props.columns.map((c) => (typeof c === 'string' ? <th>{c}</th> : <th class={c.class}>{c.title}</th>))}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
  return props.wrap === false ? table : <div class="table-wrap">{table}</div>;
}

/** A number cell: the value formatted (signed: with its sign and colour), right-aligned. */
export function NumCell(props: { value: unknown; signed?: boolean; label?: string; class?: string }) {
  return (
    <td class={'right' + (props.class ? ' ' + props.class : '')} data-label={props.label}>
      <Num value={props.value} signed={props.signed} />
    </td>
  );
}
