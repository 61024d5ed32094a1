import { AccountabilityFiringRecord } from './accountability-firing-record.entity';
import { ControlIndicatorCheckRecord } from './control-indicator-check-record.entity';
import { ControlIndicatorRecord } from './control-indicator-record.entity';
import { ControlIndicatorRevisionRecord } from './control-indicator-revision-record.entity';

/** The accident record's tables (控制指标, 按月检查, 问责): one list for DUBAN_ENTITIES. */
export const ACCIDENT_RECORD_ENTITIES = [
  ControlIndicatorRecord,
  ControlIndicatorRevisionRecord,
  ControlIndicatorCheckRecord,
  AccountabilityFiringRecord,
];
