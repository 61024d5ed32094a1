import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { WORK_CALENDAR_PERMISSIONS, type Actor } from '@duban/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { PutCalendarYearDto } from './dto/put-calendar-year.dto';
import { CALENDAR_YEAR_SCHEMA, ParseCalendarYearPipe } from './parse-calendar-year.pipe';
import { WorkCalendarCommandsService } from './work-calendar-commands.service';
import { WorkCalendarReadsService, type CalendarYearDetail, type CalendarYearSummary } from './work-calendar-reads.service';
import { CalendarYearView, PutCalendarYearResultView, WorkCalendarView } from './views/work-calendar.view';

const ApiCalendarYear = () =>
  ApiParam({ name: 'year', description: '年度 (year), 4 digits; anything else is a 400 naming `year`.', schema: CALENDAR_YEAR_SCHEMA });

@ApiTags('work calendar 工作日历')
@ApiBearerAuth()
@Controller('work-calendar')
export class WorkCalendarController {
  constructor(
    private readonly reads: WorkCalendarReadsService,
    private readonly commands: WorkCalendarCommandsService,
  ) {}

  @Get()
  @Permit(WORK_CALENDAR_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'The work calendar 工作日历',
    description:
      'The years covered, each with its source (国务院办公厅放假安排 from the chinese-days package, or loaded by the office) and version. Working-day (工作日) deadlines are counted on these years only: one reaching any other year is refused naming it.',
  })
  @ApiOkResponse({ type: WorkCalendarView })
  @ApiCommonErrors()
  overview(): Promise<{ version: string; years: CalendarYearSummary[] }> {
    return this.reads.overview();
  }

  @Get(':year')
  @Permit(WORK_CALENDAR_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'One year of the work calendar 年度工作日历',
    description: 'Its holidays (放假), make-up working days (调休上班) and, for an office year, every version with who, when and why.',
  })
  @ApiCalendarYear()
  @ApiOkResponse({ type: CalendarYearView })
  @ApiCommonErrors()
  @ApiProblem(404, '该年度的工作日历尚未载入 (year not covered, `resource.not_found`).')
  year(@Param('year', ParseCalendarYearPipe) year: number): Promise<CalendarYearDetail> {
    return this.reads.year(year);
  }

  @Put(':year')
  @Permit(WORK_CALENDAR_PERMISSIONS, 'load_year')
  @ApiOperation({
    summary: 'Load or change one year 载入年度工作日历',
    description:
      "By the office (安委办): the year's holidays and 调休 make-up working days as the State Council's notice gives them, with the reason. A new version each time (the previous one stays readable); `expectedVersion` is the version read (0 or absent for a first load), a stale one is a 409; the same days again change nothing. Workflows already running keep the calendar they started with.",
  })
  @ApiCalendarYear()
  @ApiOkResponse({ type: PutCalendarYearResultView })
  @ApiCommonErrors()
  @ApiProblem(409, '工作日历已被修改 (`calendar.version_stale`): read the year again and send its version.')
  putYear(
    @CurrentActor() actor: Actor,
    @Param('year', ParseCalendarYearPipe) year: number,
    @Body() dto: PutCalendarYearDto,
  ): Promise<CalendarYearDetail & { changed: boolean }> {
    return this.commands.putYear(actor, year, dto);
  }
}
