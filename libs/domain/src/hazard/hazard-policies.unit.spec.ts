import { describe, expect, it } from 'vitest';
import { chooseHazardPolicy } from './hazard-policies';
import { STANDARD_HAZARD_POLICY, type HazardPolicy } from './hazard-policy';

const strict: HazardPolicy = { ...STANDARD_HAZARD_POLICY, id: 'strict-2026', maxExtensions: 0 };

describe('chooseHazardPolicy (督办规则 on offer)', () => {
  it('gives the first policy when none is named, and the named one otherwise', () => {
    expect(chooseHazardPolicy([STANDARD_HAZARD_POLICY, strict], undefined)).toBe(STANDARD_HAZARD_POLICY);
    expect(chooseHazardPolicy([STANDARD_HAZARD_POLICY, strict], 'strict-2026')).toBe(strict);
  });

  it('refuses an unknown id naming the field that carried it and listing the known ones', () => {
    expect(() => chooseHazardPolicy([STANDARD_HAZARD_POLICY, strict], 'nope')).toThrow(
      expect.objectContaining({ kind: 'invalid', field: 'policyId', message: 'unknown policyId "nope"; known: standard-2026, strict-2026' }),
    );
    expect(() => chooseHazardPolicy([STANDARD_HAZARD_POLICY], 'lenient', 'hazardPolicyId')).toThrow(
      expect.objectContaining({ field: 'hazardPolicyId', message: 'unknown hazardPolicyId "lenient"; known: standard-2026' }),
    );
  });

  it('has no default to give when nothing is on offer', () => {
    expect(() => chooseHazardPolicy([], undefined)).toThrow(RangeError);
  });
});
