import { Injectable, NotFoundException } from '@nestjs/common';
import { authorize, AUDIT_PERMISSIONS, type Actor } from '@duban/domain';
import type { BundleSubjectKind } from '@duban/audit';
import { AccidentLedgerReader, EnforcementLedgerReader, HazardLedgerReader, RegistryReader } from '@duban/persistence';
import { authorizeOnAccident } from '../accidents/accident-access';
import { Places } from '../auth/places';
import { CampaignAccess } from '../campaigns/campaign-access';
import { authorizeOnEnforcementCase } from '../enforcement/enforcement-access';
import { authorizeOnHazard } from '../hazards/hazard-access';

/**
 * Whether the caller may export a subject's bundle (审计导出): an auditor or the office (403
 * otherwise), then the subject's own read check — its ledger must know it (404), then its unit,
 * territory and industry (403) — so a bundle shows no more than the caller could read. A unit
 * is looked up in the registry and checked at its place.
 */
@Injectable()
export class BundleSubjectAccess {
  constructor(
    private readonly places: Places,
    private readonly campaigns: CampaignAccess,
    private readonly hazards: HazardLedgerReader,
    private readonly accidents: AccidentLedgerReader,
    private readonly enforcement: EnforcementLedgerReader,
    private readonly registry: RegistryReader,
  ) {}

  async exportable(kind: BundleSubjectKind, id: string, actor: Actor): Promise<void> {
    authorize(AUDIT_PERMISSIONS, 'export', actor);
    switch (kind) {
      case 'hazard':
        return void (await authorizeOnHazard(this.hazards, id, actor, 'read', this.places));
      case 'campaign':
        return void (await this.campaigns.readable(id, actor));
      case 'accident':
        return void (await authorizeOnAccident(this.accidents, id, actor, 'read', this.places));
      case 'enforcement':
        return void (await authorizeOnEnforcementCase(this.enforcement, id, actor, 'read', this.places));
      case 'unit':
        if (!(await this.registry.get('unit', id))) throw new NotFoundException(`unit ${id} not found in the registry`);
        return authorize(AUDIT_PERMISSIONS, 'export', actor, await this.places.of(actor, id));
    }
  }
}
