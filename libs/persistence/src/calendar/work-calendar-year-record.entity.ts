import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '@duban/domain';

/**
 * One version of one year of the work calendar (工作日历) as the office loaded it: a row per
 * version, never updated but to close it (`valid_to`), so "which days did the calendar hold on
 * date T" stays answerable. `valid_to` null = the current version; one current version per year.
 * Years the chinese-days package carries need no row (calendar/official-schedule.ts).
 */
@Entity({ name: 'work_calendar_year' })
@Index('uq_work_calendar_year_current', ['year'], { unique: true, where: '"valid_to" IS NULL' })
export class WorkCalendarYearRecord {
  @PrimaryColumn({ name: 'year', type: 'integer', primaryKeyConstraintName: 'pk_work_calendar_year' })
  year!: number;

  /** 1, 2, …: the expected version of the next write (optimistic concurrency). */
  @PrimaryColumn({ name: 'version', type: 'integer', primaryKeyConstraintName: 'pk_work_calendar_year' })
  version!: number;

  /** Public holidays (放假), days 'YYYY-MM-DD' ascending. */
  @Column({ name: 'holidays', type: 'jsonb' })
  holidays!: string[];

  /** 调休 make-up working days (weekend days worked), ascending. */
  @Column({ name: 'makeup_workdays', type: 'jsonb' })
  makeupWorkdays!: string[];

  @Column({ name: 'change', type: 'varchar' })
  change!: 'created' | 'updated';

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  @Column({ name: 'changed_by_id', type: 'varchar' })
  changedById!: string;

  @Column({ name: 'changed_by_name', type: 'text' })
  changedByName!: string;

  @Column({ name: 'changed_by_role', type: 'varchar' })
  changedByRole!: Role | 'system';

  @Column({ name: 'changed_by_unit', type: 'varchar', nullable: true })
  changedByUnit!: string | null;

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom!: Date;

  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true })
  validTo!: Date | null;
}
