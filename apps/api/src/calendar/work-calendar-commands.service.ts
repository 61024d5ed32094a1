import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@duban/domain';
import { WorkCalendarYears } from '@duban/persistence';
import { CLOCK } from '../config/api-config.tokens';
import { commandArgs } from '../http/command-args';
import type { PutCalendarYearDto } from './dto/put-calendar-year.dto';
import { WorkCalendarReadsService, type CalendarYearDetail } from './work-calendar-reads.service';

/**
 * The work calendar (工作日历), the commands: the office loads or changes one year. Workflows
 * already running keep the calendar they were started with; new ones get the year from now on.
 */
@Injectable()
export class WorkCalendarCommandsService {
  constructor(
    private readonly years: WorkCalendarYears,
    private readonly reads: WorkCalendarReadsService,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  async putYear(actor: Actor, year: number, dto: PutCalendarYearDto): Promise<CalendarYearDetail & { changed: boolean }> {
    const { holidays, makeupWorkdays, reason, expectedVersion } = commandArgs(dto);
    const { changed } = await this.years.put({ year, holidays, makeupWorkdays, reason, expectedVersion, actor }, this.now());
    return { ...(await this.reads.year(year)), changed };
  }
}
