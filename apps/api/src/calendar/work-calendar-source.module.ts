import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkCalendarSource, WorkCalendarYears } from '@duban/persistence';
import { WorkCalendarResolver } from './work-calendar-resolver';

/**
 * The work calendar (工作日历) as data: the chinese-days years overlaid with the office's, from
 * PostgreSQL. Imported by the feature modules that start workflows (hazards, campaigns), which
 * hand the resolved calendar to the workflow in its input.
 */
@Module({
  providers: [
    { provide: WorkCalendarYears, inject: [DataSource], useFactory: (dataSource: DataSource) => new WorkCalendarYears(dataSource) },
    { provide: WorkCalendarSource, inject: [WorkCalendarYears], useFactory: (years: WorkCalendarYears) => new WorkCalendarSource(years) },
    WorkCalendarResolver,
  ],
  exports: [WorkCalendarYears, WorkCalendarSource, WorkCalendarResolver],
})
export class WorkCalendarSourceModule {}
