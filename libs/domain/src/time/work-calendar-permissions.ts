import type { PermissionTable } from '../permissions';

export type WorkCalendarAction = 'read' | 'load_year';

/** Who may read and load the official work calendar (工作日历): everyone reads it, the office loads a year. */
export const WORK_CALENDAR_PERMISSIONS: PermissionTable<WorkCalendarAction> = {
  ownObjects: 'work calendar',
  otherObject: 'the work calendar',
  rules: {
    read: { roles: ['office', 'inspector', 'auditor', 'unit'], ownUnitOnly: false, why: 'the work calendar is read by every role' },
    load_year: {
      roles: ['office'],
      ownUnitOnly: false,
      why: "a year's official schedule (放假调休安排) is loaded by the safety committee office",
    },
  },
};
