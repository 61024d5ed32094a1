/** What an audit bundle is exported for (GET /audit/bundles/:kind/:id), in the order the screen offers them. */
export const BUNDLE_KINDS = [
  { kind: 'hazard', label: '隐患 Hazard' },
  { kind: 'campaign', label: '专项行动 Campaign' },
  { kind: 'unit', label: '单位 Unit' },
  { kind: 'accident', label: '事故 Accident' },
  { kind: 'enforcement', label: '执法案件 Enforcement case' },
] as const;

export type BundleKind = (typeof BUNDLE_KINDS)[number]['kind'];

export const isBundleKind = (value: unknown): value is BundleKind => BUNDLE_KINDS.some((k) => k.kind === value);
