// A left-out initiative's binding rules (the outcome's stable keys) in plain words.

import { t } from './i18n';

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
  const who = id !== undefined && /^\d+$/.test(id) ? partnerName(Number(id)) : t('binding.aPartner');
  switch (kind) {
    case 'capacity':
      return { key, tone: 'capacity', text: t('binding.capacity'), hint: t('binding.capacityHint') };
    case 'deopt_share':
      return {
        key,
        tone: 'fairness',
        text: t('binding.fairness', { who }),
        hint: t('binding.fairnessHint', { who }),
      };
    case 'protected_net_value':
      return {
        key,
        tone: 'protect',
        text: t('binding.protects', { who }),
        hint: t('binding.protectsHint', { who }),
      };
    case 'support':
      return { key, tone: 'support', text: t('binding.support'), hint: t('binding.supportHint') };
    case 'rule':
      return { key, tone: 'rule', text: t('binding.rule'), hint: t('binding.ruleHint') };
    default:
      return { key, tone: 'rule', text: key.replace(/[_:]+/g, ' '), hint: t('binding.otherHint') };
  }
}
