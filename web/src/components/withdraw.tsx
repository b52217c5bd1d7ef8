// Withdrawing an undecided initiative, inline: its proposer's representative while the cycle is
// proposing, a coordinator at any time it is undecided. While the cycle votes it is taking the
// initiative off the ballot, and the reason is required.

import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, post } from '../lib/api';
import { isCoordinator } from '../lib/context';
import { useAction } from '../lib/hooks';
import { isUndecided } from '../lib/initiatives';
import { maxChars } from '../lib/limits';
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
  useEffect(() => {
    area.current?.focus();
    area.current?.scrollIntoView({ block: 'center' });
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    setMissing(undefined);
    const text = reason.trim();
    if (voting && !text) {
      setMissing(new ApiError(0, 'invalid_input', 'Give a reason: an initiative taken off a voting ballot is recorded in the audit log with why.'));
      area.current?.focus();
      return;
    }
    const done = await action.run(() => post(`/initiatives/${i.id}/withdraw`, { reason: text }));
    if (done !== undefined)
      props.onDone(
        voting
          ? `“${i.title}” is off the ballot of cycle ${props.cycle!.number}. Ballots that named it no longer count for it; the rest of each ballot stands.`
          : `“${i.title}” is withdrawn: it is no longer up for decision.`,
      );
  }

  const error = missing ?? action.error;
  return (
    <Card title={voting ? `Take it off the ballot of cycle ${props.cycle!.number}` : 'Withdraw this initiative'} id="withdraw" class="danger-card">
      <form class="form" onSubmit={submit} data-testid="withdraw-form">
        <p class="form-intro" id="withdraw-help">
          {voting ? (
            <>
              The initiative is on the ballot; partners' ballots that named it stop counting for it, and the rest of each ballot stands. It cannot be put back
              on this ballot. The reason is kept in the audit log.
            </>
          ) : (
            <>It will no longer be up for decision. The reason is kept in the audit log.</>
          )}
        </p>
        <label for="withdraw-reason">Reason{voting ? ' (required)' : ' (optional)'}</label>
        <textarea
          id="withdraw-reason"
          name="reason"
          ref={area}
          rows={3}
          maxLength={maxChars.reason}
          aria-required={voting}
          aria-invalid={!!error && (!!missing || error.field === 'reason')}
          aria-describedby="withdraw-help withdraw-count"
          placeholder={voting ? 'e.g. a duplicate of another initiative; its estimates were entered in the wrong unit' : 'e.g. merged into another proposal'}
          value={reason}
          onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
        />
        <p class="hint" id="withdraw-count">
          {reason.length.toLocaleString('en-GB')} of {maxChars.reason.toLocaleString('en-GB')} characters
        </p>
        <ErrorBox error={error} title={voting ? 'It is still on the ballot' : 'It was not withdrawn'} />
        <div class="button-row">
          <button class="btn danger solid" type="submit" data-action="confirm-withdraw" disabled={action.busy}>
            {action.busy ? 'Working…' : voting ? 'Take it off the ballot' : 'Withdraw initiative'}
          </button>
          <button class="btn ghost" type="button" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Card>
  );
}
