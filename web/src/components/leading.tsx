// Who leads an initiative: leading is consent. Volunteers offered to lead; nominees were named by a
// coordinator and lead only once they accept. A representative volunteers, withdraws the offer,
// accepts or declines; a coordinator names a partner or withdraws a pending nomination.

import { useEffect, useRef, useState } from 'preact/hooks';
import { del, put } from '../lib/api';
import { isCoordinator, isRepresentative, useApp } from '../lib/context';
import { useAction } from '../lib/hooks';
import { unwrapInitiative } from '../lib/initiatives';
import { useT } from '../lib/i18n';
import type { Initiative } from '../lib/types';
import { rich } from './rich';
import { Card, ErrorBox, PartnerChip } from './ui';

/** After a change: what to tell the reader, and the initiative as the server now has it. */
type Done = (message: string, changed: Initiative) => void;

/** What the representative of `partner` can do about leading this initiative. */
function RepresentativeChoice(props: { initiative: Initiative; partner: number; onDone: Done }) {
  const app = useApp();
  const action = useAction();
  const i = props.initiative;
  const me = app.partnerName(props.partner);
  const t = useT();
  const path = `/initiatives/${i.id}/volunteers/${props.partner}`;
  const run = (call: () => Promise<unknown>, message: string) => async () => {
    const changed = await action.run(call);
    if (changed) props.onDone(message, unwrapInitiative(changed));
  };
  let body;
  if (i.volunteers.includes(props.partner)) {
    body = (
      <>
        <p>
          {rich(t('leading.offered', { me }), { b: (s) => <strong>{s}</strong> })}
        </p>
        <div class="button-row">
          <button class="btn" data-action="withdraw-offer" disabled={action.busy} onClick={run(() => del(path), t('leading.noLongerOffers', { me }))}>
            {t('leading.withdrawOffer')}
          </button>
        </div>
      </>
    );
  } else if ((i.nominees ?? []).includes(props.partner)) {
    body = (
      <>
        <p>
          {rich(t('leading.named', { me }), { b: (s) => <strong>{s}</strong> })}
        </p>
        <div class="button-row">
          <button class="btn primary" data-action="accept-lead" disabled={action.busy} onClick={run(() => put(path), t('leading.accepted', { me }))}>
            {t('leading.accept')}
          </button>
          <button class="btn" data-action="decline-lead" disabled={action.busy} onClick={run(() => del(path), t('leading.declined', { me }))}>
            {t('leading.decline')}
          </button>
        </div>
      </>
    );
  } else {
    body = (
      <>
        <p>
          {rich(t('leading.would', { me }), { b: (s) => <strong>{s}</strong> })}
        </p>
        <div class="button-row">
          <button class="btn primary" data-action="volunteer" disabled={action.busy} onClick={run(() => put(path), t('leading.nowVolunteers', { me }))}>
            {t('leading.volunteer')}
          </button>
        </div>
      </>
    );
  }
  return (
    <div class="lead-choice">
      {body}
      <ErrorBox error={action.error} title={t('leading.notChanged')} />
    </div>
  );
}

/** The coordinator names a member partner to lead (a nominee until it accepts). */
function NameToLead(props: { initiative: Initiative; onDone: Done }) {
  const app = useApp();
  const action = useAction();
  const [chosen, setChosen] = useState('');
  const t = useT();
  const i = props.initiative;
  const taken = new Set([...i.volunteers, ...(i.nominees ?? [])]);
  const choices = app.partners.filter((p) => p.left_cycle == null && !taken.has(p.id));
  async function submit(event: Event) {
    event.preventDefault();
    if (!chosen) return;
    const name = app.partnerName(Number(chosen));
    const changed = await action.run(() => put(`/initiatives/${i.id}/volunteers/${chosen}`));
    if (changed) {
      setChosen('');
      props.onDone(t('leading.isNamed', { name }), unwrapInitiative(changed));
    }
  }
  return (
    <form class="name-lead" onSubmit={submit}>
      <label for="name-lead">{t('leading.nameLabel')}</label>
      <div class="inline-form">
        <select id="name-lead" value={chosen} onChange={(e) => setChosen((e.target as HTMLSelectElement).value)} aria-describedby="name-lead-hint">
          <option value="">{t('ballot.choosePartner')}</option>
          {choices.map((p) => (
            <option value={p.id}>{p.name}</option>
          ))}
        </select>
        <button class="btn primary" type="submit" data-action="name-lead" disabled={action.busy || !chosen}>
          {t('leading.nameButton')}
        </button>
      </div>
      <p class="hint" id="name-lead-hint">
        {t('leading.nameHint')}
      </p>
      <ErrorBox error={action.error} title={t('leading.notNamed')} />
    </form>
  );
}

