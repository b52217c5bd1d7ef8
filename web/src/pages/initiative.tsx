// One initiative: what it is, who proposed it, what it does for each partner, who leads it;
// withdrawing it (or taking it off a voting ballot) inline; once selected, its delivery by the lead.

import { useEffect, useRef, useState } from 'preact/hooks';
import { LeadingCard } from '../components/leading';
import { LeadDelivery } from '../components/lead-delivery';
import { ThreadCard } from '../components/thread';
import { Badge, Card, Empty, ErrorBox, Loading, Num, NumCell, PageHeader, PartnerChip, right, Table } from '../components/ui';
import { mayWithdraw, WithdrawForm } from '../components/withdraw';
import { get } from '../lib/api';
import { partnerColor } from '../lib/colors';
import { useApp } from '../lib/context';
import { useAsync } from '../lib/hooks';
import { isUndecided, networkValue, unwrapInitiative } from '../lib/initiatives';
import { label } from '../lib/names';
import { num } from '../lib/rational';
import type { Cycle, Initiative } from '../lib/types';

const barHeading = (
  <>
    <span class="wide-only">Gain or de-optimisation</span>
    <span class="phone-only">Gain / loss</span>
  </>
);

function ImpactBars(props: { initiative: Initiative }) {
  const impacts = [...(props.initiative.impacts ?? [])].sort((a, b) => num(b.estimate) - num(a.estimate));
  if (!impacts.length) return <Empty title="No impact estimates">Partners not listed are not affected (0).</Empty>;
  const max = Math.max(...impacts.map((i) => Math.abs(num(i.estimate))), 1e-9);
  return (
    <Table class="impacts" wrap={false} columns={['Partner', right('Estimate'), { title: barHeading, class: 'bar-col' }]}>
      {impacts.map((impact) => {
        const v = num(impact.estimate);
        const width = `${(50 * Math.abs(v)) / max}%`;
        return (
          <tr>
            <td>
              <PartnerChip id={impact.partner} />
            </td>
            <NumCell value={impact.estimate} signed />
            <td class="bar-col">
              <div class="diverging">
                <span class="axis" />
                <span
                  class={'bar ' + (v < 0 ? 'neg' : 'pos')}
                  style={v < 0 ? { right: '50%', width } : { left: '50%', width, background: partnerColor(impact.partner) }}
                />
              </div>
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

async function loadInitiative(id: number): Promise<{ initiative: Initiative; cycle?: Cycle }> {
  const initiative = unwrapInitiative(await get<any>(`/initiatives/${id}`));
  // Cycle 0: it waits for the next cycle to open. Without the cycle's state the page offers less, the server still decides.
  const cycle = initiative.cycle ? await get<any>(`/cycles/${initiative.cycle}`).then((r) => (r?.cycle ?? r) as Cycle, () => undefined) : undefined;
  return { initiative, cycle };
}

export function InitiativePage(props: { id: number }) {
  const app = useApp();
  const data = useAsync(() => loadInitiative(props.id), [props.id]);
  const [withdrawing, setWithdrawing] = useState(() => location.hash === '#withdraw');
  const [notice, setNotice] = useState('');
  useEffect(() => {
    setNotice('');
    setWithdrawing(location.hash === '#withdraw');
  }, [props.id]);
  // Closing the form puts the keyboard focus back on the button that opened it, or on the outcome.
  const focusAfterForm = useRef<'button' | 'notice' | null>(null);
  useEffect(() => {
    if (withdrawing || !focusAfterForm.current) return;
    const target = focusAfterForm.current === 'button' ? '[data-action=withdraw]' : '.page-notice';
    focusAfterForm.current = null;
    document.querySelector<HTMLElement>(target)?.focus();
  }, [withdrawing, notice]);
  /** Closes the form; the address no longer asks for it. */
  const closeForm = (then: 'button' | 'notice') => {
    focusAfterForm.current = then;
    setWithdrawing(false);
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  };
  const i = data.data?.initiative;
  const cycle = data.data?.cycle;
  const undecided = !!i && isUndecided(i);
  const canWithdraw = !!i && mayWithdraw(app.session, i, cycle);
  const voting = cycle?.state === 'voting';
  const ownProposal = !!i && app.session.role === 'representative' && app.session.partner === i.proposer;
  const nominated = !!i && undecided && app.session.role === 'representative' && (i.nominees ?? []).includes(app.session.partner ?? -1);
  return (
    <>
      <p class="crumbs">
        <a href="/initiatives">Initiatives</a> / #{props.id}
      </p>
      <ErrorBox error={data.error} title="The initiative could not be loaded" onRetry={data.reload} />
      {data.loading && !i && <Loading what="the initiative" />}
      {i && (
        <>
          <PageHeader
            title={i.title}
            subtitle={
              <>
                <Badge value={i.status} /> <span class={`channel channel-${i.channel}`}>{label(i.channel)}</span>{' '}
                {i.cycle ? (
                  <a href={`/cycles/${i.cycle}`}>
                    Cycle {i.cycle}
                    {cycle && undecided ? ` (${label(cycle.state).toLowerCase()})` : ''}
                  </a>
                ) : (
                  <span class="muted">waits for the next cycle</span>
                )}
              </>
            }
            actions={
              canWithdraw &&
              !withdrawing && (
                <button class="btn danger" data-action="withdraw" onClick={() => setWithdrawing(true)}>
                  {voting ? 'Take off the ballot…' : 'Withdraw…'}
                </button>
              )
            }
          />
          <div role="status">
            {notice && (
              <p class="notice-ok page-notice" tabIndex={-1}>
                ✓ {notice}
              </p>
            )}
          </div>
          {canWithdraw && withdrawing && (
            <WithdrawForm
              initiative={i}
              cycle={cycle}
              onCancel={() => closeForm('button')}
              onDone={(message) => {
                closeForm('notice');
                setNotice(message);
                data.reload();
              }}
            />
          )}
          {ownProposal && undecided && voting && (
            <p class="notice">Cycle {cycle!.number} is voting on it: only the coordinator can take it off the ballot now.</p>
          )}
          {nominated && (
            <p class="notice callout" data-testid="nomination-callout">
              The coordinator named <strong>{app.partnerName(app.session.partner)}</strong> to lead this initiative: <a href="#leading">accept or decline</a>.
            </p>
          )}
          <div class="grid-side">
            <Card title="Per-partner impact" extra={<span class="muted small">{app.unit}; below 0 = de-optimisation</span>}>
              <ImpactBars initiative={i} />
            </Card>
            <div class="stack">
              <Card title="Facts">
                <dl class="facts">
                  <dt>Network value</dt>
                  <dd>
                    <Num value={networkValue(i)} signed /> <span class="muted">{app.unit}</span>
                  </dd>
                  <dt>Cost</dt>
                  <dd>
                    <Num value={i.cost} /> <span class="muted">capacity units</span>
                  </dd>
                  <dt>Proposer</dt>
                  <dd>
                    <PartnerChip id={i.proposer} />
                  </dd>
                  <dt>Lead</dt>
                  <dd>{i.lead ? <PartnerChip id={i.lead} /> : <span class="muted">{undecided ? 'decided when the cycle closes' : 'none'}</span>}</dd>
                </dl>
                {i.description && <p class="description">{i.description}</p>}
              </Card>
              <LeadingCard initiative={i} undecided={undecided} onChanged={data.reload} />
            </div>
          </div>
          {!undecided && <LeadDelivery id={i.id} onChanged={data.reload} />}
          <ThreadCard kind="initiative" id={i.id} what={`“${i.title}”`} />
        </>
      )}
    </>
  );
}
