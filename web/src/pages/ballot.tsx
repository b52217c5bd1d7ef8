// The ballot of the cycle in voting: approve, rank (ties allowed), score or give points, and
// object with a reason. Shows the partner's current ballot and the scorecard ranking. A partner may delegate its
// ballot to another member partner (its proxy) and take it back; a proxy casts the ballots of the partners that
// delegated to it, each one theirs (docs/delegation.md).

import { useEffect, useMemo, useState } from 'preact/hooks';
import { Deadlines } from '../components/deadlines';
import { Badge, Card, Empty, ErrorBox, Loading, Num, NumCell, PageHeader, PartnerChip, right, Table } from '../components/ui';
import { ApiError, del, get, post, put } from '../lib/api';
import { isRepresentative, list, useApp } from '../lib/context';
import { candidatesOf, loadCycles } from '../lib/cycles';
import { useAction, useAsync } from '../lib/hooks';
import { networkValue } from '../lib/initiatives';
import { rich } from '../components/rich';
import { t, useT } from '../lib/i18n';
import { label } from '../lib/names';
import { addExact, amountProblem, amountValue, compareExact, type Exact, exactAmount, exactText, maxChars } from '../lib/limits';
import { fmt, fmtCount, num } from '../lib/rational';
import type { BallotFormat, Charter, Cycle, Delegation, Initiative, PartnerBallot, ScorecardEntry } from '../lib/types';

/** The formats, with the catalog keys of their button and help (ballot.format.<value>, ballot.help.<value>). */
const formats: { value: BallotFormat }[] = [{ value: 'approvals' }, { value: 'ranking' }, { value: 'scores' }, { value: 'points' }];

/** The charter's ballot limits: the top of the score scale, and the points budget (null: none). */
interface Limits {
  scoreMax: Exact;
  pointsBudget: Exact | null;
}

/** The limits of a charter (servers that do not state them: the old ones, 10^9 and no budget). */
function limitsOf(charter: Charter | undefined): Limits {
  const scoreMax = exactAmount(charter?.score_max ?? '1000000000') ?? { n: 1_000_000_000n, d: 1n };
  const budget = exactAmount(charter?.points_budget ?? '0');
  return { scoreMax, pointsBudget: budget && budget.n > 0n ? budget : null };
}

/** The scale of a score, and the budget of points, as the charter sets them. */
function scale(format: 'scores' | 'points', limits: Limits): string {
  if (format === 'scores') return t('ballot.scale.scores', { max: fmt(exactText(limits.scoreMax)) });
  if (limits.pointsBudget) return t('ballot.scale.pointsBudget', { budget: fmt(exactText(limits.pointsBudget)), count: amountValue(exactText(limits.pointsBudget)) });
  return t('ballot.scale.points', { max: fmtCount(1e9) });
}

/** Why the score or points a person typed would be refused, in words (null when fine or blank). */
function valueProblem(text: string | undefined, format: BallotFormat, limits: Limits): string | null {
  const typed = (text ?? '').trim();
  if (!typed) return null;
  const problem = amountProblem(typed);
  if (problem) return problem;
  if (amountValue(typed) < 0) return t(format === 'points' ? 'ballot.belowZeroPoints' : 'ballot.belowZeroScore', { typed });
  const value = exactAmount(typed);
  if (format === 'scores' && value && compareExact(value, limits.scoreMax) > 0) return t('ballot.aboveScoreMax', { max: fmt(exactText(limits.scoreMax)), typed });
  return null;
}

/** The points a draft gives in all, exactly (blank and unreadable values count 0). */
function pointsGiven(d: Draft): Exact {
  return entriesOf(d).reduce<Exact>((sum, e) => addExact(sum, exactAmount(e.value) ?? { n: 0n, d: 1n }), { n: 0n, d: 1n });
}

