import { IdField } from '../../http/field-decorators';

/** Which blacklist entries (黑名单): one unit's, or every one the caller may see. A unit token sees only its own. */
export class ListBlacklistQuery {
  @IdField({ description: '企业 (unit) id. A unit token may name only its own (the default).', optional: true })
  unitId?: string;
}

/** Which rule firings (规则触发): one unit's, one region's, or every one the caller may see. */
export class ListEnforcementFiringsQuery extends ListBlacklistQuery {
  @IdField({ description: '地区 (the region of the last triggering act’s case) id, exact match.', optional: true })
  regionId?: string;
}
