import { Module } from '@nestjs/common';
import { WorkCalendarCommandsService } from './work-calendar-commands.service';
import { WorkCalendarController } from './work-calendar.controller';
import { WorkCalendarReadsService } from './work-calendar-reads.service';
import { WorkCalendarSourceModule } from './work-calendar-source.module';

/** The work calendar (工作日历): read it, and the office loads the years the package does not carry. */
@Module({
  imports: [WorkCalendarSourceModule],
  controllers: [WorkCalendarController],
  providers: [WorkCalendarReadsService, WorkCalendarCommandsService],
})
export class WorkCalendarModule {}
