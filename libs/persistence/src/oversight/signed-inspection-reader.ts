import type { DataSource } from 'typeorm';
import type { Actor, HazardFoundAtUnit, OversightTrigger, SignedInspection } from '@duban/domain';
import { iso } from '../sql/row-values';

type ActorColumns = { actor_id: string; actor_name: string; actor_role: string; actor_unit_id: string | null };

const actorOf = (r: ActorColumns): Actor => ({
  id: r.actor_id,
  name: r.actor_name,
  role: r.actor_role as Actor['role'],
  ...(r.actor_unit_id === null ? {} : { unitId: r.actor_unit_id }),
});

/** The same China day as an inspection may still hold its finding: the hazards are read a day past each end. */
const DAY_MS = 86_400_000;

/**
 * The signed inspections of one unit and the hazards found there (疏漏追责), read from the
 * ledgers' own events: campaign inspections (inspection_recorded), covert inspections that sampled
 * the unit and were completed, and the enforcement cases' resumption inspections and supervision
 * checks. Which of them recorded nothing is the domain's call (oversightsBefore).
 */
export class SignedInspectionReader {
  constructor(private readonly dataSource: DataSource) {}

  /** A major hazard as a trigger: undefined when the ledger has no such hazard. */
  async hazardTrigger(hazardId: string): Promise<(OversightTrigger & { grade: string }) | undefined> {
    const [row]: Array<{ unit_id: string; reported_at: Date; grade: string }> = await this.dataSource.query(
      'SELECT unit_id, reported_at, grade FROM hazard_ledger WHERE hazard_id = $1',
      [hazardId],
    );
    return row && { kind: 'major_hazard', id: hazardId, unitId: row.unit_id, at: iso(row.reported_at), grade: row.grade };
  }

  /** An accident as a trigger, at the time it happened: undefined when the ledger has no such accident. */
  async accidentTrigger(accidentId: string): Promise<OversightTrigger | undefined> {
    const [row]: Array<{ unit_id: string; occurred_at: Date }> = await this.dataSource.query(
      'SELECT unit_id, occurred_at FROM accident_ledger WHERE accident_id = $1',
      [accidentId],
    );
    return row && { kind: 'accident', id: accidentId, unitId: row.unit_id, at: iso(row.occurred_at) };
  }

  /** Every signed inspection of `unitId` in [from, until), oldest first. */
  async inspections(unitId: string, from: Date, until: Date): Promise<SignedInspection[]> {
    const [campaign, covert, enforcement] = await Promise.all([
      this.campaignInspections(unitId, from, until),
      this.covertInspections(unitId, from, until),
      this.enforcementInspections(unitId, from, until),
    ]);
    return [...campaign, ...covert, ...enforcement].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  /** The hazards reported at `unitId` around [from, until): who reported each, when, in which campaign. */
  async hazardsFound(unitId: string, from: Date, until: Date): Promise<HazardFoundAtUnit[]> {
    const rows: Array<{ hazard_id: string; reported_at: Date; reported_by_id: string; campaign_id: string | null }> = await this.dataSource.query(
      `SELECT hazard_id, reported_at, reported_by_id, campaign_id FROM hazard_ledger
        WHERE unit_id = $1 AND reported_at >= $2 AND reported_at < $3 ORDER BY reported_at`,
      [unitId, new Date(from.getTime() - DAY_MS), new Date(until.getTime() + DAY_MS)],
    );
    return rows.map((r) => ({ hazardId: r.hazard_id, reportedAt: iso(r.reported_at), reportedById: r.reported_by_id, campaignId: r.campaign_id }));
  }

  private async campaignInspections(unitId: string, from: Date, until: Date): Promise<SignedInspection[]> {
    const rows: Array<ActorColumns & { campaign_id: string; at: Date; data: { note?: string } }> = await this.dataSource.query(
      `SELECT campaign_id, at, actor_id, actor_name, actor_role, actor_unit_id, data FROM campaign_event
        WHERE unit_id = $1 AND type = 'inspection_recorded' AND at >= $2 AND at < $3`,
      [unitId, from, until],
    );
    return rows.map((r) => ({
      kind: 'campaign_inspection',
      campaignId: r.campaign_id,
      unitId,
      at: iso(r.at),
      signedBy: actorOf(r),
      alsoNamed: [],
      ref: r.campaign_id,
      note: r.data.note ?? '',
    }));
  }

  /** A covert inspection signs for the unit when it is completed with the unit in its sample. */
  private async covertInspections(unitId: string, from: Date, until: Date): Promise<SignedInspection[]> {
    const rows: Array<ActorColumns & { inspection_id: string; at: Date; summary: string | null; team: Array<{ name: string }>; findings: string }> =
      await this.dataSource.query(
        `SELECT c.inspection_id, c.at, c.actor_id, c.actor_name, c.actor_role, c.actor_unit_id, c.data->>'summary' AS summary,
              jsonb_build_array(p.data->'plan'->'leader') || COALESCE(p.data->'plan'->'members', '[]'::jsonb) AS team,
              (SELECT count(*) FROM covert_inspection_event f
                WHERE f.inspection_id = c.inspection_id AND f.type = 'finding_recorded' AND f.data->>'unitId' = $1) AS findings
         FROM covert_inspection_event c
         JOIN covert_inspection_event p ON p.inspection_id = c.inspection_id AND p.type = 'planned'
        WHERE c.type = 'completed' AND c.at >= $2 AND c.at < $3 AND p.data->'sample'->'unitIds' @> jsonb_build_array($1::text)`,
        [unitId, from, until],
      );
    return rows.map((r) => ({
      kind: 'covert_inspection',
      findingsAtUnit: Number(r.findings),
      unitId,
      at: iso(r.at),
      signedBy: actorOf(r),
      alsoNamed: r.team.map((m) => m.name).filter((name) => name !== r.actor_name),
      ref: r.inspection_id,
      note: r.summary ?? '',
    }));
  }

  private async enforcementInspections(unitId: string, from: Date, until: Date): Promise<SignedInspection[]> {
    const rows: Array<
      ActorColumns & {
        case_id: string;
        type: 'resumption_inspected' | 'supervision_check_recorded';
        at: Date;
        data: { passed?: boolean; producing?: boolean; findings: string; inspectors?: string[] };
      }
    > = await this.dataSource.query(
      `SELECT e.case_id, e.type, e.at, e.actor_id, e.actor_name, e.actor_role, e.actor_unit_id, e.data
         FROM enforcement_event e JOIN enforcement_case_ledger l ON l.case_id = e.case_id
        WHERE l.unit_id = $1 AND e.type IN ('resumption_inspected', 'supervision_check_recorded') AND e.at >= $2 AND e.at < $3`,
      [unitId, from, until],
    );
    return rows.map((r) => {
      const common = { unitId, at: iso(r.at), signedBy: actorOf(r), alsoNamed: r.data.inspectors ?? [], ref: r.case_id, note: r.data.findings };
      return r.type === 'resumption_inspected'
        ? { ...common, kind: 'resumption_inspection', passed: r.data.passed === true }
        : { ...common, kind: 'supervision_check', producing: r.data.producing === true };
    });
  }
}
