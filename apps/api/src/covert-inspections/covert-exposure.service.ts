import { Inject, Injectable } from '@nestjs/common';
import {
  covertExposureList,
  covertExposurePeriod,
  type Actor,
  type CovertExposureList,
  type CovertExposureQuery,
  type HazardRectificationFacts,
} from '@duban/domain';
import { CovertExposurePublications, CovertInspectionLedgerReader, HazardLedgerReader, type CovertExposurePublicationRow } from '@duban/persistence';
import { CLOCK } from '../config/api-config.tokens';
import type { PublishCovertExposureDto } from './dto/covert-exposure.dto';

/**
 * 暗访曝光: the list grouped by the domain from the ledger's completed inspections, each finding's
 * rectification read from the hazard ledger row of the hazard it became, and its publication.
 */
@Injectable()
export class CovertExposureService {
  constructor(
    private readonly ledger: CovertInspectionLedgerReader,
    private readonly hazards: HazardLedgerReader,
    private readonly publications: CovertExposurePublications,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  async list(query: CovertExposureQuery): Promise<CovertExposureList> {
    const { start, end } = covertExposurePeriod(query);
    const filter: CovertExposureQuery = { from: query.from, to: query.to, regionId: query.regionId, industry: query.industry };
    const states = await this.ledger.completedSnapshots(start, end);
    const hazardIds = states.flatMap((s) => s.findings.flatMap((f) => (f.hazardId ? [f.hazardId] : [])));
    const rows = await this.hazards.byIds(hazardIds);
    const facts = new Map(
      rows.map((r): [string, HazardRectificationFacts] => [r.hazardId, { status: r.status, overdue: r.overdue, delistedAt: r.delistedAt }]),
    );
    return covertExposureList(states, filter, this.now(), facts);
  }

  /** Publishes the list as it stands now; the same period and filters again answer the first publication (`created: false`). */
  async publish(actor: Actor, dto: PublishCovertExposureDto): Promise<{ publication: CovertExposurePublicationRow; created: boolean }> {
    const { reason, ...query } = dto;
    const list = await this.list(query);
    return this.publications.publish({ list, actor, reason, at: this.now() });
  }
}
