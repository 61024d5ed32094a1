import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';

export class HealthStatus {
  @ApiProperty({ description: 'Always `ok` when the API process answers (存活检查 liveness).', example: 'ok' })
  status!: 'ok';
}

@ApiTags('health 健康检查')
@Controller('health')
export class HealthController {
  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness check (no token needed) 存活检查' })
  @ApiOkResponse({ type: HealthStatus })
  health(): HealthStatus {
    return { status: 'ok' };
  }
}
