import type { DataSource } from 'typeorm';
import { cstDayEnd, isCstDay, obligationIdPrefix, REPORT_DAY_SUFFIX_LENGTH, reportDaySuffix } from '@duban/domain';
import type { CampaignSubmissionFilter, CampaignSubmissionRow, DailyReportStatus, RollUpInputs } from './campaign-ledger-rows';
import { EntityTable, perDataSource, selectColumns } from '../sql/entity-table';
import { iso, type Raw } from '../sql/row-values';
import { selectPage, Where } from '../sql/where';
import { CampaignSubmissionRecord } from './campaign-submission-record.entity';

const LISTED = ['unitId', 'obligationId', 'kind', 'submittedAt', 'onTime', 'zero', 'content', 'actorId'] as const;
type SubmissionRecord = Pick<CampaignSubmissionRecord, (typeof LISTED)[number]>;

const columns = perDataSource((dataSource) => selectColumns(EntityTable.of(dataSource, CampaignSubmissionRecord).only(...LISTED)));

function toSubmissionRow(r: SubmissionRecord): CampaignSubmissionRow {
  return {
    unitId: r.unitId,
    obligationId: r.obligationId,
    kind: r.kind,
    submittedAt: iso(r.submittedAt),
    onTime: r.onTime,
    zero: r.zero,
    content: r.content,
    actorId: r.actorId,
  };
}

/** Submissions, by obligation id prefix and/or unit, in obligation then unit order. */
export function listSubmissions(
  dataSource: DataSource,
  campaignId: string,
  filter: CampaignSubmissionFilter,
): Promise<{ items: CampaignSubmissionRow[]; total: number }> {
  const where = new Where()
    .equals('campaign_id', campaignId)
    .startsWith('obligation_id', filter.obligationIdPrefix)
    .equals('unit_id', filter.unitId)
    .withinBounds('unit_id', filter.bounds);
  return selectPage(
    dataSource,
    {
      select: columns(dataSource),
      from: 'campaign_submission',
      where,
      orderBy: 'obligation_id, unit_id',
      limit: filter.limit,
      offset: filter.offset,
    },
    toSubmissionRow,
  );
}

/**
 * A submission is a report of `day` when the domain's parseObligationId reads it as
 * { kind: 'report', day }: its id starts with obligationIdPrefix('report') and ends with
 * reportDaySuffix(day). $2 and $3 carry those two; report-day.pg.spec holds the SQL and the
 * domain function together (the writer stores only ids that parse).
 */
const OF_THE_DAY = `starts_with(s.obligation_id, $2) AND right(s.obligation_id, ${REPORT_DAY_SUFFIX_LENGTH}) = $3`;

/**
 * 一日一报 for one China Standard Time day: the report obligations of that day received, and
 * the active units enrolled before the day ended that sent none. Statuses are today's: a unit
 * paused on that day but active now counts as missing.
 */
export async function reportsForDay(dataSource: DataSource, campaignId: string, day: string): Promise<DailyReportStatus> {
  if (!isCstDay(day)) throw new RangeError(`reportsForDay: date must be a calendar day YYYY-MM-DD, not ${JSON.stringify(day)}`);
  const ofTheDay = [campaignId, obligationIdPrefix('report'), reportDaySuffix(day)];
  const [received, missing] = await Promise.all([
    dataSource.query(
      `SELECT s.unit_id, s.obligation_id, s.on_time, s.zero, s.submitted_at
         FROM campaign_submission s
        WHERE s.campaign_id = $1 AND ${OF_THE_DAY}
        ORDER BY s.submitted_at, s.unit_id, s.obligation_id`,
      ofTheDay,
    ),
    dataSource.query(
      `SELECT u.unit_id FROM campaign_unit u
        WHERE u.campaign_id = $1 AND u.status = 'active' AND u.enrolled_at < $4::timestamptz
          AND NOT EXISTS (SELECT 1 FROM campaign_submission s WHERE s.campaign_id = $1 AND s.unit_id = u.unit_id AND ${OF_THE_DAY})
        ORDER BY u.roster_index, u.unit_id`,
      [...ofTheDay, cstDayEnd(day).toISOString()],
    ),
  ]);
  return {
    date: day,
    received: (received as Raw[]).map((r) => ({
      unitId: r.unit_id,
      obligationId: r.obligation_id,
      onTime: r.on_time,
      zero: r.zero,
      submittedAt: iso(r.submitted_at),
    })),
    missing: (missing as Raw[]).map((r) => r.unit_id),
  };
}

/**
 * What 一日一汇总 by county reads (the domain's rollUpsOfDay): the roster with each unit's kind
 * and region, and every report submission of China day `day`, the governments' roll-ups among them.
 */
export async function rollUpInputs(dataSource: DataSource, campaignId: string, day: string): Promise<RollUpInputs> {
  if (!isCstDay(day)) throw new RangeError(`rollUpInputs: date must be a calendar day YYYY-MM-DD, not ${JSON.stringify(day)}`);
  const [roster, submissions] = await Promise.all([
    dataSource.query(
      `SELECT unit_id, name, kind, region_id, region_path, status FROM campaign_unit WHERE campaign_id = $1 ORDER BY roster_index, unit_id`,
      [campaignId],
    ),
    dataSource.query(
      `SELECT s.unit_id, s.obligation_id, s.submitted_at, s.on_time, s.zero, s.content
         FROM campaign_submission s
        WHERE s.campaign_id = $1 AND ${OF_THE_DAY}
        ORDER BY s.unit_id, s.obligation_id`,
      [campaignId, obligationIdPrefix('report'), reportDaySuffix(day)],
    ),
  ]);
  return {
    roster: (roster as Raw[]).map((r) => ({
      unitId: r.unit_id,
      name: r.name,
      kind: r.kind,
      regionId: r.region_id,
      ...(r.region_path ? { regionPath: r.region_path } : {}),
      active: r.status === 'active',
    })),
    submissions: (submissions as Raw[]).map((r) => ({
      unitId: r.unit_id,
      obligationId: r.obligation_id,
      submittedAt: iso(r.submitted_at),
      onTime: r.on_time,
      zero: r.zero,
      content: r.content,
    })),
  };
}
