import { LEDGER_PAGE_DEFAULT, LEDGER_PAGE_MAX } from '@duban/persistence';
import { IntegerQueryField } from './field-decorators';

/** Largest `offset`: far past any ledger, and well inside PostgreSQL's bigint OFFSET. */
export const PAGE_OFFSET_MAX = 1_000_000_000;

/** `?limit=&offset=` of the paged ledger lists; the filters of each list extend it. */
export class PageQuery {
  @IntegerQueryField({ description: `Page size (每页条数), 1–${LEDGER_PAGE_MAX}; default ${LEDGER_PAGE_DEFAULT}.`, min: 1, max: LEDGER_PAGE_MAX })
  limit?: number;

  @IntegerQueryField({ description: `Rows to skip (偏移), 0–${PAGE_OFFSET_MAX}; default 0.`, min: 0, max: PAGE_OFFSET_MAX })
  offset?: number;
}

/** `?limit=` of the newest-first escalation feeds (督办升级): no `offset`, default 100. */
export class FeedLimitQuery {
  @IntegerQueryField({ description: `At most this many (条数), 1–${LEDGER_PAGE_MAX}; default 100.`, min: 1, max: LEDGER_PAGE_MAX })
  limit?: number;
}
