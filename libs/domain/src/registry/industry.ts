import { invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { optionalRegistryId, requireRegistryId } from './registry-id';

/** An industry (行业), optionally under a grouping (e.g. 危险化学品 under 工矿商贸). The parent is fixed once created. */
export interface IndustryRecord {
  id: string;
  name: string;
  parentId: string | null;
}

/** An industry with its stored path (ancestors' ids, root first, itself last), as regions have. */
export type IndustryNode = IndustryRecord & { path: string };

/** `parent` is the parent as the registry holds it now (undefined when unknown). */
export function validateIndustry(record: IndustryRecord, parent: IndustryRecord | undefined): void {
  requireRegistryId(record.id, 'id');
  requiredText(record.name, 'name', TEXT_LIMITS.shortText);
  const parentId = optionalRegistryId(record.parentId, 'parentId');
  if (parentId !== null && !parent) throw invalid('registry.reference.unknown', 'parentId', `parent industry ${parentId} is not in the registry`);
}
