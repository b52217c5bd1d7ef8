// Every cycle of the program, newest first; the coordinator opens the next one here.

import { useEffect, useRef, useState } from 'preact/hooks';
import { Deadlines, OpenCycleForm } from '../components/deadlines';
import { Badge, Card, Empty, ErrorBox, Loading, NumCell, PageHeader, right, Table } from '../components/ui';
import { isCoordinator, useApp } from '../lib/context';
import { loadCycles } from '../lib/cycles';
import { useAsync } from '../lib/hooks';
import { label } from '../lib/names';
import { navigate } from '../lib/router';
import type { Cycle } from '../lib/types';

/** "Open the next cycle": a dialog where the coordinator may set its deadlines first. */
export function OpenCycleButton(props: { onOpened?: (c: Cycle) => void }) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  return (
    <>
      <button class="btn primary" data-action="open-cycle" onClick={() => setOpen(true)}>
        Open the next cycle
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
  return (
    <>
      <PageHeader title="Cycles" subtitle="Each cycle: proposing → voting → closed → reviewed" actions={canOpen && <OpenCycleButton />} />
      <ErrorBox error={data.error} title="The cycles could not be loaded" onRetry={data.reload} />
      {data.loading && !data.data && <Loading what="cycles" />}
      {data.data && cycles.length === 0 && (
        <Empty title="No cycle yet">{isCoordinator(app.session) ? 'Open the first cycle to start taking proposals.' : 'The coordinator opens the first cycle.'}</Empty>
      )}
      {cycles.length > 0 && (
        <Card>
          <Table class="stack-on-phone" columns={['Cycle', 'State', 'Rule', right('Capacity'), right('Shortlist'), { title: <span class="sr-only">Details</span> }]}>
            {cycles.map((c) => (
              <tr data-cycle={c.number}>
                <td>
                  <a class="strong" href={`/cycles/${c.number}`}>
                    Cycle {c.number}
                  </a>
                </td>
                <td>
                  <Badge value={c.state} />
                  <Deadlines cycle={c} compact />
                </td>
                <td>{label(c.rule)}</td>
                <NumCell value={c.capacity} />
                <td class="right">{c.shortlist?.length ? c.shortlist.length : <span class="muted">all</span>}</td>
                <td class="right">
                  <a href={`/cycles/${c.number}`}>{c.state === 'closed' || c.state === 'reviewed' ? 'Outcome →' : c.state === 'voting' ? 'Follow voting →' : 'Open →'}</a>
                </td>
              </tr>
            ))}
          </Table>
        </Card>
      )}
    </>
  );
}
