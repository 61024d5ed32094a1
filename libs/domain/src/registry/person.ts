import { requireOneOf } from '../one-of';
import { invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { requireRegistryId } from './registry-id';

/** The roles a person holds in their unit (a person may hold several). */
export const PERSON_ROLES = ['principal', 'leader_in_charge', 'safety_officer'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const PERSON_ROLE_LABELS: Record<PersonRole, string> = {
  principal: '主要负责人',
  leader_in_charge: '分管领导',
  safety_officer: '安全管理人员',
};

export const PHONE_PATTERN = '^[0-9+][0-9 ()-]{2,31}$';

/** A responsible person (责任人). */
export interface PersonRecord {
  id: string;
  name: string;
  /** 职务. */
  post: string;
  unitId: string;
  phone: string | null;
  roles: PersonRole[];
}

export function validatePerson(record: PersonRecord): void {
  requireRegistryId(record.id, 'id');
  requiredText(record.name, 'name', TEXT_LIMITS.shortText);
  requiredText(record.post, 'post', TEXT_LIMITS.shortText);
  requireRegistryId(record.unitId, 'unitId');
  if (record.phone !== null && record.phone !== undefined && (typeof record.phone !== 'string' || !new RegExp(PHONE_PATTERN).test(record.phone)))
    throw invalid('input.malformed', 'phone', 'phone must be 3–32 digits, spaces, + ( ) -');
  if (!Array.isArray(record.roles)) throw invalid('input.not_a_list', 'roles', 'roles must be a list');
  for (const role of record.roles) requireOneOf(role, PERSON_ROLES, 'roles');
  if (new Set(record.roles).size !== record.roles.length) throw invalid('input.duplicate_id', 'roles', 'a role is listed twice');
}
