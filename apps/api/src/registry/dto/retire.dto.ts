import { ExpectedVersionField, ReasonField } from './registry-fields';

/** 注销: a retire is a version too (never a delete), so reads as of an earlier date still find the record. */
export class RetireDto {
  @ExpectedVersionField()
  expectedVersion!: number;

  @ReasonField()
  reason!: string;
}
