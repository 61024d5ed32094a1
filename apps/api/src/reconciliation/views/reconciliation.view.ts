import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  RECONCILIATION_DRIFT_TYPE_LABELS,
  RECONCILIATION_DRIFT_TYPES,
  RECONCILIATION_KIND_LABELS,
  RECONCILIATION_KINDS,
  type ReconciliationDriftType,
  type ReconciliationKind,
} from '@duban/domain';

/** `value 中文 (English)` for each, as the docs list them. */
const listed = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels)
    .map(([value, label]) => `${value}: ${label}`)
    .join('; ');

class StartedByView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'office, or system for the nightly Schedule.' }) role!: string;
}

/** 台账核对: one run, where it stands and what it counted. */
export class ReconciliationRunView {
  @ApiProperty({ description: '核对编号 (run id): its workflow id.' }) runId!: string;
  @ApiProperty({ format: 'date-time', description: '开始 (started at).' }) startedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: '结束 (finished at); null while it runs.' })
  finishedAt!: string | null;
  @ApiProperty({ type: () => StartedByView, description: '发起人 (started by).' }) startedBy!: StartedByView;
  @ApiProperty({ description: '理由 (reason).' }) reason!: string;
  @ApiProperty({ description: '核对数 (aggregates checked), once finished.' }) checked!: number;
  @ApiProperty({ description: '偏差数 (with drift, or whose workflow could not be read).' }) drifted!: number;
  @ApiProperty({ description: '已修复 (repaired by re-projecting from the workflow).' }) repaired!: number;
}

/** 台账偏差: one aggregate whose ledger differed from its workflow. */
export class ReconciliationDriftView {
  @ApiProperty({ enum: RECONCILIATION_KINDS, description: `对象类型 (kind). ${listed(RECONCILIATION_KIND_LABELS)}.` })
  kind!: ReconciliationKind;
  @ApiProperty({ enum: RECONCILIATION_DRIFT_TYPES, description: `偏差类型 (drift type). ${listed(RECONCILIATION_DRIFT_TYPE_LABELS)}.` })
  driftType!: ReconciliationDriftType;
  @ApiProperty({ description: '对象编号 (aggregate id).' }) aggregateId!: string;
  @ApiProperty() workflowId!: string;
  @ApiProperty({
    description:
      'What drifted: rowMissing, fields (field, expected, found), missingSeqs, extraSeqs, alteredSeqs (a campaign unit: by seq only, alteredSeqs always empty); orphanRow when the ledger row has no workflow (kept, never deleted); or error when the workflow could not be read.',
    type: 'object',
    additionalProperties: true,
  })
  drift!: unknown;
  @ApiProperty({ description: '已修复 (repaired); never for an orphan row, which the auditors decide on.' }) repaired!: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class ReconciliationReportView extends ReconciliationRunView {
  @ApiProperty({ type: () => [ReconciliationDriftView], description: '偏差 (every drift found, in the order found).' })
  drift!: ReconciliationDriftView[];
}

/** What starting a run answers: its id, and whether it has finished yet. */
export class ReconciliationStartView {
  @ApiProperty({ description: '核对编号 (run id).' }) runId!: string;
  @ApiProperty({ enum: ['running', 'completed'], description: 'running 核对中 | completed 已完成.' }) status!: 'running' | 'completed';
  @ApiPropertyOptional({ description: 'That it still runs: read it back by its id.' }) message?: string;
}
