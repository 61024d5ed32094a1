import { ApiProperty } from '@nestjs/swagger';
import type { Casualties } from '@duban/domain';

export class CasualtiesView implements Casualties {
  @ApiProperty({ description: '死亡 (deaths).' }) deaths!: number;
  @ApiProperty({ description: '失踪 (missing).' }) missing!: number;
  @ApiProperty({ description: '重伤 (serious injuries, incl. acute industrial poisoning).' }) seriousInjuries!: number;
  @ApiProperty({ description: '直接经济损失 (direct economic loss), CNY 元.' }) directLossYuan!: number;
}
