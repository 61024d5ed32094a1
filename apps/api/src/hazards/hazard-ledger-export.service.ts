import { Inject, Injectable } from '@nestjs/common';
import { HAZARD_GRADE_LABELS, HAZARD_LEDGER_SORT_LABELS, HAZARD_STATUS_LABELS, type Actor } from '@duban/domain';
import { HAZARD_LEDGER_SHEET, LEDGER_WORDS } from '@duban/hazard-import';
import { HazardLedgerReader } from '@duban/persistence';
import { Places } from '../auth/places';
import { CLOCK } from '../config/api-config.tokens';
import { filtersOf, ledgerExport, wordOf, type FilterWords, type LedgerExport } from '../http/ledger-export';
import type { HazardLedgerExportQuery } from './dto/hazard-ledger-export.query';
import { hazardListBounds } from './hazard-access';
import { hazardLedgerFilterOf } from './hazard-ledger-filter';

/** The filters of GET /hazards as the export's second sheet names them. */
const FILTER_WORDS: FilterWords<HazardLedgerExportQuery> = {
  unitId: '责任单位编号 (unitId)',
  industry: '行业 (industry)',
  grade: { label: '隐患等级 (grade)', value: wordOf(HAZARD_GRADE_LABELS) },
  status: { label: '状态 (status)', value: wordOf(HAZARD_STATUS_LABELS) },
  overdue: '是否逾期 (overdue)',
  listed: '是否挂牌督办 (listed)',
  listingLevel: { label: '挂牌级别 (listingLevel)', value: (level) => `${LEDGER_WORDS.listingLevel[level]} (${level})` },
  campaignId: '专项行动编号 (campaignId)',
  sort: { label: '排序 (sort)', value: wordOf(HAZARD_LEDGER_SORT_LABELS) },
};

/**
 * 隐患台账导出: the rows GET /hazards lists for the same filters and the same reader (its scope:
 * a unit's own, an office's territory, a department's industry), all of them, streamed from
 * PostgreSQL in keyset pages into exceljs's streaming writer.
 */
@Injectable()
export class HazardLedgerExportService {
  constructor(
    private readonly ledger: HazardLedgerReader,
    private readonly places: Places,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  async open(actor: Actor, query: HazardLedgerExportQuery): Promise<LedgerExport> {
    const bounds = await hazardListBounds(this.places, actor, query.unitId);
    return ledgerExport(actor, this.now(), {
      layout: HAZARD_LEDGER_SHEET,
      name: '隐患台账',
      asciiName: 'hazard-ledger',
      filters: filtersOf(query, FILTER_WORDS),
      rows: () => this.ledger.stream({ bounds, ...hazardLedgerFilterOf(query) }),
    });
  }
}
