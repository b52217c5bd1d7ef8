// Withdrawing an undecided initiative, inline: its proposer's representative while the cycle is
// proposing, a coordinator at any time it is undecided. While the cycle votes it is taking the
// initiative off the ballot, and the reason is required.

import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, post } from '../lib/api';
import { isCoordinator } from '../lib/context';
import { useAction } from '../lib/hooks';
import { isUndecided } from '../lib/initiatives';
import { useT } from '../lib/i18n';
import { maxChars } from '../lib/limits';
import { fmtCount } from '../lib/rational';
import type { Cycle, Initiative, Session } from '../lib/types';
import { Card, ErrorBox } from './ui';

/** Whether the signed-in reader may withdraw `i` now (the server decides; this only hides the button). */
export function mayWithdraw(session: Session, i: Initiative, cycle: Cycle | undefined): boolean {
  if (!isUndecided(i)) return false;
  if (isCoordinator(session)) return true;
  return session.role === 'representative' && session.partner === i.proposer && cycle?.state !== 'voting';
}

/** The inline form: a reason (required while voting), what happens, and the button. */
export function WithdrawForm(props: { initiative: Initiative; cycle: Cycle | undefined; onCancel: () => void; onDone: (message: string) => void }) {
  const action = useAction();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<ApiError | undefined>();
  const area = useRef<HTMLTextAreaElement>(null);
  const i = props.initiative;
  const voting = props.cycle?.state === 'voting';
  const t = useT();
  useEffect(() => {
    area.current?.focus();
    area.current?.scrollIntoView({ block: 'center' });
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    setMissing(undefined);
    const text = reason.trim();
    if (voting && !text) {
      setMissing(new ApiError(0, 'invalid_input', t('withdraw.giveReason')));
      area.current?.focus();
      return;
    }
    const done = await action.run(() => post(`/initiatives/${i.id}/withdraw`, { reason: text }));
    if (done !== undefined)
      props.onDone(
        voting
          ? t('withdraw.offBallot', { title: i.title, cycle: props.cycle!.number })
          : t('withdraw.withdrawn', { title: i.title }),
      );
  }

  const error = missing ?? action.error;
  return (
    <Card title={voting ? t('withdraw.titleVoting', { cycle: props.cycle!.number }) : t('withdraw.title')} id="withdraw" class="danger-card">
      <form class="form" onSubmit={submit} data-testid="withdraw-form">
        <p class="form-intro" id="withdraw-help">
          {voting ? (
            t('withdraw.helpVoting')
          ) : (
            t('withdraw.help')
          )}
        </p>
        <label for="withdraw-reason">{voting ? t('withdraw.reasonRequired') : t('withdraw.reasonOptional')}</label>
        <textarea
          id="withdraw-reason"
          name="reason"
          ref={area}
          rows={3}
          maxLength={maxChars.reason}
          aria-required={voting}
          aria-invalid={!!error && (!!missing || error.field === 'reason')}
          aria-describedby="withdraw-help withdraw-count"
          placeholder={voting ? t('withdraw.placeholderVoting') : t('withdraw.placeholder')}
          value={reason}
          onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
        />
        <p class="hint" id="withdraw-count">
          {t('withdraw.count', { used: fmtCount(reason.length), max: fmtCount(maxChars.reason) })}
        </p>
        <ErrorBox error={error} title={voting ? t('withdraw.stillOn') : t('withdraw.notWithdrawn')} />
        <div class="button-row">
          <button class="btn danger solid" type="submit" data-action="confirm-withdraw" disabled={action.busy}>
            {action.busy ? t('withdraw.working') : voting ? t('withdraw.takeOff') : t('withdraw.button')}
          </button>
          <button class="btn ghost" type="button" onClick={props.onCancel}>
            {t('deadlines.cancel')}
          </button>
        </div>
      </form>
    </Card>
  );
}
