import { Module } from '@nestjs/common';
import { WorkflowGateway } from './workflow-gateway';

/** The one WorkflowGateway every feature module imports (over the global TEMPORAL_CLIENT). */
@Module({ providers: [WorkflowGateway], exports: [WorkflowGateway] })
export class WorkflowGatewayModule {}
