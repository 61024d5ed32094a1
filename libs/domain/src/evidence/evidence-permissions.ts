import type { Actor } from '../actor';
import { authorize, type PermissionTable } from '../permissions';
import { forbidden } from '../rejection';

export type EvidenceAction = 'upload' | 'read';

/** Who may upload and read evidence files (佐证材料). A file belongs to no unit until an event names it, so the unit's own are those it uploaded. */
export const EVIDENCE_PERMISSIONS: PermissionTable<EvidenceAction> = {
  ownObjects: 'evidence files (those it uploaded)',
  otherObject: 'this file was uploaded by',
  rules: {
    upload: {
      roles: ['office', 'inspector', 'unit'],
      ownUnitOnly: false,
      why: 'evidence is uploaded by those who record findings and rectifications: the office, inspectors and the responsible units; the auditor only reads',
    },
    read: {
      roles: ['office', 'inspector', 'auditor', 'unit'],
      ownUnitOnly: true,
      why: 'reading evidence is for the office, inspectors and auditors (who check any record); a unit reads only the files it uploaded, since another unit’s photos and signed forms are not its business',
    },
  },
};

/** `read` of one file, uploaded by `uploaderUnitIds` (the units among its uploaders; a repeat upload adds its unit). */
export function authorizeEvidenceRead(actor: Actor, uploaderUnitIds: readonly string[]): void {
  authorize(EVIDENCE_PERMISSIONS, 'read', actor);
  if (actor.role !== 'unit' || (actor.unitId !== undefined && uploaderUnitIds.includes(actor.unitId))) return;
  throw forbidden(
    'permission.own_unit_only',
    `unit ${actor.unitId ?? '(none)'} may read only the evidence files it uploaded; this one was uploaded by ${uploaderUnitIds.length > 0 ? `unit ${uploaderUnitIds.join(', ')}` : 'no unit'}`,
  );
}
