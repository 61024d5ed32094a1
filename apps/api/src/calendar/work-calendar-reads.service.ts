import { Injectable, NotFoundException } from '@nestjs/common';
import { WorkCalendarSource, WorkCalendarYears, type CoveredCalendarYear, type OfficeCalendarYear } from '@duban/persistence';
import { workCalendarData, type WorkCalendarYear } from '@duban/domain';

export interface OfficeCalendarVersion {
  version: number;
  change: 'created' | 'updated';
  reason: string;
  changedBy: OfficeCalendarYear['changedBy'];
  validFrom: string;
  validTo?: string;
}

export interface CalendarYearSummary {
  year: number;
  origin: CoveredCalendarYear['origin'];
  source: string;
  version: string;
  holidayCount: number;
  makeupWorkdayCount: number;
  office?: OfficeCalendarVersion;
}

export interface CalendarYearDetail extends CalendarYearSummary {
  holidays: string[];
  makeupWorkdays: string[];
  history: OfficeCalendarVersion[];
}

function versionOf(y: OfficeCalendarYear): OfficeCalendarVersion {
  const { version, change, reason, changedBy, validFrom, validTo } = y;
  return { version, change, reason, changedBy, validFrom, ...(validTo ? { validTo } : {}) };
}

function summaryOf(y: CoveredCalendarYear): CalendarYearSummary {
  return {
    year: y.year,
    origin: y.origin,
    source: y.source,
    version: y.version,
    holidayCount: y.holidays.length,
    makeupWorkdayCount: y.makeupWorkdays.length,
    ...(y.office ? { office: versionOf(y.office) } : {}),
  };
}

/** The work calendar (工作日历), the reads: which years are covered, from where, in which version. */
@Injectable()
export class WorkCalendarReadsService {
  constructor(
    private readonly source: WorkCalendarSource,
    private readonly years: WorkCalendarYears,
  ) {}

  async overview(): Promise<{ version: string; years: CalendarYearSummary[] }> {
    const years = await this.source.years();
    const all = Object.fromEntries(
      years.map((y): [string, WorkCalendarYear] => [String(y.year), { holidays: y.holidays, makeupWorkdays: y.makeupWorkdays, source: y.source }]),
    );
    return { version: workCalendarData(all).version, years: years.map(summaryOf) };
  }

  /** One covered year; 404 for a year the calendar does not cover. */
  async year(year: number): Promise<CalendarYearDetail> {
    const covered = (await this.source.years()).find((y) => y.year === year);
    if (!covered) throw new NotFoundException(`${year}年的工作日历尚未载入 (no official work calendar for ${year})`);
    const history = covered.origin === 'office' ? (await this.years.history(year)).map(versionOf) : [];
    return { ...summaryOf(covered), holidays: covered.holidays, makeupWorkdays: covered.makeupWorkdays, history };
  }
}
