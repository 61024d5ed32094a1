import { requireOneOf } from '../one-of';
import { invalid } from '../rejection';
import { requireRegistryId } from './registry-id';

/** Seed 004's five responsibility types. */
export const RESPONSIBILITY_TYPES = ['territorial', 'in_charge', 'supervisory', 'competent', 'principal_entity'] as const;
export type ResponsibilityType = (typeof RESPONSIBILITY_TYPES)[number];

export const RESPONSIBILITY_TYPE_LABELS: Record<ResponsibilityType, string> = {
  territorial: '属地',
  in_charge: '分管',
  supervisory: '监管',
  competent: '主管',
  principal_entity: '主体',
};

export const RESPONSIBILITY_HOLDER_KINDS = ['person', 'unit'] as const;
export type ResponsibilityHolderKind = (typeof RESPONSIBILITY_HOLDER_KINDS)[number];
export const RESPONSIBILITY_TARGET_KINDS = ['unit', 'region', 'industry'] as const;
export type ResponsibilityTargetKind = (typeof RESPONSIBILITY_TARGET_KINDS)[number];

/** Only 属地 and 监管 responsibility reaches a whole region or industry; the others are for one unit. */
const BROAD_TYPES: readonly ResponsibilityType[] = ['territorial', 'supervisory'];

/** A named responsibility: who (a person or a unit) answers for what (a unit, or a region / industry). */
export interface ResponsibilityRecord {
  id: string;
  type: ResponsibilityType;
  holderKind: ResponsibilityHolderKind;
  holderId: string;
  targetKind: ResponsibilityTargetKind;
  targetId: string;
}

export function validateResponsibility(record: ResponsibilityRecord): void {
  requireRegistryId(record.id, 'id');
  requireOneOf(record.type, RESPONSIBILITY_TYPES, 'type');
  requireOneOf(record.holderKind, RESPONSIBILITY_HOLDER_KINDS, 'holderKind');
  requireRegistryId(record.holderId, 'holderId');
  requireOneOf(record.targetKind, RESPONSIBILITY_TARGET_KINDS, 'targetKind');
  requireRegistryId(record.targetId, 'targetId');
  if (record.targetKind !== 'unit' && !BROAD_TYPES.includes(record.type))
    throw invalid(
      'registry.responsibility.target_not_allowed',
      'targetKind',
      `${record.type} responsibility is for a unit, not a ${record.targetKind}`,
    );
}
