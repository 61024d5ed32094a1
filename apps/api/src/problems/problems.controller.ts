import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { ApiProblem, ApiServerErrors } from '../http/api-responses.decorator';
import { PROBLEM_CODES } from '../http/problem';
import { ProblemTypeView } from './problem-type.view';
import { problemTypes } from './problem-types';

/** What a problem's `type` (`/problems/<code>`) resolves to: the code's status and Chinese words. No token needed. */
@ApiTags('problems 错误类型')
@Controller('problems')
export class ProblemsController {
  @Public()
  @Get()
  @ApiOperation({ summary: 'Every problem type 错误类型一览: code, status, 中文说明 (for a zh-CN interface to translate `code`)' })
  @ApiOkResponse({ type: [ProblemTypeView] })
  @ApiServerErrors()
  list(): ProblemTypeView[] {
    return problemTypes();
  }

  @Public()
  @Get(':code')
  @ApiOperation({ summary: 'One problem type 错误类型' })
  @ApiParam({ name: 'code', description: 'The code, e.g. `hazard.plan.five_in_place_missing`.', schema: { type: 'string', enum: PROBLEM_CODES } })
  @ApiOkResponse({ type: ProblemTypeView })
  @ApiProblem(404, 'No such problem type (`resource.not_found`).')
  @ApiServerErrors()
  get(@Param('code') code: string): ProblemTypeView {
    const found = problemTypes().find((entry) => entry.code === code);
    if (!found) throw new NotFoundException(`no problem type ${JSON.stringify(code)}`);
    return found;
  }
}