/** The entry (in the order the ballot is sent) whose points take the total over the budget, with that total. */
function overBudget(d: Draft, limits: Limits): { initiative: number; total: Exact } | null {
  if (d.format !== 'points' || !limits.pointsBudget) return null;
  let total: Exact = { n: 0n, d: 1n };
  for (const e of entriesOf(d)) {
    const v = exactAmount(e.value);
    if (!v || v.n < 0n) continue;
    total = addExact(total, v);
    if (compareExact(total, limits.pointsBudget) > 0) return { initiative: e.initiative, total };
  }
  return null;
}

/** A problem of the draft: in the list above the button (naming the initiative), and under its input. */
interface Problem {
  listed: string;
  here: string;
}

/** The problems of a draft before it is sent, by the id of the input they are about (in the table's order). */
function draftProblems(d: Draft, candidates: Initiative[], limits: Limits): Map<string, Problem> {
  const out = new Map<string, Problem>();
  const over = overBudget(d, limits);
  for (const c of candidates) {
    if (d.format === 'scores' || d.format === 'points') {
      let p = valueProblem(d.values[c.id], d.format, limits);
      if (!p && over?.initiative === c.id && limits.pointsBudget) {
        const excess = addExact(over.total, { n: -limits.pointsBudget.n, d: limits.pointsBudget.d });
        p = t('ballot.overBudget', { total: fmt(exactText(over.total)), budget: fmt(exactText(limits.pointsBudget)), excess: fmt(exactText(excess)), count: amountValue(exactText(limits.pointsBudget)) });
      }
      if (p) out.set(`value-${c.id}`, { listed: t(d.format === 'points' ? 'ballot.pointsFor' : 'ballot.scoreOf', { title: c.title, problem: p }), here: p });
    }
    const reason = d.objections[c.id] ?? '';
    if (d.objecting.has(c.id) && !reason.trim()) {
      out.set(`reason-${c.id}`, { listed: t('ballot.sayWhyListed', { title: c.title }), here: t('ballot.sayWhy') });
    } else if (reason.length > maxChars.reason) {
      const p = t('ballot.reasonTooLong', { max: fmtCount(maxChars.reason) });
      out.set(`reason-${c.id}`, { listed: t('ballot.objectionTo', { title: c.title, problem: p }), here: p });
    }
  }
  return out;
}

/** The server's refusal of a ballot in plain words: the field path (body.entries[0].value) becomes the initiative it is about. */
function refusalInWords(error: ApiError, sent: { entries: { initiative: number }[]; objections: { initiative: number }[] }, titles: Map<number, string>): string {
  const m = /^(?:body\.)?(entries|objections)\[(\d+)\]/.exec(error.field ?? '');
  const message = error.message.trim().replace(/^./, (c) => c.toUpperCase()).replace(/([^.!?])$/, '$1.');
  if (!m) return message;
  const id = sent[m[1] as 'entries' | 'objections'][Number(m[2])]?.initiative;
  const title = id === undefined ? undefined : titles.get(id) ?? t('ballot.initiativeNumber', { id });
  if (!title) return message;
  return t(m[1] === 'objections' ? 'ballot.yourObjection' : 'ballot.yourPreference', { title, message });
}

interface RankItem {
  id: number;
  tied: boolean; // tied with the item above
}

interface Draft {
  format: BallotFormat;
  approved: Set<number>;
  ranking: RankItem[];
  values: Record<number, string>; // scores or points
  objections: Record<number, string>; // initiative -> reason
  objecting: Set<number>;
}

