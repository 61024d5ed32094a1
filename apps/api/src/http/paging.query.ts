import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { LEDGER_PAGE_DEFAULT, LEDGER_PAGE_MAX } from '@duban/persistence';

/**
 * An optional `limit` query parameter: a whole number in 1..LEDGER_PAGE_MAX. applyDecorators
 * applies in list order, stacked decorators bottom-up: the rules are listed bottom-up so that
 * they run in the order they always have (with stopAtFirstError, the first broken one is reported).
 */
const LimitParam = (description: string) =>
  applyDecorators(
    Max(LEDGER_PAGE_MAX),
    Min(1),
    IsInt(),
    Type(() => Number),
    IsOptional(),
    ApiPropertyOptional({ description, minimum: 1, maximum: LEDGER_PAGE_MAX }),
  );

/** `?limit=&offset=` of the paged ledger lists; the filters of each list extend it. */
export class PageQuery {
  @LimitParam(`Page size (每页条数), 1–${LEDGER_PAGE_MAX}; default ${LEDGER_PAGE_DEFAULT}.`)
  limit?: number;

  @ApiPropertyOptional({ description: 'Rows to skip (偏移), ≥ 0; default 0.', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

/** `?limit=` of the newest-first escalation feeds (督办升级): no `offset`, default 100. */
export class FeedLimitQuery {
  @LimitParam(`At most this many (条数), 1–${LEDGER_PAGE_MAX}; default 100.`)
  limit?: number;
}
