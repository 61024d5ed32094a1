import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Why a run did not replay, and where. */
export class ReplayFailureView {
  @ApiProperty({
    description: 'nondeterminism 不确定性 (the code no longer issues the commands the history recorded) | other 其他.',
    enum: ['nondeterminism', 'other'],
  })
  kind!: 'nondeterminism' | 'other';
  @ApiProperty({ description: '说明 (the SDK’s message).' }) message!: string;
  @ApiPropertyOptional({ description: '分歧事件 (the history event where the code diverged), when the SDK names it.' }) eventId?: number;
}

/** One run of a workflow (continue-as-new starts the next) replayed against the current workflow code. */
export class RunReplayView {
  @ApiProperty({ description: '流程编号 (workflow id).' }) workflowId!: string;
  @ApiProperty({ description: '运行编号 (run id).' }) runId!: string;
  @ApiProperty({ description: '事件数 (events in this run’s history).' }) eventCount!: number;
  @ApiProperty({ description: '重放用时 (replay time, ms).' }) durationMs!: number;
  @ApiProperty({ description: '一致 (replayed without failure).' }) ok!: boolean;
  @ApiPropertyOptional({ description: '失败 (the failure), when not ok.', type: () => ReplayFailureView }) failure?: ReplayFailureView;
}

/** One workflow id: every run first to last, or missing on the Temporal server. */
export class WorkflowReplayView {
  @ApiProperty({ description: '流程编号 (workflow id).' }) workflowId!: string;
  @ApiProperty({ description: '缺失 (the Temporal server has no such workflow: never started, or past retention); counts as a failure.' })
  missing!: boolean;
  @ApiProperty({ description: '各次运行 (its runs, first to last).', type: () => [RunReplayView] }) runs!: RunReplayView[];
}

export class ReplaySummaryView {
  @ApiProperty({ description: '历史 (workflow ids replayed, each across its runs).' }) histories!: number;
  @ApiProperty({ description: '运行 (runs).' }) runs!: number;
  @ApiProperty({ description: '事件 (events replayed).' }) events!: number;
  @ApiProperty({ description: '事件/秒 (events per second of replay); null when nothing was replayed.', type: Number, nullable: true })
  eventsPerSecond!: number | null;
  @ApiProperty({ description: '失败 (runs that did not replay, plus missing workflows).' }) failures!: number;
}

/** 重放报告: every history replayed against the current workflow code, and the totals. */
export class ReplayReportView {
  @ApiProperty({
    description: '各流程 (each workflow, in the order asked: a campaign first, then its units, then its hazards).',
    type: () => [WorkflowReplayView],
  })
  workflows!: WorkflowReplayView[];
  @ApiProperty({ description: '汇总 (totals).', type: () => ReplaySummaryView }) summary!: ReplaySummaryView;
}
