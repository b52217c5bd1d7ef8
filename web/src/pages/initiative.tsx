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
import { rich } from '../components/rich';
import { t, useT } from '../lib/i18n';
import { label } from '../lib/names';
import { num } from '../lib/rational';
import type { Cycle, Initiative } from '../lib/types';

const barHeading = () => (
  <>
    <span class="wide-only">{t('initiative.gainOrDeopt')}</span>
    <span class="phone-only">{t('initiative.gainLoss')}</span>
  </>
);

function ImpactBars(props: { initiative: Initiative }) {
  const impacts = [...(props.initiative.impacts ?? [])].sort((a, b) => num(b.estimate) - num(a.estimate));
  const t = useT();
  if (!impacts.length) return <Empty title={t('initiative.noImpacts')}>{t('initiative.noImpactsText')}</Empty>;
  const max = Math.max(...impacts.map((i) => Math.abs(num(i.estimate))), 1e-9);
  return (
    <Table class="impacts" wrap={false} columns={[t('initiative.partner'), right(t('initiative.estimate')), { title: barHeading(), class: 'bar-col' }]}>
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
  const t = useT();
  const nominated = !!i && undecided && app.session.role === 'representative' && (i.nominees ?? []).includes(app.session.partner ?? -1);
  return (
    <>
      <p class="crumbs">
        <a href="/initiatives">{t('layout.nav.initiatives')}</a> / #{props.id}
      </p>
      <ErrorBox error={data.error} title={t('initiative.loadFailed')} onRetry={data.reload} />
      {data.loading && !i && <Loading what={t('initiative.loading')} />}
      {i && (
        <>
          <PageHeader
            title={i.title}
            subtitle={
              <>
                <Badge value={i.status} /> <span class={`channel channel-${i.channel}`}>{label(i.channel)}</span>{' '}
                {i.cycle ? (
                  <a href={`/cycles/${i.cycle}`}>
                    {t('initiative.cycle', { cycle: i.cycle })}
                    {cycle && undecided ? ` (${label(cycle.state).toLowerCase()})` : ''}
                  </a>
                ) : (
                  <span class="muted">{t('initiative.waits')}</span>
                )}
              </>
            }
            actions={
              canWithdraw &&
              !withdrawing && (
                <button class="btn danger" data-action="withdraw" onClick={() => setWithdrawing(true)}>
                  {voting ? t('cycle.takeOff') : t('initiative.withdraw')}
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
            <p class="notice">{t('initiative.votingOnIt', { cycle: cycle!.number })}</p>
          )}
          {nominated && (
            <p class="notice callout" data-testid="nomination-callout">
              {rich(t('initiative.nominated', { partner: app.partnerName(app.session.partner) }), { b: (s) => <strong>{s}</strong>, a: (s) => <a href="#leading">{s}</a> })}
            </p>
          )}
          <div class="grid-side">
            <Card title={t('initiative.impact')} extra={<span class="muted small">{t('initiative.impactNote', { unit: app.unit })}</span>}>
              <ImpactBars initiative={i} />
            </Card>
            <div class="stack">
              <Card title={t('initiative.facts')}>
                <dl class="facts">
                  <dt>{t('initiative.networkValue')}</dt>
                  <dd>
                    <Num value={networkValue(i)} signed /> <span class="muted">{app.unit}</span>
                  </dd>
                  <dt>{t('initiative.cost')}</dt>
                  <dd>
                    <Num value={i.cost} /> <span class="muted">{t('initiative.capacityUnits')}</span>
                  </dd>
                  <dt>{t('initiative.proposer')}</dt>
                  <dd>
                    <PartnerChip id={i.proposer} />
                  </dd>
                  <dt>{t('initiative.lead')}</dt>
                  <dd>{i.lead ? <PartnerChip id={i.lead} /> : <span class="muted">{undecided ? t('initiative.leadLater') : t('initiative.none')}</span>}</dd>
                </dl>
                {i.description && <p class="description">{i.description}</p>}
              </Card>
              <LeadingCard initiative={i} undecided={undecided} onChanged={data.reload} />
            </div>
          </div>
          {!undecided && <LeadDelivery id={i.id} onChanged={data.reload} />}
          <ThreadCard kind="initiative" id={i.id} what={t('home.quoted', { title: i.title })} />
        </>
      )}
    </>
  );
}
