import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes (检索属性) every Duban workflow may set. Declared once here:
 * the workflows upsert them, the API lists by them, and infra registers them on the server
 * before any workflow runs (an unregistered attribute makes workflow tasks fail and retry).
 */
export const DubanUnitId = defineSearchAttributeKey('DubanUnitId', SearchAttributeType.KEYWORD);
export const DubanHazardGrade = defineSearchAttributeKey('DubanHazardGrade', SearchAttributeType.KEYWORD);
export const DubanHazardStatus = defineSearchAttributeKey('DubanHazardStatus', SearchAttributeType.KEYWORD);
export const DubanOverdue = defineSearchAttributeKey('DubanOverdue', SearchAttributeType.BOOL);
export const DubanListedForSupervision = defineSearchAttributeKey('DubanListedForSupervision', SearchAttributeType.BOOL);
export const DubanDeadline = defineSearchAttributeKey('DubanDeadline', SearchAttributeType.DATETIME);
export const DubanIndustry = defineSearchAttributeKey('DubanIndustry', SearchAttributeType.KEYWORD);
export const DubanCampaignId = defineSearchAttributeKey('DubanCampaignId', SearchAttributeType.KEYWORD);

export const customSearchAttributes = [
  DubanUnitId,
  DubanHazardGrade,
  DubanHazardStatus,
  DubanOverdue,
  DubanListedForSupervision,
  DubanDeadline,
  DubanIndustry,
  DubanCampaignId,
] as const;

/** The CLI's `--search-attribute Name=Type` spelling of each key. */
export function searchAttributeCliFlags(): string[] {
  const cliType: Record<string, string> = {
    [SearchAttributeType.KEYWORD]: 'Keyword',
    [SearchAttributeType.BOOL]: 'Bool',
    [SearchAttributeType.DATETIME]: 'Datetime',
  };
  return customSearchAttributes.flatMap((key) => ['--search-attribute', `${key.name}=${cliType[key.type]}`]);
}
