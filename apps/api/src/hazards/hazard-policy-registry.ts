import { Inject, Injectable } from '@nestjs/common';
import { invalid, type HazardPolicy } from '@duban/domain';
import { HAZARD_POLICIES } from '../config/api-config.tokens';

/** The 督办规则 (hazard policies) this API offers; the first is the default. */
@Injectable()
export class HazardPolicyRegistry {
  constructor(@Inject(HAZARD_POLICIES) private readonly policies: HazardPolicy[]) {}

  /** The policy a report asks for, or the default; an unknown id is refused naming `policyId`. */
  choose(policyId?: string): HazardPolicy {
    if (policyId === undefined) return this.policies[0];
    const policy = this.policies.find((p) => p.id === policyId);
    if (!policy) {
      throw invalid('policyId', `unknown policyId ${JSON.stringify(policyId)}; known: ${this.policies.map((p) => p.id).join(', ')}`);
    }
    return policy;
  }
}
