import { Inject, Injectable } from '@nestjs/common';
import { UNIT_CAMPAIGN_STATUS_LABELS, type Actor } from '@duban/domain';
import { CampaignLedgerReader } from '@duban/persistence';
import { CLOCK } from '../config/api-config.tokens';
import { filtersOf, ledgerExport, wordOf, type FilterWords, type LedgerExport } from '../http/ledger-export';
import { CampaignAccess } from './campaign-access';
import { CAMPAIGN_UNITS_SHEET } from './campaign-units-sheet';
import type { CampaignUnitsExportQuery } from './dto/campaign-units-export.query';

/** The filters of GET /campaigns/:id/units as the export's second sheet names them (the campaign first). */
const FILTER_WORDS: FilterWords<CampaignUnitsExportQuery & { campaignId: string }> = {
  campaignId: '专项行动编号 (campaignId)',
  status: { label: '状态 (status)', value: wordOf({ pending: '待纳入 (pending)', ...UNIT_CAMPAIGN_STATUS_LABELS }) },
  regionId: '属地编号 (regionId)',
  industryId: '行业编号 (industryId)',
  unitId: '单位编号 (unitId)',
};

/**
 * 单位任务台账导出: the units GET /campaigns/:id/units lists for the same filters — the campaign on
 * the reader's line, its units within the reader's scope — all of them, in roster order, streamed
 * from PostgreSQL in keyset pages.
 */
@Injectable()
export class CampaignUnitsExportService {
  constructor(
    private readonly access: CampaignAccess,
    private readonly ledger: CampaignLedgerReader,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  async open(campaignId: string, actor: Actor, query: CampaignUnitsExportQuery): Promise<LedgerExport> {
    await this.access.readable(campaignId, actor);
    const bounds = await this.access.bounds(actor, query.unitId);
    const filter = { status: query.status, regionId: query.regionId, industryId: query.industryId, bounds };
    return ledgerExport(actor, this.now(), {
      layout: CAMPAIGN_UNITS_SHEET,
      name: '单位任务台账',
      asciiName: 'campaign-units',
      filters: filtersOf({ campaignId, ...query }, FILTER_WORDS),
      rows: () => this.ledger.streamUnits(campaignId, filter),
    });
  }
}
