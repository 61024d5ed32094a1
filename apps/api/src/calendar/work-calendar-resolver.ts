import { Injectable } from '@nestjs/common';
import { cstDate, type WorkCalendarData } from '@duban/domain';
import { WorkCalendarSource } from '@duban/persistence';

/**
 * Resolves the calendar a new workflow is handed (never read in workflow code): every covered
 * year from the one before `at` (a reminder counted back from an early-January deadline) on.
 * Years not yet loaded are simply absent, so a deadline reaching one is refused naming it.
 */
@Injectable()
export class WorkCalendarResolver {
  constructor(private readonly source: WorkCalendarSource) {}

  calendarFrom(at: Date): Promise<WorkCalendarData> {
    return this.source.calendar(Number(cstDate(at).slice(0, 4)) - 1);
  }
}
