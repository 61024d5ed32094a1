import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorView } from '../../http/actor.view';

const ORIGIN =
  "Where the year comes from 来源: official_package (国务院办公厅放假安排 as the chinese-days package carries it) | office (loaded by the office 安委办载入; replaces the package's year).";

/** One version of a year the office loaded, with who, when and why. */
export class OfficeCalendarVersionView {
  @ApiProperty({ description: 'Version 版本 (1, 2, …): send it as `expectedVersion` to change the year.' })
  version!: number;

  @ApiProperty({ description: 'created 新载入 | updated 修改.', enum: ['created', 'updated'] })
  change!: string;

  @ApiProperty({ description: '事由 (reason).' })
  reason!: string;

  @ApiProperty({ description: 'Who loaded it 操作人.', type: () => ActorView })
  changedBy!: ActorView;

  @ApiProperty({ description: 'In force from 生效时间.', format: 'date-time' })
  validFrom!: string;

  @ApiPropertyOptional({ description: 'Replaced at 失效时间 (absent for the current version).', format: 'date-time' })
  validTo?: string;
}

/** One covered year of the work calendar (工作日历), in the list. */
export class CalendarYearSummaryView {
  @ApiProperty({ description: '年度 (year).' })
  year!: number;

  @ApiProperty({ description: ORIGIN, enum: ['official_package', 'office'] })
  origin!: string;

  @ApiProperty({ description: 'Source label 数据来源 (`chinese-days@1.5.7`, `office.v2`).' })
  source!: string;

  @ApiProperty({ description: 'Content version of this year 版本标识 (source + SHA-256 of its days).' })
  version!: string;

  @ApiProperty({ description: 'Public holidays 放假天数.' })
  holidayCount!: number;

  @ApiProperty({ description: 'Make-up working days 调休上班天数.' })
  makeupWorkdayCount!: number;

  @ApiPropertyOptional({ description: "The office's current version of the year (office years only).", type: () => OfficeCalendarVersionView })
  office?: OfficeCalendarVersionView;
}

/** GET /work-calendar: the years covered and where each comes from. */
export class WorkCalendarView {
  @ApiProperty({ description: 'Version 版本标识 of the whole calendar (every covered year), as recorded beside deadlines counted on it.' })
  version!: string;

  @ApiProperty({
    description: 'Covered years 已载入年度, ascending; a working-day deadline in any other year is refused naming it.',
    type: () => [CalendarYearSummaryView],
  })
  years!: CalendarYearSummaryView[];
}

/** GET /work-calendar/:year: one covered year with its days and, for an office year, every version. */
export class CalendarYearView extends CalendarYearSummaryView {
  @ApiProperty({ description: '放假日期 (public holidays), YYYY-MM-DD ascending.', type: [String], format: 'date' })
  holidays!: string[];

  @ApiProperty({ description: '调休上班日期 (make-up working days), YYYY-MM-DD ascending.', type: [String], format: 'date' })
  makeupWorkdays!: string[];

  @ApiProperty({
    description: 'Every version the office loaded 历次版本, oldest first (empty for a package year).',
    type: () => [OfficeCalendarVersionView],
  })
  history!: OfficeCalendarVersionView[];
}

/** PUT /work-calendar/:year: the year as it now stands, and whether this write changed it. */
export class PutCalendarYearResultView extends CalendarYearView {
  @ApiProperty({ description: 'false when the days sent equal the current version (nothing recorded).' })
  changed!: boolean;
}
