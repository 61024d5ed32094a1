import { Inject, Injectable } from '@nestjs/common';
import { ACCIDENT_GRADE_LABELS, type Actor } from '@duban/domain';
import { AccidentLedgerReader } from '@duban/persistence';
import { Places } from '../auth/places';
import { CLOCK } from '../config/api-config.tokens';
import { filtersOf, ledgerExport, wordOf, type FilterWords, type LedgerExport } from '../http/ledger-export';
import { accidentListBounds } from './accident-access';
import { accidentLedgerFilterOf } from './accident-ledger-filter';
import { ACCIDENT_LEDGER_SHEET } from './accident-ledger-sheet';
import type { AccidentLedgerExportQuery } from './dto/accident-ledger-export.query';

/** The filters of GET /accidents as the export's second sheet names them. */
const FILTER_WORDS: FilterWords<AccidentLedgerExportQuery> = {
  unitId: '事故发生单位编号 (unitId)',
  regionId: '事故发生地编号 (regionId)',
  industry: '行业 (industry)',
  grade: { label: '事故等级 (grade)', value: wordOf(ACCIDENT_GRADE_LABELS) },
  investigationStatus: { label: '调查状态 (investigationStatus)', value: wordOf({ none: '未启动调查', investigating: '调查中', closed: '已结案' }) },
  openGates: '四不放过尚有未落实项 (openGates)',
  listed: '挂牌督办 (listed)',
  concealed: '瞒报谎报 (concealed)',
  occurredFrom: '发生于此时或之后 (occurredFrom)',
  occurredBefore: '发生于此时之前 (occurredBefore)',
};

/** 事故台账导出: the rows GET /accidents lists for the same filters, within the same scope, all of them, streamed from PostgreSQL in keyset pages. */
@Injectable()
export class AccidentLedgerExportService {
  constructor(
    private readonly ledger: AccidentLedgerReader,
    private readonly places: Places,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  async open(actor: Actor, query: AccidentLedgerExportQuery): Promise<LedgerExport> {
    const bounds = await accidentListBounds(this.places, actor, query.unitId);
    return ledgerExport(actor, this.now(), {
      layout: ACCIDENT_LEDGER_SHEET,
      name: '事故台账',
      asciiName: 'accident-ledger',
      filters: filtersOf(query, FILTER_WORDS),
      rows: () => this.ledger.stream({ bounds, ...accidentLedgerFilterOf(query) }),
    });
  }
}