/** The draft of a stored ballot, without the initiatives no longer on the ballot (taken off it while voting). */
function draftFrom(ballot: PartnerBallot | undefined, onBallot?: Set<number>): Draft {
  const d: Draft = { format: ballot?.format ?? 'approvals', approved: new Set(), ranking: [], values: {}, objections: {}, objecting: new Set() };
  if (!ballot) return d;
  const kept = (id: number) => !onBallot || onBallot.has(id);
  const entries = (ballot.entries ?? []).filter((e) => kept(e.initiative));
  if (ballot.format === 'approvals') entries.forEach((e) => d.approved.add(e.initiative));
  if (ballot.format === 'ranking') {
    entries.sort((a, b) => num(a.value) - num(b.value));
    d.ranking = entries.map((e, i) => ({ id: e.initiative, tied: i > 0 && num(entries[i - 1].value) === num(e.value) }));
  }
  if (ballot.format === 'scores' || ballot.format === 'points') entries.forEach((e) => (d.values[e.initiative] = e.value));
  for (const o of (ballot.objections ?? []).filter((x) => kept(x.initiative))) {
    d.objecting.add(o.initiative);
    d.objections[o.initiative] = o.reason;
  }
  return d;
}

/** Ranks 1 = best; tied items share the rank; the next one skips (1, 2, 2, 4). */
function ranks(items: RankItem[]): number[] {
  const out: number[] = [];
  items.forEach((item, i) => out.push(i > 0 && item.tied ? out[i - 1] : i + 1));
  return out;
}

function entriesOf(d: Draft): { initiative: number; value: string }[] {
  switch (d.format) {
    case 'approvals':
      return [...d.approved].sort((a, b) => a - b).map((id) => ({ initiative: id, value: '1' }));
    case 'ranking': {
      const r = ranks(d.ranking);
      return d.ranking.map((item, i) => ({ initiative: item.id, value: String(r[i]) }));
    }
    default:
      return Object.entries(d.values)
        .filter(([, v]) => v.trim() !== '')
        .map(([id, v]) => ({ initiative: Number(id), value: v.trim() }));
  }
}

function Scorecard(props: { entries: ScorecardEntry[]; candidates: Initiative[] }) {
  const titles = new Map(props.candidates.map((c) => [c.id, c.title]));
  const shown = props.entries.filter((e) => titles.has(e.initiative));
  const t = useT();
  if (!shown.length) return <Empty title={t('ballot.noScores')}>{t('ballot.noScoresText')}</Empty>;
  return (
    <ol class="scorecard">
      {shown.map((e) => (
        <li>
          <span class="rank">{e.rank}</span>
          <span class="title">{titles.get(e.initiative)}</span>
          <span class="score">{e.score == null ? <span class="muted">{t('ballot.unscored')}</span> : fmt(e.score)}</span>
        </li>
      ))}
    </ol>
  );
}

/** A note on a ballot line whose initiative is no longer on the ballot. */
function OffBallot(props: { id: number; onBallot: Set<number> }) {
  const t = useT();
  return props.onBallot.has(props.id) ? null : <span class="tag warn">{t('ballot.offBallot')}</span>;
}

