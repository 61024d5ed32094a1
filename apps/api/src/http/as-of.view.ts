import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A record detail's `stateSource`, the as-of read's `events` included. */
export const StateSourceProperty = () =>
  ApiProperty({
    description: 'Where `state` came from: workflow (live) | ledger (台账 snapshot) | events (某一时刻: folded from the events up to `asOf`).',
    enum: ['workflow', 'ledger', 'events'],
  });

/** A detail's `asOf`: the moment an as-of read was asked for. */
export const AsOfEchoProperty = () =>
  ApiPropertyOptional({
    description: '某一时刻 (as of): the instant asked for with `?asOf=`, echoed; absent on a read of now.',
    format: 'date-time',
  });
