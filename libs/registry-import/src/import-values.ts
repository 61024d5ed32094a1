import {
  ENTERPRISE_KINDS,
  PERSON_ROLES,
  PERSON_ROLE_LABELS,
  REGION_LEVELS,
  UNIT_KINDS,
  UNIT_STATUSES,
  UNIT_STATUS_LABELS,
  type EnterpriseKind,
  type PersonRole,
  type RegionLevel,
  type UnitKind,
  type UnitStatus,
} from '@duban/domain';

/** The Chinese words a person may type for each enumerated value; the English value itself is always accepted. */
const WORDS: {
  level: Record<RegionLevel, string[]>;
  kind: Record<UnitKind, string[]>;
  enterpriseKind: Record<EnterpriseKind, string[]>;
  status: Record<UnitStatus, string[]>;
  roles: Record<PersonRole, string[]>;
} = {
  level: {
    province: ['省', '省级'],
    city: ['市', '市级'],
    county: ['县', '区', '县区', '县/区', '县级'],
    town: ['乡镇', '街道', '乡镇街道', '乡镇/街道'],
  },
  kind: { government: ['政府', '地方政府'], department: ['部门'], enterprise: ['企业'] },
  enterpriseKind: { ordinary: ['一般企业', '一般'], crowded_place: ['人员密集场所'], construction_project: ['在建工程'] },
  status: {
    producing: [UNIT_STATUS_LABELS.producing],
    suspended: [UNIT_STATUS_LABELS.suspended],
    closed: [UNIT_STATUS_LABELS.closed],
    under_renovation: [UNIT_STATUS_LABELS.under_renovation, '整改', '装修'],
    unlicensed: [UNIT_STATUS_LABELS.unlicensed],
  },
  roles: {
    principal: [PERSON_ROLE_LABELS.principal],
    leader_in_charge: [PERSON_ROLE_LABELS.leader_in_charge],
    safety_officer: [PERSON_ROLE_LABELS.safety_officer, '安全员', '安全管理员'],
  },
};

export type Vocabulary = keyof typeof WORDS;

const VALUES: { [V in Vocabulary]: readonly string[] } = {
  level: REGION_LEVELS,
  kind: UNIT_KINDS,
  enterpriseKind: ENTERPRISE_KINDS,
  status: UNIT_STATUSES,
  roles: PERSON_ROLES,
};

/** The value a word stands for in a vocabulary, or undefined: "企业" and "enterprise" both give enterprise. */
export function valueOf(vocabulary: Vocabulary, word: string): string | undefined {
  const key = word.trim().toLowerCase();
  if (VALUES[vocabulary].includes(key)) return key;
  const words = WORDS[vocabulary] as Record<string, string[]>;
  return Object.keys(words).find((value) => words[value].includes(word.trim()));
}

/** Every word accepted, for the message that refuses another. */
export function wordsOf(vocabulary: Vocabulary): string {
  const words = WORDS[vocabulary] as Record<string, string[]>;
  return Object.keys(words)
    .map((value) => `${words[value][0]} (${value})`)
    .join(', ');
}

const YES = ['是', '有', '有证', 'y', 'yes', 'true', '1'];
const NO = ['否', '无', '无证', 'n', 'no', 'false', '0'];

/** 是/否, yes/no, true/false, 1/0; undefined when the word is none of them. */
export function booleanOf(word: string): boolean | undefined {
  const key = word.trim().toLowerCase();
  if (YES.includes(key)) return true;
  if (NO.includes(key)) return false;
  return undefined;
}

/** A list cell: "主要负责人、安全管理人员" or "principal; safety_officer". */
export const listOf = (cell: string) =>
  cell
    .split(/[、,，;；/|\n]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
