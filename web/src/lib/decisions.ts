// A left-out initiative's binding rules (the outcome's stable keys) in plain words.

export interface BindingBadge {
  /** The key as the server sends it ("deopt_share:12"). */
  key: string;
  /** A short badge text ("Fairness: SwiftParcel's share"). */
  text: string;
  /** One sentence on what the rule means for this initiative. */
  hint: string;
  /** The badge's colour family. */
  tone: 'capacity' | 'fairness' | 'protect' | 'support' | 'rule';
}

/** The badge of one binding key: capacity, deopt_share:ID, protected_net_value:ID, support, rule. */
export function bindingBadge(key: string, partnerName: (id: number) => string): BindingBadge {
  const [kind, id] = key.split(':');
  const who = id !== undefined && /^\d+$/.test(id) ? partnerName(Number(id)) : 'a partner';
  switch (kind) {
    case 'capacity':
      return { key, tone: 'capacity', text: 'Capacity', hint: 'It did not fit in the capacity left in this cycle.' };
    case 'deopt_share':
      return {
        key,
        tone: 'fairness',
        text: `Fairness: ${who}'s share`,
        hint: `Adding it would put ${who}'s share of the cycle's de-optimisation above what the charter allows.`,
      };
    case 'protected_net_value':
      return {
        key,
        tone: 'protect',
        text: `Protects ${who}`,
        hint: `${who} is protected this cycle (its dry spell reached the charter's limit): adding it would leave ${who} below zero.`,
      };
    case 'support':
      return { key, tone: 'support', text: 'No support', hint: 'No partner supported it on their ballot.' };
    case 'rule':
      return { key, tone: 'rule', text: 'Rule', hint: "The voting rule's own stopping point was reached before it." };
    default:
      return { key, tone: 'rule', text: key.replace(/[_:]+/g, ' '), hint: 'The rule that keeps it out.' };
  }
}
