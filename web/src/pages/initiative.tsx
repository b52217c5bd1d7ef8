// One initiative: what it is, who proposed it, and what it does for each partner.

import { Badge, Card, Empty, ErrorBox, Loading, Num, PageHeader, PartnerChip } from '../components/ui';
import { get, post } from '../lib/api';
import { partnerColor } from '../lib/colors';
import { isCoordinator, useApp } from '../lib/context';
import { useAction, useAsync } from '../lib/hooks';
import { networkValue, unwrapInitiative } from '../lib/initiatives';
import { label } from '../lib/names';
import { num } from '../lib/rational';
import type { Initiative } from '../lib/types';

function ImpactBars(props: { initiative: Initiative }) {
  const impacts = [...(props.initiative.impacts ?? [])].sort((a, b) => num(b.estimate) - num(a.estimate));
  if (!impacts.length) return <Empty title="No impact estimates">Partners not listed are not affected (0).</Empty>;
  const max = Math.max(...impacts.map((i) => Math.abs(num(i.estimate))), 1e-9);
  return (
    <table class="table impacts">
      <thead>
        <tr>
          <th>Partner</th>
          <th class="right">Estimate</th>
          <th class="bar-col">Gain or de-optimisation</th>
        </tr>
      </thead>
      <tbody>
        {impacts.map((impact) => {
          const v = num(impact.estimate);
          const width = `${(50 * Math.abs(v)) / max}%`;
          return (
            <tr>
              <td>
                <PartnerChip id={impact.partner} />
              </td>
              <td class="right">
                <Num value={impact.estimate} signed />
              </td>
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
      </tbody>
    </table>
  );
}

export function InitiativePage(props: { id: number }) {
  const app = useApp();
  const data = useAsync(() => get<any>(`/initiatives/${props.id}`).then(unwrapInitiative), [props.id]);
  const withdraw = useAction();
  const i = data.data;
  const mayWithdraw =
    i && ['proposed', 'carried_over'].includes(i.status) && (isCoordinator(app.session) || app.session.partner === i.proposer);
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
                {i.cycle ? <a href={`/cycles/${i.cycle}`}>Cycle {i.cycle}</a> : <span class="muted">waits for the next cycle</span>}
              </>
            }
            actions={
              mayWithdraw && (
                <button
                  class="btn danger"
                  disabled={withdraw.busy}
                  onClick={async () => {
                    if (!confirm(`Withdraw “${i.title}”? It will no longer be up for decision.`)) return;
                    if (await withdraw.run(() => post(`/initiatives/${i.id}/withdraw`))) data.reload();
                  }}
                >
                  Withdraw
                </button>
              )
            }
          />
          <ErrorBox error={withdraw.error} title="Could not withdraw" />
          <div class="grid-side">
            <Card title="Per-partner impact">
              <ImpactBars initiative={i} />
            </Card>
            <Card title="Facts">
              <dl class="facts">
                <dt>Network value</dt>
                <dd>
                  <Num value={networkValue(i)} signed />
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
                <dd>{i.lead ? <PartnerChip id={i.lead} /> : <span class="muted">not assigned</span>}</dd>
                <dt>Volunteers to lead</dt>
                <dd>{i.volunteers?.length ? i.volunteers.map((v) => <PartnerChip id={v} />) : <span class="muted">none</span>}</dd>
              </dl>
              {i.description && <p class="description">{i.description}</p>}
            </Card>
          </div>
        </>
      )}
    </>
  );
}
