import { TEXT_LIMITS } from '@duban/domain';
import { TextField } from '../../http/field-decorators';

/** A reconciliation run now (台账核对), besides the nightly one. */
export class StartReconciliationDto {
  @TextField({
    description: '理由 (reason) for running it now rather than waiting for the nightly run; kept in the report.',
    max: TEXT_LIMITS.longText,
  })
  reason!: string;
}
