import { BlacklistChangeRecord } from './blacklist-change-record.entity';
import { RepeatViolationFiringRecord } from './repeat-violation-firing-record.entity';

/** The tables of the rules over the enforcement record (firings, 黑名单): one list for DUBAN_ENTITIES. */
export const ENFORCEMENT_RECORD_ENTITIES = [RepeatViolationFiringRecord, BlacklistChangeRecord];
