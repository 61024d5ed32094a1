import { EVENT_PAGE_DEFAULT, EVENT_PAGE_MAX } from '@duban/persistence';
import { IntegerQueryField, TextField } from './field-decorators';

/**
 * `?cursor=&limit=` of the audit trails (履职记录): keyset pages, so a long trail (a 3,000-unit,
 * 100-day campaign) comes a bounded page at a time.
 */
export class AuditTrailPageQuery {
  @TextField({
    description: 'Continue after the page that answered this `next` (下一页游标); absent: from the start. Opaque: pass back what you were given.',
    optional: true,
    max: 200,
    pattern: '^[A-Za-z0-9_-]+$',
  })
  cursor?: string;

  @IntegerQueryField({ description: `Events per page (每页条数), 1–${EVENT_PAGE_MAX}; default ${EVENT_PAGE_DEFAULT}.`, min: 1, max: EVENT_PAGE_MAX })
  limit?: number;
}
