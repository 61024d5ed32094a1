import { Controller, Get, HttpStatus, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { TemporalHealthIndicator } from './temporal.health';

export class HealthStatus {
  @ApiProperty({ description: 'Always `ok` when the API process answers (存活检查 liveness).', example: 'ok' })
  status!: 'ok';
}

/** How long one dependency may take to answer before it counts as down. */
export const READINESS_CHECK_TIMEOUT_MS = 2_000;

@ApiTags('health 健康检查')
// Probed by orchestrators every few seconds from one address: never rate limited.
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly temporal: TemporalHealthIndicator,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness check (no token needed) 存活检查' })
  @ApiOkResponse({ type: HealthStatus })
  liveness(): HealthStatus {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness check (no token needed) 就绪检查',
    description: 'PostgreSQL answers a query and Temporal answers for the namespace, each within 2 s. 503 names the part that failed under `error`.',
  })
  async readiness(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.postgres.pingCheck('postgres', { timeout: READINESS_CHECK_TIMEOUT_MS }),
        () => this.temporal.check('temporal', READINESS_CHECK_TIMEOUT_MS),
      ]);
    } catch (error) {
      // Terminus reports a failed check as a 503 exception carrying the result: answered here
      // as it is, so the body keeps naming which part is down whatever the error filter makes of exceptions.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
