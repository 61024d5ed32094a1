import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { Inject, Injectable } from '@nestjs/common';
import { ROLE_LABELS, type Actor } from '@duban/domain';
import { LEDGER_WORDS, writeLedgerXlsx, type LedgerExportInfo } from '@duban/hazard-import';
import { HazardLedgerReader, type HazardLedgerRow } from '@duban/persistence';
import { Places } from '../auth/places';
import { CLOCK } from '../config/api-config.tokens';
import type { HazardLedgerExportQuery } from './dto/hazard-ledger-export.query';
import { hazardListBounds } from './hazard-access';
import { hazardLedgerFilterOf } from './hazard-ledger-filter';

/** An export ready to write: its bounds were checked (a refusal came before any byte). */
export interface LedgerExport {
  /** 隐患台账-2026-12-03.xlsx (the day in Beijing time). */
  filename: string;
  /** Writes the workbook to `target` and answers the number of rows. */
  write(target: Writable): Promise<number>;
}

const yesNo = (value: boolean) => (value ? '是 (true)' : '否 (false)');

/** The filters asked for, as the export's second sheet states them (筛选条件). */
function filtersOf(query: HazardLedgerExportQuery): LedgerExportInfo['filters'] {
  const filters: Array<{ label: string; value: string }> = [];
  const add = (label: string, value: string | undefined) => value !== undefined && filters.push({ label, value });
  add('责任单位编号 (unitId)', query.unitId);
  add('行业 (industry)', query.industry);
  add('隐患等级 (grade)', query.grade && `${LEDGER_WORDS.grade[query.grade]} (${query.grade})`);
  add('状态 (status)', query.status && `${LEDGER_WORDS.status[query.status]} (${query.status})`);
  add('是否逾期 (overdue)', query.overdue === undefined ? undefined : yesNo(query.overdue));
  add('是否挂牌督办 (listed)', query.listed === undefined ? undefined : yesNo(query.listed));
  add('挂牌级别 (listingLevel)', query.listingLevel && `${LEDGER_WORDS.listingLevel[query.listingLevel]} (${query.listingLevel})`);
  add('专项行动编号 (campaignId)', query.campaignId);
  return filters;
}

/**
 * Waits while `target` is full, so that rows are read from PostgreSQL only as fast as the client
 * takes the file; stops reading when the client has gone (a cut download holds nothing open).
 */
async function* paced(rows: AsyncIterable<HazardLedgerRow>, target: Writable): AsyncGenerator<HazardLedgerRow> {
  for await (const row of rows) {
    if (target.writableNeedDrain && !target.destroyed) await Promise.race([once(target, 'drain'), once(target, 'close')]);
    if (target.destroyed) throw new Error('the client closed the connection before the ledger was written');
    yield row;
  }
}

/** The day of `at` in Beijing time, yyyy-mm-dd. */
const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);

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
    const exportedAt = this.now();
    const info: LedgerExportInfo = {
      filters: filtersOf(query),
      exportedBy: `${actor.name} (${ROLE_LABELS[actor.role]}, ${actor.id})`,
      exportedAt,
    };
    const rows = () => this.ledger.stream({ bounds, ...hazardLedgerFilterOf(query) });
    return {
      filename: `隐患台账-${beijingDay(exportedAt)}.xlsx`,
      write: (target) => writeLedgerXlsx(target, paced(rows(), target), info),
    };
  }
}
