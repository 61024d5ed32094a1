import { Inject, Injectable } from '@nestjs/common';
import { covertExposureList, covertExposurePeriod, type Actor, type CovertExposureList, type CovertExposureQuery } from '@duban/domain';
import { CovertExposurePublications, CovertInspectionLedgerReader, type CovertExposurePublicationRow } from '@duban/persistence';
import { CLOCK } from '../config/api-config.tokens';
import type { PublishCovertExposureDto } from './dto/covert-exposure.dto';

/** 暗访曝光: the list grouped by the domain from the ledger's completed inspections, and its publication. */
@Injectable()
export class CovertExposureService {
  constructor(
    private readonly ledger: CovertInspectionLedgerReader,
    private readonly publications: CovertExposurePublications,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  async list(query: CovertExposureQuery): Promise<CovertExposureList> {
    const { start, end } = covertExposurePeriod(query);
    const filter: CovertExposureQuery = { from: query.from, to: query.to, regionId: query.regionId, industry: query.industry };
    return covertExposureList(await this.ledger.completedSnapshots(start, end), filter, this.now());
  }

  /** Publishes the list as it stands now; the same period and filters again answer the first publication (`created: false`). */
  async publish(actor: Actor, dto: PublishCovertExposureDto): Promise<{ publication: CovertExposurePublicationRow; created: boolean }> {
    const { reason, ...query } = dto;
    const list = await this.list(query);
    return this.publications.publish({ list, actor, reason, at: this.now() });
  }
}
