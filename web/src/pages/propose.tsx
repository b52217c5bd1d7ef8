// Propose an initiative: what it is, what it costs, and what it does for each partner.

import { useMemo, useState } from 'preact/hooks';
import { Card, ErrorBox, Num, PageHeader } from '../components/ui';
import { ApiError, post } from '../lib/api';
import { partnerColor } from '../lib/colors';
import { isCoordinator, useApp } from '../lib/context';
import { useAction } from '../lib/hooks';
import { unwrapInitiative } from '../lib/initiatives';
import { amountBounds, amountPattern, amountProblem, maxChars } from '../lib/limits';
import { channels, label } from '../lib/names';
import { useT } from '../lib/i18n';
import { fmtCount, num } from '../lib/rational';
import { navigate } from '../lib/router';

export function ProposePage() {
  const app = useApp();
  const members = app.partners.filter((p) => p.left_cycle == null);
  const coordinator = isCoordinator(app.session);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [channel, setChannel] = useState<string>('supply_chain');
  const [cost, setCost] = useState('');
  const [proposer, setProposer] = useState<number>(app.session.partner ?? members[0]?.id ?? 0);
  const [impacts, setImpacts] = useState<Record<number, string>>({});
  const [volunteer, setVolunteer] = useState(false);
  const [localError, setLocalError] = useState<ApiError | undefined>();
  const [localField, setLocalField] = useState<string | undefined>(); // the input a local check faults
  const [sentImpacts, setSentImpacts] = useState<number[]>([]); // partner of each impacts[k] sent
  const action = useAction();
  const t = useT();

  const error = localError ?? action.error;
  const field = localError ? localField : action.error?.field;
  /** True when the error names this field ("cost", "body.cost", "impacts[2].estimate", ...). */
  const invalid = (name: string) => !!field && field.replace(/^body\./, '').startsWith(name);
  /** Refuses the form before it is sent: the message in words, the input to mark. */
  const refuse = (message: string, at: string) => {
    setLocalError(new ApiError(0, 'invalid_input', message));
    setLocalField(at);
  };
  /** The impact row a local check or the server's `impacts[k].estimate` names. */
  const impactInvalid = (partner: number) => {
    if (field === `impact-${partner}`) return true;
    const k = /^(?:body\.)?impacts\[(\d+)\]/.exec(field ?? '');
    return !!k && sentImpacts[Number(k[1])] === partner;
  };
  const total = useMemo(() => Object.values(impacts).reduce((s, v) => s + (amountPattern.test(v.trim()) ? num(v.trim()) : 0), 0), [impacts]);

  async function submit(event: Event) {
    event.preventDefault();
    setLocalError(undefined);
    if (!title.trim()) return refuse(t('propose.giveTitle'), 'title');
    const costProblem = amountProblem(cost.trim(), 'positive');
    if (costProblem) return refuse(t('propose.costProblem', { problem: costProblem }), 'cost');
    const entries = Object.entries(impacts).filter(([, v]) => v.trim() !== '');
    for (const [partner, v] of entries) {
      const problem = amountProblem(v.trim());
      if (problem) return refuse(t('propose.impactProblem', { partner: app.partnerName(Number(partner)), problem }), `impact-${partner}`);
    }
    const sent = entries.filter(([, v]) => num(v.trim()) !== 0);
    setSentImpacts(sent.map(([p]) => Number(p)));
    const body = {
      title: title.trim(),
      description: description.trim(),
      channel,
      cost: cost.trim(),
      proposer,
      impacts: sent.map(([p, v]) => ({ partner: Number(p), estimate: v.trim() })),
      volunteers: volunteer ? [proposer] : [],
    };
    const created = await action.run(() => post<any>('/initiatives', body));
    if (created) navigate(`/initiatives/${unwrapInitiative(created).id}`);
  }

  return (
    <>
      <p class="crumbs">
        <a href="/initiatives">{t('layout.nav.initiatives')}</a> / {t('propose.new')}
      </p>
      <PageHeader title={t('propose.title')} subtitle={t('propose.subtitle')} />
      <form class="grid-side" onSubmit={submit} id="propose-form">
        <Card title={t('propose.theInitiative')}>
          <div class="form">
            <label for="title">{t('propose.titleLabel')}</label>
            <input id="title" name="title" aria-invalid={invalid('title')} value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} maxLength={maxChars.title} aria-describedby="title-hint" />
            <p class="hint" id="title-hint">
              {t('propose.titleHint', { max: maxChars.title })}
            </p>
            <label for="description">{t('propose.description')}</label>
            <textarea
              id="description"
              name="description"
              rows={4}
              aria-invalid={invalid('description')}
              value={description}
              onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)}
              maxLength={maxChars.description}
              aria-describedby="description-hint"
            />
            <p class="hint" id="description-hint">
              {t('propose.descriptionHint', { max: fmtCount(maxChars.description), used: fmtCount(description.length) })}
            </p>
            <div class="row-2">
              <div>
                <label for="channel">{t('propose.channel')}</label>
                <select id="channel" name="channel" aria-invalid={invalid('channel')} value={channel} onChange={(e) => setChannel((e.target as HTMLSelectElement).value)}>
                  {channels.map((c) => (
                    <option value={c}>{label(c)}</option>
                  ))}
                </select>
              </div>
              <div>
                <label for="cost">{t('propose.cost')}</label>
                <input
                  id="cost"
                  name="cost"
                  aria-invalid={invalid('cost')}
                  aria-describedby="cost-hint"
                  inputMode="decimal"
                  placeholder={t('propose.costPlaceholder')}
                  maxLength={32}
                  value={cost}
                  onInput={(e) => setCost((e.target as HTMLInputElement).value)}
                />
                <p class="hint" id="cost-hint">
                  {t('propose.costHint', { bounds: amountBounds() })}
                </p>
              </div>
            </div>
            {coordinator && (
              <>
                <label for="proposer">{t('propose.onBehalf')}</label>
                <select id="proposer" value={proposer} onChange={(e) => setProposer(Number((e.target as HTMLSelectElement).value))}>
                  {members.map((p) => (
                    <option value={p.id}>{p.name}</option>
                  ))}
                </select>
              </>
            )}
            <label class="check">
              <input type="checkbox" name="volunteer" checked={volunteer} onChange={(e) => setVolunteer((e.target as HTMLInputElement).checked)} />
              {coordinator
                ? t('propose.nameLead', { partner: app.partnerName(proposer) })
                : t('propose.volunteer', { partner: app.partnerName(proposer) })}
            </label>
          </div>
        </Card>
        <Card title={t('propose.impact')} extra={<span class="muted small">{t('propose.blank')}</span>}>
          <p class="hint" id="impact-hint">
            {t('propose.impactHint', { unit: app.unit, bounds: amountBounds() })}
          </p>
          <table class="table compact">
            <tbody>
              {members.map((p) => (
                <tr>
                  <td>
                    <span class="dot" style={{ background: partnerColor(p.id) }} /> {p.name}
                  </td>
                  <td class="right">
                    <input
                      class="impact-input"
                      name={`impact-${p.id}`}
                      aria-label={t('propose.impactOn', { partner: p.name })}
                      aria-describedby="impact-hint"
                      aria-invalid={impactInvalid(p.id)}
                      inputMode="decimal"
                      maxLength={32}
                      placeholder="0"
                      value={impacts[p.id] ?? ''}
                      onInput={(e) => setImpacts({ ...impacts, [p.id]: (e.target as HTMLInputElement).value })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th>{t('propose.networkValue')}</th>
                <th class="right">
                  <Num value={total} signed />
                </th>
              </tr>
            </tfoot>
          </table>
        </Card>
        <div class="form-actions span-2">
          <ErrorBox error={error} title={t('propose.notAccepted')} />
          <button class="btn primary" type="submit" disabled={action.busy}>
            {action.busy ? t('propose.proposing') : t('propose.button')}
          </button>
          <a class="btn ghost" href="/initiatives">
            {t('deadlines.cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
