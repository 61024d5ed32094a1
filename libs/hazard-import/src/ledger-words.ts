import {
  ESCALATION_INSTRUMENT_LABELS,
  HAZARD_GRADE_LABELS,
  HAZARD_SOURCE_LABELS,
  HAZARD_STATUS_LABELS,
  type EscalationInstrument,
  type HazardGrade,
  type HazardSource,
  type HazardStatus,
  type ListingLevel,
} from '@duban/domain';
import { zhWords } from '@duban/spreadsheets';

/** The words a ledger cell shows for each enumerated value (and an import reads back). */
export const LEDGER_WORDS: {
  grade: Record<HazardGrade, string>;
  source: Record<HazardSource, string>;
  status: Record<HazardStatus, string>;
  listingLevel: Record<ListingLevel, string>;
  instrument: Record<EscalationInstrument, string>;
} = {
  grade: zhWords(HAZARD_GRADE_LABELS),
  source: zhWords(HAZARD_SOURCE_LABELS),
  status: zhWords(HAZARD_STATUS_LABELS),
  // "县级挂牌督办" is long for a cell: the level alone.
  listingLevel: { county: '县级', city: '市级', province: '省级' } satisfies Record<ListingLevel, string>,
  instrument: zhWords(ESCALATION_INSTRUMENT_LABELS),
};

/** Extra words a person may type for a value: "一般" for 一般隐患. */
const ALSO: { grade: Record<HazardGrade, string[]>; source: Record<HazardSource, string[]> } = {
  grade: { general: ['一般'], major: ['重大'] },
  source: { inspection: ['检查'], self_inspection: ['自查'], covert_inspection: ['暗访'], tip_off: ['举报'], campaign: ['专项行动'] },
};

export type ReadVocabulary = keyof typeof ALSO;

/** The value a word stands for: "重大隐患", "重大" and "major" all give major; undefined when none. */
export function ledgerValueOf(vocabulary: ReadVocabulary, word: string): string | undefined {
  const key = word.trim();
  const words = LEDGER_WORDS[vocabulary] as Record<string, string>;
  const also = ALSO[vocabulary] as Record<string, string[]>;
  return Object.keys(words).find((value) => value === key.toLowerCase() || words[value] === key || also[value].includes(key));
}

/** Every accepted word, for the message that refuses another: "一般隐患 (general), 重大隐患 (major)". */
export function ledgerWordsOf(vocabulary: ReadVocabulary): string {
  const words = LEDGER_WORDS[vocabulary] as Record<string, string>;
  return Object.keys(words)
    .map((value) => `${words[value]} (${value})`)
    .join(', ');
}
