// The partners: tier, membership, cumulative net value and retention risk.

import { Badge, Card, Empty, ErrorBox, Loading, Num, PageHeader, right, Table } from '../components/ui';
import { get } from '../lib/api';
import { partnerColor } from '../lib/colors';
import { useApp } from '../lib/context';
import { useAsync } from '../lib/hooks';
import { label } from '../lib/names';
import { normaliseReport, table } from '../lib/reports';
import { pct } from '../lib/rational';

export function RiskBadge(props: { band: unknown; score?: unknown }) {
  if (props.band == null || props.band === '' || props.band === '-') return <span class="muted">–</span>;
  const band = String(props.band);
  return (
    <span class={`risk risk-${band}`}>
      {label(band)}
      {props.score != null && props.score !== '' ? ` · ${props.score}` : ''}
    </span>
  );
}

export function PartnersPage() {
  const app = useApp();
  const data = useAsync(
    () =>
      Promise.all([
        get<any>('/reports/engagement').then(normaliseReport).catch(() => null),
        get<any>('/reports/fairness').then(normaliseReport).catch(() => null),
      ]),
    [],
  );
  const engagement = new Map(table(data.data?.[0], 'partners').rows.map((r) => [Number(r.partner), r]));
  const fairness = new Map(table(data.data?.[1], 'partners').rows.map((r) => [Number(r.partner), r]));
  const partners = [...app.partners].sort((a, b) => Number(a.left_cycle != null) - Number(b.left_cycle != null) || a.id - b.id);
  return (
    <>
      <PageHeader title="Partners" subtitle={`${app.partners.filter((p) => p.left_cycle == null).length} members of the network`} />
      <ErrorBox error={data.error} title="The partner reports could not be loaded" onRetry={data.reload} />
      {data.loading && !data.data && <Loading what="partner reports" />}
      {partners.length === 0 ? (
        <Empty title="No partners yet">The coordinator adds partners with <code>covalue partner add</code>.</Empty>
      ) : (
        <Card>
          <Table
            columns={['Partner', 'Tier', 'Membership', right('Net value'), right('De-opt. share'), right('Longest dry spell'), right('Turnout'), 'Retention risk']}
          >
            {partners.map((p) => {
              const e = engagement.get(p.id);
              const f = fairness.get(p.id);
              return (
                <tr data-partner={p.id} class={p.left_cycle != null ? 'left' : ''}>
                  <td>
                    <a class="partner-chip strong" href={`/partners/${p.id}`}>
                      <span class="dot" style={{ background: partnerColor(p.id) }} />
                      {p.name}
                    </a>
                  </td>
                  <td>{label(p.tier)}</td>
                  <td>{p.left_cycle != null ? <Badge value="left" kind="withdrawn" /> : <span class="muted">since cycle {p.joined_cycle}</span>}</td>
                  <td class="right">{f ? <Num value={f.net_value} signed /> : '–'}</td>
                  <td class="right">{f ? pct(f.deopt_share) : '–'}</td>
                  <td class="right">{f?.longest_dry_spell ?? '–'}</td>
                  <td class="right">{e && Number(e.ballots_issued) > 0 ? `${e.ballots_cast}/${e.ballots_issued}` : '–'}</td>
                  <td>
                    <RiskBadge band={e?.risk_band} score={e?.risk_score} />
                  </td>
                </tr>
              );
            })}
          </Table>
        </Card>
      )}
    </>
  );
}