function CurrentBallot(props: { ballot?: PartnerBallot; titles: Map<number, string>; onBallot: Set<number> }) {
  const b = props.ballot;
  const t = useT();
  if (!b || (!b.entries?.length && !b.objections?.length)) return <Empty title={t('ballot.noBallot')}>{t('ballot.noBallotText')}</Empty>;
  const entries = [...b.entries].sort((x, y) => (b.format === 'ranking' ? num(x.value) - num(y.value) : num(y.value) - num(x.value)));
  return (
    <div class="current-ballot" data-testid="current-ballot">
      <p>
        <Badge value={b.format} kind="format" /> {t('ballot.initiatives', { count: entries.length })}
      </p>
      <ul>
        {entries.map((e) => (
          <li>
            {b.format === 'ranking' && <span class="rank">{fmt(e.value)}</span>}
            {props.titles.get(e.initiative) ?? `#${e.initiative}`}
            {(b.format === 'scores' || b.format === 'points') && <span class="muted"> — {fmt(e.value)}</span>}
            <OffBallot id={e.initiative} onBallot={props.onBallot} />
          </li>
        ))}
      </ul>
      {b.objections?.length > 0 && (
        <>
          <p class="muted small">{t('ballot.objections')}</p>
          <ul class="objections">
            {b.objections.map((o) => (
              <li>
                <strong>{props.titles.get(o.initiative) ?? `#${o.initiative}`}</strong>: {o.reason || <span class="muted">{t('ballot.noReason')}</span>}
                <OffBallot id={o.initiative} onBallot={props.onBallot} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

async function loadBallotPage(partner: number | null | undefined) {
  const cycles = await loadCycles();
  const voting = [...cycles].reverse().find((c) => c.state === 'voting');
  const current = cycles[cycles.length - 1];
  if (!voting)
    return {
      cycle: undefined as Cycle | undefined,
      current,
      inCycle: [] as Initiative[],
      candidates: [] as Initiative[],
      ballots: [] as PartnerBallot[],
      delegations: [] as Delegation[],
      scorecard: [] as ScorecardEntry[],
      limits: limitsOf(undefined),
    };
  const [initiatives, ballots, scorecard, delegations, charter] = await Promise.all([
    get<any>('/initiatives').then((r) => list<Initiative>(r, 'initiatives')),
    get<any>(`/cycles/${voting.number}/ballots`).then((r) => list<PartnerBallot>(r, 'ballots')).catch(() => []),
    get<any>('/scorecard').then(
      (r) => list<ScorecardEntry>(r?.ranking ?? r?.entries ?? r, 'ranking'),
      () => [],
    ),
    partner != null ? get<Delegation[]>(`/cycles/${voting.number}/delegations`).catch(() => [] as Delegation[]) : Promise.resolve([] as Delegation[]),
    get<Charter>('/network').catch(() => undefined),
  ]);
  return {
    cycle: voting,
    current,
    inCycle: initiatives.filter((i) => i.cycle === voting.number),
    candidates: candidatesOf(voting, initiatives),
    ballots: ballots as PartnerBallot[],
    delegations,
    scorecard: scorecard as ScorecardEntry[],
    limits: limitsOf(charter),
  };
}

/** Whose ballot the representative casts: its own partner's, or one a partner delegated to it. */
function VoteFor(props: { partner: number; represented: Delegation[]; value: number; onChange: (partner: number) => void }) {
  const app = useApp();
  const t = useT();
  return (
    <fieldset class="vote-for" data-testid="vote-for">
      <legend>{t('ballot.whose')}</legend>
      {[props.partner, ...props.represented.map((d) => d.partner)].map((id) => (
        <label class="check">
          <input type="radio" name="vote-for" value={String(id)} checked={props.value === id} onChange={() => props.onChange(id)} />
          {t(id === props.partner ? 'ballot.yourPartner' : 'ballot.delegatedToYou', { partner: app.partnerName(id) })}
        </label>
      ))}
    </fieldset>
  );
}

/** Delegating the partner's ballot for this cycle to a proxy, or taking it back. */
function DelegationCard(props: { cycle: Cycle; partner: number; delegations: Delegation[]; onChanged: () => void }) {
  const app = useApp();
  const action = useAction();
  const given = props.delegations.find((d) => d.partner === props.partner);
  const held = props.delegations.filter((d) => d.proxy === props.partner);
  const n = props.cycle.number;
  const others = app.partners.filter((p) => p.id !== props.partner && p.joined_cycle <= n && (p.left_cycle == null || p.left_cycle > n));
  const [proxy, setProxy] = useState<string>('');
  const t = useT();
  async function run(change: () => Promise<unknown>) {
    if ((await action.run(change)) !== undefined) props.onChanged();
  }
  return (
    <Card title={t('ballot.delegate')} id="delegation">
      {given ? (
        <>
          <p data-testid="delegated-to">
            {rich(t('ballot.delegatedTo', { cycle: n, proxy: app.partnerName(given.proxy) }), { b: (s) => <strong>{s}</strong> })}
          </p>
          <button class="btn" type="button" data-action="revoke-delegation" disabled={action.busy} onClick={() => run(() => del(`/cycles/${n}/delegations/${props.partner}`))}>
            {t('ballot.takeBack')}
          </button>
        </>
      ) : held.length > 0 ? (
        <p class="muted small" data-testid="proxy-for">
          {t('ballot.proxyFor', { partners: held.map((d) => app.partnerName(d.partner)).join(', ') })}
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (proxy) void run(() => post(`/cycles/${n}/delegations/${props.partner}`, { proxy: Number(proxy) }));
          }}
        >
          <p class="muted small">{t('ballot.delegateText')}</p>
          <label for="delegate-proxy">{t('ballot.proxy')}</label>
          <select id="delegate-proxy" value={proxy} onChange={(e) => setProxy((e.target as HTMLSelectElement).value)}>
            <option value="">{t('ballot.choosePartner')}</option>
            {others.map((p) => (
              <option value={String(p.id)}>{p.name}</option>
            ))}
          </select>
          <div class="form-actions">
            <button class="btn" type="submit" data-action="delegate" disabled={action.busy || !proxy}>
              {t('ballot.delegateButton')}
            </button>
          </div>
        </form>
      )}
      <ErrorBox error={action.error} title={t('ballot.delegationFailed')} />
    </Card>
  );
}

export function BallotPage() {
  const app = useApp();
  const partner = app.session.partner;
  const data = useAsync(() => loadBallotPage(partner), [partner]);
  const [voteFor, setVoteFor] = useState<number | null>(null);
  const represented = useMemo(() => (data.data?.delegations ?? []).filter((x) => x.proxy === partner), [data.data, partner]);
  // The partner whose ballot is cast: one that delegated to this one, or (by default) its own.
  const target = voteFor != null && represented.some((x) => x.partner === voteFor) ? voteFor : partner;
  const ballot = data.data?.ballots.find((b) => b.partner === target);
  const [draft, setDraft] = useState<Draft>(draftFrom(undefined));
  const [saved, setSaved] = useState(false);
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState<{ entries: { initiative: number }[]; objections: { initiative: number }[] }>({ entries: [], objections: [] });
  const action = useAction();
  const t = useT();
  const onBallot = useMemo(() => new Set((data.data?.candidates ?? []).map((c) => c.id)), [data.data]);
  useEffect(() => setDraft(draftFrom(ballot, onBallot)), [data.data, target]);
  const titles = useMemo(() => new Map((data.data?.inCycle ?? []).map((c) => [c.id, c.title])), [data.data]);
  const scoreOf = useMemo(() => new Map((data.data?.scorecard ?? []).map((e) => [e.initiative, e])), [data.data]);

  const d = data.data;
  const voter = isRepresentative(app.session);
  // A change to the draft makes the server's last refusal stale: it goes at once, as do fixed problems.
  const update = (change: Partial<Draft>) => {
    setSaved(false);
    action.clear();
    setDraft({ ...draft, ...change });
  };
  const limits = data.data?.limits ?? limitsOf(undefined);
  const problems = useMemo(() => draftProblems(draft, data.data?.candidates ?? [], limits), [draft, data.data]);
  const shown = (id: string) => (tried ? problems.get(id)?.here : undefined);

  async function submit() {
    if (!d?.cycle || target == null) return;
    setTried(true);
    if (problems.size > 0) {
      const first = problems.keys().next().value as string;
      setTimeout(() => document.getElementById(first)?.focus(), 0);
      return;
    }
    const objections = [...draft.objecting].map((id) => ({ initiative: id, reason: (draft.objections[id] ?? '').trim() }));
    const body = { format: draft.format, entries: entriesOf(draft), objections };
    setSent(body);
    const result = await action.run(() => put(`/cycles/${d.cycle!.number}/ballots/${target}`, body));
    if (result !== undefined) {
      setSaved(true);
      setTried(false);
      data.reload();
    }
  }

  const rankIndex = new Map(draft.ranking.map((r, i) => [r.id, i]));
  const rankValues = ranks(draft.ranking);
  const pointsTotal = pointsGiven(draft);
  const pointsLeft = limits.pointsBudget ? addExact(limits.pointsBudget, { n: -pointsTotal.n, d: pointsTotal.d }) : null;

  function rankControls(id: number) {
    const i = rankIndex.get(id);
    if (i === undefined)
      return (
        <button class="btn small" type="button" onClick={() => update({ ranking: [...draft.ranking, { id, tied: false }] })}>
          {t('ballot.addToRanking')}
        </button>
      );
    const move = (to: number) => {
      const next = [...draft.ranking];
      [next[i], next[to]] = [next[to], next[i]];
      if (next[0]) next[0] = { ...next[0], tied: false };
      update({ ranking: next });
    };
    return (
      <span class="rank-controls">
        <span class="rank-badge" data-testid={`rank-${id}`}>
          {rankValues[i]}
        </span>
        <button class="icon" type="button" title={t('ballot.moveUp')} disabled={i === 0} onClick={() => move(i - 1)}>
          ↑
        </button>
        <button class="icon" type="button" title={t('ballot.moveDown')} disabled={i === draft.ranking.length - 1} onClick={() => move(i + 1)}>
          ↓
        </button>
        <label class="tie" title={t('ballot.tieTitle')}>
          <input
            type="checkbox"
            disabled={i === 0}
            checked={draft.ranking[i].tied}
            onChange={(e) => update({ ranking: draft.ranking.map((r, j) => (j === i ? { ...r, tied: (e.target as HTMLInputElement).checked } : r)) })}
          />
          {t('ballot.tie')}
        </label>
        <button class="icon" type="button" title={t('ballot.removeFromRanking')} onClick={() => update({ ranking: draft.ranking.filter((r) => r.id !== id) })}>
          ×
        </button>
      </span>
    );
  }

  /** A checkbox named `${name}-${id}` that puts `id` in the draft's set `key`, or takes it out. */
  function check(key: 'approved' | 'objecting', id: number, name: string, text: string) {
    return (
      <label class="check">
        <input
          type="checkbox"
          name={`${name}-${id}`}
          checked={draft[key].has(id)}
          onChange={(e) => {
            const next = new Set(draft[key]);
            if ((e.target as HTMLInputElement).checked) next.add(id);
            else next.delete(id);
            update({ [key]: next });
          }}
        />
        {text}
      </label>
    );
  }

  function preference(c: Initiative) {
    switch (draft.format) {
      case 'approvals':
        return check('approved', c.id, 'approve', t('ballot.approve'));
      case 'ranking':
        return rankControls(c.id);
      default: {
        const problem = shown(`value-${c.id}`);
        return (
          <>
            <input
              id={`value-${c.id}`}
              class="impact-input"
              name={`${draft.format}-${c.id}`}
              aria-label={t(draft.format === 'points' ? 'ballot.pointsLabel' : 'ballot.scoreLabel', { title: c.title })}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `value-${c.id}-problem` : 'ballot-scale'}
              inputMode="decimal"
              placeholder="–"
              value={draft.values[c.id] ?? ''}
              onInput={(e) => update({ values: { ...draft.values, [c.id]: (e.target as HTMLInputElement).value } })}
            />
            {problem && (
              <p class="field-problem" id={`value-${c.id}-problem`}>
                {problem}
              </p>
            )}
          </>
        );
      }
    }
  }

  const scored = (d?.scorecard.length ?? 0) > 0;
  const columns = [t('ballot.col.initiative'), right(t('ballot.col.cost')), right(t('ballot.col.networkValue')), right(t('ballot.col.forYou')), ...(scored ? [right(t('ballot.col.scorecard'))] : []), t('ballot.col.preference'), t('ballot.col.objection')];

  const ordered = useMemo(() => {
    if (!d) return [];
    if (draft.format !== 'ranking') return d.candidates;
    return [...d.candidates].sort((a, b) => (rankIndex.get(a.id) ?? 1e9) - (rankIndex.get(b.id) ?? 1e9) || a.id - b.id);
  }, [d, draft]);

  return (
    <>
      <PageHeader
        title={d?.cycle ? t('ballot.titleCycle', { cycle: d.cycle.number }) : t('ballot.title')}
        subtitle={d?.cycle ? <>{t('ballot.rule', { rule: label(d.cycle.rule) })} · {t('ballot.capacity')} <Num value={d.cycle.capacity} /></> : t('ballot.subtitle')}
        actions={partner != null && <PartnerChip id={partner} />}
      />
      <ErrorBox error={data.error} title={t('ballot.loadFailed')} onRetry={data.reload} />
      {d && <Deadlines cycle={d.cycle ?? d.current} compact />}
      {data.loading && !d && <Loading what={t('ballot.theBallot')} />}
      {d && !d.cycle && (
        <Empty title={t('ballot.noneVoting')}>
          {d.current ? (
            <>
              {rich(t('ballot.currentIs', { cycle: d.current.number, state: label(d.current.state).toLowerCase() }), { b: (s) => <strong>{s}</strong> })}{' '}
              {d.current.state === 'proposing' ? t('ballot.votingStarts') : t('ballot.nextBallot')}{' '}
              <a href={`/cycles/${d.current.number}`}>{t('ballot.seeCycle', { cycle: d.current.number })}</a>.
            </>
          ) : (
            t('ballot.noneOpened')
          )}
        </Empty>
      )}
      {d?.cycle && (
        <div class="grid-side wide-main">
          <Card
            title={t('ballot.candidates')}
            extra={
              <div class="segmented" role="radiogroup" aria-label={t('ballot.formatLabel')}>
                {formats.map((f) => (
                  <button type="button" role="radio" aria-checked={draft.format === f.value} class={draft.format === f.value ? 'active' : ''} onClick={() => update({ format: f.value })} disabled={!voter}>
                    {t(`ballot.format.${f.value}`)}
                  </button>
                ))}
              </div>
            }
          >
            {voter && partner != null && represented.length > 0 && (
              <VoteFor
                partner={partner}
                represented={represented}
                value={target ?? partner}
                onChange={(id) => {
                  setVoteFor(id);
                  setSaved(false);
                  setTried(false);
                  action.clear();
                }}
              />
            )}
            <p class="muted small">{t(`ballot.help.${draft.format}`)}</p>
            {(draft.format === 'scores' || draft.format === 'points') && (
              <p class="ballot-scale small" id="ballot-scale" data-testid="ballot-scale">
                {scale(draft.format, limits)}
              </p>
            )}
            {!voter && <div class="notice">{t('ballot.readOnly')}</div>}
            {d.candidates.length === 0 ? (
              <Empty title={t('ballot.noCandidates')} />
            ) : (
              <Table class="ballot-table stack-on-phone" columns={columns}>
                {ordered.map((c) => {
                  const mine = c.impacts?.find((x) => x.partner === target)?.estimate ?? '0';
                  const sc = scoreOf.get(c.id);
                  const objecting = draft.objecting.has(c.id);
                  return (
                    <>
                    <tr data-candidate={c.id} class={objecting ? 'objected' : ''}>
                      <td>
                        <a href={`/initiatives/${c.id}`} class="strong">
                          {c.title}
                        </a>
                        <div class="muted small">
                          {label(c.channel)} · {t('ballot.by', { partner: app.partnerName(c.proposer) })}
                        </div>
                      </td>
                      <NumCell value={c.cost} />
                      <NumCell value={networkValue(c)} signed />
                      <NumCell value={mine} signed />
                      {d.scorecard.length > 0 && <td class="right">{sc ? `#${sc.rank}` : '–'}</td>}
                      <td>{voter ? preference(c) : <span class="muted">–</span>}</td>
                      <td class="objection-cell">{voter && check('objecting', c.id, 'object', t('ballot.object'))}</td>
                    </tr>
                    {voter && objecting && (
                      <tr class="objected reason-row">
                        <td colSpan={columns.length}>
                          <label class="reason-label" for={`reason-${c.id}`}>
                            {t('ballot.whyObject', { title: c.title })}
                          </label>
                          <input
                            id={`reason-${c.id}`}
                            class="reason"
                            name={`reason-${c.id}`}
                            maxLength={maxChars.reason}
                            aria-invalid={shown(`reason-${c.id}`) ? true : undefined}
                            aria-describedby={shown(`reason-${c.id}`) ? `reason-${c.id}-problem` : undefined}
                            placeholder={t('ballot.reasonPlaceholder')}
                            value={draft.objections[c.id] ?? ''}
                            onInput={(e) => update({ objections: { ...draft.objections, [c.id]: (e.target as HTMLInputElement).value } })}
                          />
                          {shown(`reason-${c.id}`) && (
                            <p class="field-problem" id={`reason-${c.id}-problem`}>
                              {shown(`reason-${c.id}`)}
                            </p>
                          )}
                        </td>
                      </tr>
                    )}
                    </>
                  );
                })}
              </Table>
            )}
            {voter && (
              <div class="form-actions">
                {tried && problems.size > 0 && (
                  <div class="error-box" role="alert" data-testid="ballot-problems">
                    <div class="error-title">{t('ballot.toFix', { count: problems.size })}</div>
                    <ul class="error-message">
                      {[...problems.values()].map((p) => (
                        <li>{p.listed}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {action.error && (
                  <div class="error-box" role="alert" data-testid="ballot-refused">
                    <div class="error-title">{t('ballot.notAccepted')}</div>
                    <div class="error-message">{refusalInWords(action.error, sent, titles)}</div>
                    {action.error.status === 403 && <div class="error-field">{t('ballot.onlyRepresentative')}</div>}
                  </div>
                )}
                {draft.format === 'points' && (
                  <span class="muted" data-testid="points-given">
                    {pointsLeft == null
                      ? t('ballot.pointsGiven', { points: fmt(exactText(pointsTotal)) })
                      : pointsLeft.n >= 0n
                        ? t('ballot.pointsGivenLeft', { points: fmt(exactText(pointsTotal)), budget: fmt(exactText(limits.pointsBudget!)), left: fmt(exactText(pointsLeft)) })
                        : t('ballot.pointsGivenOver', { points: fmt(exactText(pointsTotal)), budget: fmt(exactText(limits.pointsBudget!)), over: fmt(exactText({ n: -pointsLeft.n, d: pointsLeft.d })) })}
                  </span>
                )}
                <button class="btn primary" type="button" onClick={submit} disabled={action.busy || d.candidates.length === 0}>
                  {action.busy ? t('ballot.casting') : ballot ? t('ballot.recast') : target !== partner ? t('ballot.castFor', { partner: app.partnerName(target) }) : t('ballot.cast')}
                </button>
                {saved && !action.error && (
                  <span class="saved" role="status">
                    {t('ballot.recorded')}
                  </span>
                )}
              </div>
            )}
          </Card>
          <div class="stack">
            <Card title={target !== partner ? t('ballot.currentOf', { partner: app.partnerName(target) }) : t('ballot.current')}>
              {ballot?.cast_by != null && ballot.cast_by !== 0 && (
                <p class="muted small" data-testid="cast-by">
                  {t('ballot.castBy', { proxy: app.partnerName(ballot.cast_by) })}
                </p>
              )}
              <CurrentBallot ballot={ballot} titles={titles} onBallot={onBallot} />
            </Card>
            {voter && partner != null && <DelegationCard cycle={d.cycle} partner={partner} delegations={d.delegations} onChanged={data.reload} />}
            {d.scorecard.length > 0 && (
              <Card title={t('ballot.scorecardRanking')}>
                <Scorecard entries={d.scorecard} candidates={d.candidates} />
              </Card>
            )}
          </div>
        </div>
      )}
    </>
  );
}
