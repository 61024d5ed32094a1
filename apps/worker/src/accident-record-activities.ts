import type { AccidentRecordReader, AccidentRecordWriter } from '@duban/persistence';
import { controlIndicatorOf } from '@duban/persistence';
import type { AccidentRecordActivities } from '@duban/workflows';

/** The accident record review's I/O: the ledger, the registry's regions and the caps in; checks, firings and obligations out. */
export function createAccidentRecordActivities(reader: AccidentRecordReader, writer: AccidentRecordWriter): AccidentRecordActivities {
  return {
    async loadAccidentRecord({ year }) {
      const [facts, indicators] = await Promise.all([reader.accidentFacts(year), reader.indicators(year)]);
      return { facts, indicators: indicators.map(controlIndicatorOf), territories: await reader.territories(facts.map((f) => f.regionId)) };
    },
    async recordAccidentReview({ checks, firings, checkedAt }) {
      return writer.recordReview({ checks, firings, checkedAt: new Date(checkedAt) });
    },
    recordAccountabilityAction: (state) => writer.recordAction(state),
  };
}
