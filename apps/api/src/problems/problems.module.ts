import { Module } from '@nestjs/common';
import { ProblemsController } from './problems.controller';

/** The problem types (`/problems/<code>`) every error names. */
@Module({ controllers: [ProblemsController] })
export class ProblemsModule {}
