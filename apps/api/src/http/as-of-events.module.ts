import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecordEventsUpTo } from '@duban/persistence';

/** The reader of the records' events up to a moment (accidents, enforcement cases, covert inspections, tip-offs), for their as-of reads. */
@Module({
  providers: [{ provide: RecordEventsUpTo, inject: [DataSource], useFactory: (dataSource: DataSource) => new RecordEventsUpTo(dataSource) }],
  exports: [RecordEventsUpTo],
})
export class AsOfEventsModule {}
