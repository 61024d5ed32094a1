import type { SignedInspectionReader } from '@duban/persistence';

type UnitOf = (id: string) => Promise<string | undefined>;

/**
 * The signed-inspection reads over the in-memory hazards and accidents: each known one is a
 * trigger at `at` (a hazard as a major one), with no inspections recorded — what the authorization
 * matrix needs to reach the object checks.
 */
export function inMemorySignedInspections(hazardUnitOf: UnitOf, accidentUnitOf: UnitOf, at: Date): Partial<SignedInspectionReader> {
  return {
    hazardTrigger: async (id) => {
      const unitId = await hazardUnitOf(id);
      return unitId === undefined ? undefined : { kind: 'major_hazard', id, unitId, at: at.toISOString(), grade: 'major' };
    },
    accidentTrigger: async (id) => {
      const unitId = await accidentUnitOf(id);
      return unitId === undefined ? undefined : { kind: 'accident', id, unitId, at: at.toISOString() };
    },
    inspections: async () => [],
    hazardsFound: async () => [],
  };
}
