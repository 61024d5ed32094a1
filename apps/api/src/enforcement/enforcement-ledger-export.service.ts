import { Inject, Injectable } from '@nestjs/common';
import { CASE_ORIGIN_LABELS, ENFORCEMENT_MEASURE_LABELS, SUSPENSION_STATUS_LABELS, type Actor } from '@duban/domain';
import { EnforcementLedgerReader } from '@duban/persistence';
import { Places } from '../auth/places';
import { CLOCK } from '../config/api-config.tokens';
import { filtersOf, ledgerExport, wordOf, type FilterWords, type LedgerExport } from '../http/ledger-export';
import type { EnforcementLedgerExportQuery } from './dto/enforcement-ledger-export.query';
import { enforcementListBounds } from './enforcement-access';
import { enforcementLedgerFilterOf } from './enforcement-ledger-filter';
import { ENFORCEMENT_LEDGER_SHEET } from './enforcement-ledger-sheet';

/** The filters of GET /enforcement-cases as the export's second sheet names them. */
const FILTER_WORDS: FilterWords<EnforcementLedgerExportQuery> = {
  unitId: '被执法单位编号 (unitId)',
  regionId: '立案地区编号 (regionId)',
  industryId: '行业编号 (industryId)',
  status: { label: '案件状态 (status)', value: wordOf({ open: '办理中', closed: '已结案' }) },
  origin: { label: '案件来源 (origin)', value: wordOf(CASE_ORIGIN_LABELS) },
  measure: { label: '已作出的措施 (measure)', value: wordOf(ENFORCEMENT_MEASURE_LABELS) },
  suspensionStatus: { label: '停产整顿进展 (suspensionStatus)', value: wordOf(SUSPENSION_STATUS_LABELS) },
  suspended: '停产中 (suspended)',
  criminal: '涉嫌犯罪 (criminal)',
  referred: '移送司法 (referred)',
  closureImposed: '关闭取缔 (closureImposed)',
  openedFrom: '立案于此时或之后 (openedFrom)',
  openedBefore: '立案于此时之前 (openedBefore)',
};

/** 执法台账导出: the rows GET /enforcement-cases lists for the same filters, within the same scope, all of them, streamed from PostgreSQL in keyset pages. */
@Injectable()
export class EnforcementLedgerExportService {
  constructor(
    private readonly ledger: EnforcementLedgerReader,
    private readonly places: Places,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  async open(actor: Actor, query: EnforcementLedgerExportQuery): Promise<LedgerExport> {
    const bounds = await enforcementListBounds(this.places, actor, query.unitId);
    return ledgerExport(actor, this.now(), {
      layout: ENFORCEMENT_LEDGER_SHEET,
      name: '执法台账',
      asciiName: 'enforcement-ledger',
      filters: filtersOf(query, FILTER_WORDS),
      rows: () => this.ledger.stream({ bounds, ...enforcementLedgerFilterOf(query) }),
    });
  }
}
