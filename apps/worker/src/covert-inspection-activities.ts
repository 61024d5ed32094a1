import { cstDate } from '@duban/domain';
import { RegistryReader, WorkCalendarSource, WorkCalendarYears, type CovertInspectionLedgerWriter } from '@duban/persistence';
import type { CovertHazardUnit, CovertInspectionActivities } from '@duban/workflows';
import type { DataSource } from 'typeorm';

/** The covert inspection workflow's I/O: its ledger (暗访台账), through the idempotent writer, and the registry and calendar its findings' hazards need. */
export function createCovertInspectionActivities(writer: CovertInspectionLedgerWriter, dataSource: DataSource): CovertInspectionActivities {
  const calendars = new WorkCalendarSource(new WorkCalendarYears(dataSource));
  return {
    recordCovertInspectionEvents: (input) => writer.record(input),
    async readUnitForCovertHazard({ unitId }) {
      const unit = await readUnitForCovertHazard(new RegistryReader(dataSource), unitId);
      // As the API resolves it for a hazard reported now (WorkCalendarResolver): every covered year from last year on.
      return unit && { place: unit, calendar: await calendars.calendar(Number(cstDate(new Date()).slice(0, 4)) - 1) };
    },
  };
}

/** The registry's word on an inspected unit for its hazard's report: its name as the place, its industry's name; null when gone. */
export async function readUnitForCovertHazard(registry: RegistryReader, unitId: string): Promise<CovertHazardUnit['place'] | null> {
  const unit = await registry.get('unit', unitId);
  if (!unit || unit.retired) return null;
  const { name, industryId } = unit.record;
  const industry = industryId === null ? undefined : await registry.get('industry', industryId);
  return { location: name, industry: industry?.record.name ?? industryId ?? '未登记行业 (no industry in the registry)' };
}
