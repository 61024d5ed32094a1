import {
  blacklistChanges,
  evaluateBlacklist,
  evaluateRepeatViolationRules,
  recordedFirings,
  REPEAT_OFFENDER_BLACKLIST_RULE,
  SEED_REPEAT_VIOLATION_RULES,
} from '@duban/domain';
import type { EnforcementRecordStore } from '@duban/persistence';
import type { EnforcementRecordActivities } from '@duban/workflows';

/** The enforcement record review's I/O: the violations from the ledger, the rules (pure), the firings and blacklist changes recorded once each. */
export function createEnforcementRecordActivities(store: EnforcementRecordStore): EnforcementRecordActivities {
  return {
    async reviewEnforcementRecord({ runId, asOf }) {
      const facts = (await store.violationFacts()).filter((f) => f.foundOn <= asOf);
      const firings = recordedFirings(evaluateRepeatViolationRules(facts, SEED_REPEAT_VIOLATION_RULES), facts);
      const changes = blacklistChanges(evaluateBlacklist(facts, asOf, REPEAT_OFFENDER_BLACKLIST_RULE), new Date());
      const recorded = await store.record({ runId, firings, changes });
      return {
        runId,
        asOf,
        firings: firings.map((f) => f.firingKey),
        newFirings: recorded.firings,
        blacklistChanges: changes.map((c) => c.changeKey),
        newBlacklistChanges: recorded.changes,
      };
    },
  };
}
