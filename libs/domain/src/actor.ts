/** Who may call Duban. Labels are the terms users know. */
export const ROLES = ['office', 'inspector', 'unit', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role | 'system', string> = {
  office: '安委会办公室 (safety committee office)',
  inspector: '检查组 (inspector / verifier)',
  unit: '责任单位 (responsible unit)',
  auditor: '纪委监委/审计 (auditor, read-only)',
  system: '系统 (Duban, acting on policy)',
};

/** The person behind a state change: every recorded event names one (谁排查、谁签字、谁负责). */
export interface Actor {
  id: string;
  name: string;
  role: Role | 'system';
  /** The unit the person acts for; required for role `unit`. */
  unitId?: string;
  /** The person (责任人) behind a logged-in account (absent on demo tokens). */
  personId?: string;
  /** The region (属地) the actor acts in, when its account names one. */
  regionId?: string;
  /** The industry (行业) a department's account governs. */
  industryId?: string;
  /** The login session the actor's token belongs to (absent on demo tokens, which no login issued). */
  sessionId?: string;
}

/** Duban itself, when a policy timer fires. */
export const SYSTEM_ACTOR: Actor = { id: 'duban', name: '督办系统', role: 'system' };
