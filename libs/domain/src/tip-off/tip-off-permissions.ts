import type { Actor } from '../actor';
import { authorize, type PermissionTable } from '../permissions';

export type TipOffAction = 'read' | 'intake' | 'verify' | 'record_accident_link';

/** Who may do what to a tip-off (举报): the office takes it in and verifies it; auditors and inspectors read. */
export const TIP_OFF_PERMISSIONS: PermissionTable<TipOffAction> = {
  ownObjects: 'tip-offs',
  otherObject: 'this tip-off names unit',
  rules: {
    read: {
      roles: ['office', 'inspector', 'auditor'],
      ownUnitOnly: false,
      why: 'reading the tip-off ledger (举报台账); units never see who informed on them',
    },
    intake: { roles: ['office'], ownUnitOnly: false, why: 'tip-offs and media reports are taken in (受理) by the safety committee office' },
    verify: { roles: ['office'], ownUnitOnly: false, why: 'a tip-off is verified (核查) by the office that took it in' },
    record_accident_link: { roles: ['system'], ownUnitOnly: false, why: 'Duban records that the accident record took the verified tip' },
  },
};

/** `authorize` over TIP_OFF_PERMISSIONS by role (tip-offs belong to a region, not a unit: the API checks the territory). */
export function authorizeTipOffAction(action: TipOffAction, actor: Actor): void {
  authorize(TIP_OFF_PERMISSIONS, action, actor);
}