/** A nominee's chip; a coordinator can withdraw the nomination while it is pending. */
function Nominee(props: { initiative: Initiative; partner: number; withdrawable: boolean; onDone: Done }) {
  const app = useApp();
  const action = useAction();
  const name = app.partnerName(props.partner);
  const t = useT();
  return (
    <li data-nominee={props.partner}>
      <PartnerChip id={props.partner} />
      <span class="muted small">{props.partner === app.session.partner ? t('leading.waitingYou') : t('leading.waitingThem')}</span>
      {props.withdrawable && (
        <button
          class="btn small ghost"
          data-action="withdraw-nomination"
          disabled={action.busy}
          onClick={async () => {
            const changed = await action.run(() => del(`/initiatives/${props.initiative.id}/volunteers/${props.partner}`));
            if (changed) props.onDone(t('leading.nominationWithdrawn', { name }), unwrapInitiative(changed));
          }}
        >
          {t('leading.withdrawNomination')}<span class="sr-only"> {t('leading.of', { name })}</span>
        </button>
      )}
      <ErrorBox error={action.error} title={t('leading.nominationNotWithdrawn')} />
    </li>
  );
}

/** The "Who leads it" card: the lead once decided, volunteers, nominees and the actions the reader may take. */
export function LeadingCard(props: { initiative: Initiative; undecided: boolean; onChanged: () => void }) {
  const app = useApp();
  const [notice, setNotice] = useState('');
  // The server's answer to the last change, shown until the page's own copy is reloaded.
  const [changed, setChanged] = useState<Initiative | undefined>();
  useEffect(() => setChanged(undefined), [props.initiative]);
  const i = changed?.id === props.initiative.id ? changed : props.initiative;
  const nominees = i.nominees ?? [];
  const coordinator = isCoordinator(app.session);
  const partner = isRepresentative(app.session) ? app.session.partner! : null;
  // After a change the button pressed may be gone: the keyboard focus goes to the next step instead.
  const refocus = useRef(false);
  const t = useT();
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    document.getElementById('leading')?.querySelector<HTMLElement>('.lead-choice button:not([disabled]), #name-lead')?.focus();
  });
  const done: Done = (message, now) => {
    setNotice(message);
    setChanged(now);
    refocus.current = true;
    props.onChanged();
  };
  if (!props.undecided && !i.lead)
    return (
      <Card title={t('leading.title')} id="leading">
        <p class="muted">{i.status === 'withdrawn' ? t('leading.wasWithdrawn') : t('leading.notSelected')}</p>
      </Card>
    );
  return (
    <Card title={t('leading.title')} id="leading">
      <div role="status">{notice && <p class="notice-ok">✓ {notice}</p>}</div>
      {i.lead && (
        <p>
          {t('leading.lead')} <PartnerChip id={i.lead} />
        </p>
      )}
      <h3 class="sub-head">{t('leading.volunteers')}</h3>
      {i.volunteers.length ? (
        <ul class="people" data-testid="volunteers">
          {i.volunteers.map((v) => (
            <li data-volunteer={v}>
              <PartnerChip id={v} />
              <span class="muted small">{t('leading.offeredShort')}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted" data-testid="volunteers">
          {t('leading.noVolunteers')}
        </p>
      )}
      {nominees.length > 0 && (
        <>
          <h3 class="sub-head">{t('leading.namedByCoordinator')}</h3>
          <ul class="people" data-testid="nominees">
            {nominees.map((n) => (
              <Nominee initiative={i} partner={n} withdrawable={coordinator && props.undecided} onDone={done} />
            ))}
          </ul>
        </>
      )}
      {props.undecided ? (
        <div class="lead-actions">
          {partner != null && <RepresentativeChoice initiative={i} partner={partner} onDone={done} />}
          {coordinator && <NameToLead initiative={i} onDone={done} />}
        </div>
      ) : (
        <p class="muted small">{t('leading.settled')}</p>
      )}
    </Card>
  );
}
