// Every cycle of the program, newest first; the coordinator opens the next one here.

import { useEffect, useRef, useState } from 'preact/hooks';
import { Deadlines, OpenCycleForm } from '../components/deadlines';
import { Badge, Card, Empty, ErrorBox, Loading, NumCell, PageHeader, right, Table } from '../components/ui';
import { isCoordinator, useApp } from '../lib/context';
import { loadCycles } from '../lib/cycles';
import { useAsync } from '../lib/hooks';
import { useT } from '../lib/i18n';
import { label } from '../lib/names';
import { navigate } from '../lib/router';
import type { Cycle } from '../lib/types';

/** "Open the next cycle": a dialog where the coordinator may set its deadlines first. */
export function OpenCycleButton(props: { onOpened?: (c: Cycle) => void }) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const t = useT();
  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  return (
    <>
      <button class="btn primary" data-action="open-cycle" onClick={() => setOpen(true)}>
        {t('deadlines.openTitle')}
      </button>
      {open && (
        <dialog ref={dialog} class="dialog" aria-labelledby="open-cycle-title" onClose={() => setOpen(false)}>
          <OpenCycleForm
            onCancel={() => setOpen(false)}
            onOpened={(cycle) => {
              setOpen(false);
              props.onOpened?.(cycle);
              navigate(`/cycles/${cycle.number}`);
            }}
          />
        </dialog>
      )}
    </>
  );
}

export function CyclesPage() {
  const app = useApp();
  const data = useAsync(loadCycles, []);
  const cycles = [...(data.data ?? [])].reverse();
  const latest = cycles[0];
  const canOpen = isCoordinator(app.session) && (!latest || latest.state === 'closed' || latest.state === 'reviewed');
  const t = useT();
  return (
    <>
      <PageHeader title={t('cycles.title')} subtitle={t('cycles.subtitle')} actions={canOpen && <OpenCycleButton />} />
      <ErrorBox error={data.error} title={t('cycles.loadFailed')} onRetry={data.reload} />
      {data.loading && !data.data && <Loading what={t('cycles.loading')} />}
      {data.data && cycles.length === 0 && (
        <Empty title={t('cycles.none')}>{isCoordinator(app.session) ? t('cycles.openFirst') : t('cycles.coordinatorOpens')}</Empty>
      )}
      {cycles.length > 0 && (
        <Card>
          <Table class="stack-on-phone" columns={[t('cycles.col.cycle'), t('cycles.col.state'), t('cycles.col.rule'), right(t('cycles.col.capacity')), right(t('cycles.col.shortlist')), { title: <span class="sr-only">{t('cycles.col.details')}</span> }]}>
            {cycles.map((c) => (
              <tr data-cycle={c.number}>
                <td>
                  <a class="strong" href={`/cycles/${c.number}`}>
                    {t('cycle.title', { cycle: c.number })}
                  </a>
                </td>
                <td>
                  <Badge value={c.state} />
                  <Deadlines cycle={c} compact />
                </td>
                <td>{label(c.rule)}</td>
                <NumCell value={c.capacity} />
                <td class="right">{c.shortlist?.length ? c.shortlist.length : <span class="muted">{t('cycles.all')}</span>}</td>
                <td class="right">
                  <a href={`/cycles/${c.number}`}>{c.state === 'closed' || c.state === 'reviewed' ? t('cycles.outcome') : c.state === 'voting' ? t('cycles.follow') : t('cycles.open')}</a>
                </td>
              </tr>
            ))}
          </Table>
        </Card>
      )}
    </>
  );
}
