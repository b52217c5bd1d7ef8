// The initiative board: every initiative grouped by status.

import { useMemo, useState } from 'preact/hooks';
import { Badge, Empty, ErrorBox, Loading, NumCell, PageHeader, PartnerChip, right, Table } from '../components/ui';
import { get } from '../lib/api';
import { isCoordinator, isRepresentative, list, useApp } from '../lib/context';
import { useAsync } from '../lib/hooks';
import { rich } from '../components/rich';
import { networkValue } from '../lib/initiatives';
import { useT } from '../lib/i18n';
import { initiativeStatuses, label } from '../lib/names';
import type { Initiative } from '../lib/types';

/** The board's column widths (the title takes the rest). */
const widths = ['44px', '', '170px', '180px', '64px', '150px', '70px', '180px'];

function InitiativeTable(props: { items: Initiative[] }) {
  const t = useT();
  return (
    <Table
      class="fixed stack-on-phone"
      before={
        <colgroup>
          {widths.map((width) => (
            <col style={width ? { width } : undefined} />
          ))}
        </colgroup>
      }
      columns={[{ title: '#', class: 'id' }, t('initiatives.col.title'), t('initiatives.col.channel'), t('initiatives.col.proposer'), right(t('initiatives.col.cost')), right(t('initiatives.col.networkValue')), right(t('initiatives.col.cycle')), t('initiatives.col.lead')]}
    >
      {props.items.map((i) => (
        <tr data-initiative={i.id}>
          <td class="id">{i.id}</td>
          <td>
            <a href={`/initiatives/${i.id}`} class="strong">
              {i.title}
            </a>
          </td>
          <td>
            <span class={`channel channel-${i.channel}`}>{label(i.channel)}</span>
          </td>
          <td>
            <PartnerChip id={i.proposer} />
          </td>
          <NumCell value={i.cost} />
          <NumCell value={networkValue(i)} signed />
          <td class="right">{i.cycle || <span class="muted">{t('initiatives.next')}</span>}</td>
          <td>{i.lead ? <PartnerChip id={i.lead} /> : <span class="muted">–</span>}</td>
        </tr>
      ))}
    </Table>
  );
}

export function InitiativesPage() {
  const app = useApp();
  const data = useAsync(() => get<any>('/initiatives').then((r) => list<Initiative>(r, 'initiatives')), []);
  const [filter, setFilter] = useState<string>('all');
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const items = (data.data ?? []).filter((i) => !q || i.title.toLowerCase().includes(q) || app.partnerName(i.proposer).toLowerCase().includes(q));
    const known = new Set<string>(initiativeStatuses);
    const statuses = [...initiativeStatuses, ...new Set(items.map((i) => i.status).filter((s) => !known.has(s)))];
    return statuses.map((status) => ({ status, items: items.filter((i) => i.status === status).sort((a, b) => b.cycle - a.cycle || a.id - b.id) }));
  }, [data.data, query]);
  const canPropose = isRepresentative(app.session) || isCoordinator(app.session);
  const total = data.data?.length ?? 0;
  const t = useT();
  return (
    <>
      <PageHeader
        title={t('initiatives.title')}
        subtitle={t('initiatives.subtitle')}
        actions={
          canPropose && (
            <a class="btn primary" href="/initiatives/new">
              {t('initiatives.propose')}
            </a>
          )
        }
      />
      <ErrorBox error={data.error} title={t('initiatives.loadFailed')} onRetry={data.reload} />
      {data.loading && !data.data && <Loading what={t('initiatives.loading')} />}
      {data.data && total === 0 && (
        <Empty title={t('initiatives.none')}>
          {canPropose ? (
            <>{rich(t('initiatives.proposeFirst'), { a: (s) => <a href="/initiatives/new">{s}</a> })}</>
          ) : (
            t('initiatives.representativesPropose')
          )}
        </Empty>
      )}
      {data.data && total > 0 && (
        <>
          <div class="toolbar">
            <div class="tabs" role="tablist">
              <button role="tab" class={'tab' + (filter === 'all' ? ' active' : '')} onClick={() => setFilter('all')}>
                {t('initiatives.all')} <span class="count">{groups.reduce((n, g) => n + g.items.length, 0)}</span>
              </button>
              {groups.map((g) => (
                <button role="tab" class={'tab' + (filter === g.status ? ' active' : '')} onClick={() => setFilter(g.status)} disabled={g.items.length === 0}>
                  {label(g.status)} <span class="count">{g.items.length}</span>
                </button>
              ))}
            </div>
            <input class="search" type="search" placeholder={t('initiatives.search')} aria-label={t('initiatives.search')} value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
          </div>
          {groups
            .filter((g) => (filter === 'all' ? g.items.length > 0 : g.status === filter))
            .map((g) => (
              <section class="group" data-status={g.status}>
                <h2 class="group-title">
                  <Badge value={g.status} /> <span class="muted">{g.items.length}</span>
                </h2>
                {g.items.length ? <InitiativeTable items={g.items} /> : <Empty title={t('initiatives.noneWithStatus', { status: label(g.status).toLowerCase() })} />}
              </section>
            ))}
        </>
      )}
    </>
  );
}
