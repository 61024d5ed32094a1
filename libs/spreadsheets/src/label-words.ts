/** The Chinese part of a domain label, what a cell shows: "一般隐患 (general hazard)" → "一般隐患". */
export const zhOf = (label: string): string => label.replace(/\s*\(.*$/, '');

/** Each value's Chinese word, from the domain's labels (`HAZARD_GRADE_LABELS` …). */
export const zhWords = <V extends string>(labels: Record<V, string>): Record<V, string> =>
  Object.fromEntries(Object.entries(labels).map(([value, label]) => [value, zhOf(label as string)])) as Record<V, string>;

/** 是 / 否 in a cell. */
export const yesNo = (value: boolean): string => (value ? '是' : '否');
