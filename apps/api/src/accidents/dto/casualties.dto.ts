import type { Casualties } from '@duban/domain';
import { NumberField } from '../../http/field-decorators';

/** The casualty numbers of a report (伤亡情况): whole people, whole yuan (money is never a float). */
export class CasualtiesDto implements Casualties {
  @NumberField({ description: '死亡人数 (deaths), whole number ≥ 0.', integer: true, min: 0, max: 100_000, example: 3 })
  deaths!: number;

  @NumberField({
    description: '失踪人数 (missing), whole number ≥ 0; counted toward deaths only where the grading policy says so.',
    integer: true,
    min: 0,
    max: 100_000,
    example: 0,
  })
  missing!: number;

  @NumberField({
    description: '重伤人数 (serious injuries, incl. 急性工业中毒 acute industrial poisoning), whole number ≥ 0.',
    integer: true,
    min: 0,
    max: 100_000,
    example: 1,
  })
  seriousInjuries!: number;

  @NumberField({
    description: '直接经济损失 (direct economic loss), whole CNY 元 ≥ 0.',
    integer: true,
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    example: 3_000_000,
  })
  directLossYuan!: number;
}
