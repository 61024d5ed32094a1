import { NotFoundException } from '@nestjs/common';
import { authorizeCovertInspectionRead, DomainRejection, type Actor, type CovertInspectionState } from '@duban/domain';
import type { CovertInspectionLedgerFilter, CovertInspectionLedgerReader } from '@duban/persistence';

const notFound = (inspectionId: string) => new NotFoundException(`covert inspection ${inspectionId} not found`);

/**
 * The inspection as `actor` may see it (authorizeCovertInspectionRead decides). One it may not
 * see is a 404, like one that does not exist: a 403 would tell the inspected that a plan is on
 * (不打招呼). Answers its last recorded state.
 */
export async function visibleCovertInspection(
  ledger: CovertInspectionLedgerReader,
  inspectionId: string,
  actor: Actor,
): Promise<CovertInspectionState> {
  const state = await ledger.snapshot(inspectionId);
  if (!state) throw notFound(inspectionId);
  try {
    authorizeCovertInspectionRead(state, actor);
  } catch (error) {
    if (error instanceof DomainRejection && error.kind === 'forbidden') throw notFound(inspectionId);
    throw error;
  }
  return state;
}

/**
 * Who may act on an inspection: whoever may see it, and a unit owed feedback on one of its
 * orders (told of the result, it acknowledges before the inspection is done); the decider then
 * keeps each acknowledgement to its recipient.
 */
export async function actionableCovertInspection(
  ledger: CovertInspectionLedgerReader,
  inspectionId: string,
  actor: Actor,
): Promise<CovertInspectionState> {
  const state = await ledger.snapshot(inspectionId);
  const owed = actor.role === 'unit' && state?.orders.some((o) => o.feedback.some((f) => f.unitId === actor.unitId));
  return owed ? state! : visibleCovertInspection(ledger, inspectionId, actor);
}

/** authorizeCovertInspectionRead over a list: the office sees every plan, an inspector its team's, the others only completed ones (a unit those it was sampled in). */
export function covertInspectionListVisibility(
  actor: Actor,
): Pick<CovertInspectionLedgerFilter, 'completedOnly' | 'planVisibleToAccountId' | 'sampledUnitId'> {
  switch (actor.role) {
    case 'office':
      return {};
    case 'inspector':
      return { planVisibleToAccountId: actor.id };
    case 'unit':
      return { completedOnly: true, sampledUnitId: actor.unitId ?? '' };
    default:
      return { completedOnly: true };
  }
}
