import type { CampaignTemplate } from './campaign-template';

/** Who a campaign covers: regions × industries × units, with the named leaders (党政同责、一岗双责). */
export const UNIT_KINDS = ['government', 'department', 'enterprise'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface ScopeUnit {
  unitId: string;
  name: string;
  kind: UnitKind;
  regionId: string;
  /** For enterprises (and departments that govern one): the industry (行业). */
  industryId?: string;
  /** The region's ancestors, root first, itself last, when the roster came from the registry (单位库). */
  regionPath?: string[];
}

export interface CampaignScope {
  regions: Array<{ id: string; name: string }>;
  industries: Array<{ id: string; name: string }>;
  units: ScopeUnit[];
  /** 分管领导: the leader in charge. */
  leadLeader: string;
  /** 牵头部门: the lead department. */
  leadDepartment: string;
}

/** What the office asks for when it launches a campaign. */
export interface CampaignLaunch {
  campaignId: string;
  name: string;
  template: CampaignTemplate;
  scope: CampaignScope;
  /** ISO date-time the first phase starts. */
  startsAt: string;
}
