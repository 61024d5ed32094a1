import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { EVENT_PAGE_DEFAULT, EVENT_PAGE_MAX } from '@duban/persistence';

/**
 * `?cursor=&limit=` of the audit trails (履职记录): keyset pages, so a long trail (a 3,000-unit,
 * 100-day campaign) comes a bounded page at a time.
 */
export class AuditTrailPageQuery {
  @ApiPropertyOptional({
    description: 'Continue after the page that answered this `next` (下一页游标); absent: from the start. Opaque: pass back what you were given.',
    maxLength: 200,
  })
  @IsOptional()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be the `next` of an earlier page of this audit trail' })
  cursor?: string;

  @ApiPropertyOptional({
    description: `Events per page (每页条数), 1–${EVENT_PAGE_MAX}; default ${EVENT_PAGE_DEFAULT}.`,
    minimum: 1,
    maximum: EVENT_PAGE_MAX,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(EVENT_PAGE_MAX)
  limit?: number;
}
