import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  accountUnitId,
  admitAccountAssignment,
  conflict,
  invalid,
  loginKey,
  requiredText,
  sameAssignment,
  TEXT_LIMITS,
  validateLoginName,
  validatePassword,
  type AccountAssignment,
  type Actor,
} from '@duban/domain';
import { AccountStore, AuthSessions, RegistryReader, type AccountChange, type SessionsToRevoke } from '@duban/persistence';
import { CLOCK } from '../../config/api-config.tokens';
import { PasswordHasher } from '../login/password-hasher';
import { SessionGate } from '../session-gate';
import { AccountTerritory, assignmentOf } from './account-territory';
import { accountView, type AccountView } from './account-view';
import type { CreateAccountDto, UpdateAccountDto } from './dto/account.dto';

/**
 * The office's account changes (开通、变更、停用) and everyone's own password change. Safe to
 * retry: a creation repeated unchanged answers the account, a change that changes nothing is a
 * no-op, and every other change is made against the version it names (409 when stale).
 */
@Injectable()
export class AccountCommandsService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly sessions: AuthSessions,
    private readonly hasher: PasswordHasher,
    private readonly gate: SessionGate,
    private readonly registry: RegistryReader,
    private readonly territory: AccountTerritory,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  /** The assignment checked against the registry (单位库) as of now: account-registry-check.ts decides, this reads. */
  private async admitted(input: AccountAssignment): Promise<AccountAssignment> {
    const now = this.now();
    const current = async <K extends 'person' | 'unit' | 'region' | 'industry'>(kind: K, id: string | undefined) => {
      if (id === undefined) return undefined;
      const entry = await this.registry.get(kind, id, now);
      return entry && !entry.retired ? entry : undefined;
    };
    const person = (await current('person', input.personId))?.record;
    const unitId = accountUnitId(input, person);
    const [unit, region, industry] = await Promise.all([
      current('unit', unitId),
      current('region', input.regionId),
      current('industry', input.industryId),
    ]);
    const links =
      input.industryId !== undefined && unit
        ? (await this.registry.list('competent_department', { unitId: unit.record.id, asOf: now, limit: 500 })).items.map((e) => e.record)
        : [];
    return admitAccountAssignment(input, {
      person,
      unit: unit?.record,
      regionKnown: region !== undefined,
      industry: industry ? { id: industry.record.id, path: industry.path ?? industry.record.id } : undefined,
      departmentLinks: links,
    });
  }

  async create(actor: Actor, dto: CreateAccountDto): Promise<{ account: AccountView; created: boolean }> {
    const loginName = validateLoginName(dto.loginName);
    validatePassword(dto.password, loginName);
    const assignment = await this.admitted(dto);
    await this.territory.authorize(actor, dto.id, assignment);
    const displayName = requiredText(dto.displayName, 'displayName', TEXT_LIMITS.shortText);
    const reason = requiredText(dto.reason, 'reason');
    const now = this.now();
    const outcome = await this.accounts.create({
      id: dto.id,
      loginName,
      loginKey: loginKey(loginName),
      passwordHash: await this.hasher.hash(dto.password),
      displayName,
      personId: assignment.personId,
      role: assignment.role,
      unitId: assignment.unitId ?? null,
      regionId: assignment.regionId ?? null,
      industryId: assignment.industryId ?? null,
      disabled: false,
      createdAt: now,
      createdById: actor.id,
      createdByName: actor.name,
      changeReason: reason,
    });
    if (outcome.outcome === 'created') return { account: accountView(outcome.account), created: true };
    if (outcome.outcome === 'login_name_taken') throw conflict('account.login_name_taken', `login name ${loginName} is taken (regardless of case)`);
    const existing = outcome.account;
    const repeated =
      existing.loginKey === loginKey(loginName) &&
      existing.displayName === displayName &&
      sameAssignment(assignmentOf(existing), assignment) &&
      (await this.hasher.verify(existing.passwordHash, dto.password));
    if (!repeated) throw conflict('account.id_taken', `account id ${dto.id} is taken by another account`);
    return { account: accountView(existing), created: false };
  }

  async update(actor: Actor, id: string, dto: UpdateAccountDto): Promise<AccountView> {
    const reason = requiredText(dto.reason, 'reason');
    const current = await this.accounts.byId(id);
    if (!current) throw new NotFoundException(`account ${id} not found (账号不存在)`);
    await this.territory.authorize(actor, id, assignmentOf(current));
    const change: AccountChange = {};
    const revoke: SessionsToRevoke[] = [];
    if (dto.role === undefined && (dto.unitId ?? dto.regionId ?? dto.industryId ?? dto.personId) !== undefined)
      throw invalid(
        'account.scope_without_role',
        'role',
        'role is required with personId, unitId, regionId or industryId: a change restates the whole scope',
      );
    if (dto.role !== undefined) {
      const requested: AccountAssignment = { ...dto, role: dto.role, personId: dto.personId ?? current.personId };
      // One's own role and scope are not one's to change: refused before the registry is asked.
      const ownChange = (a: AccountAssignment) => actor.id === id && !sameAssignment(a, assignmentOf(current));
      if (ownChange(requested)) throw conflict('account.own_account', 'an office may not change the role or scope of its own account');
      const assignment = await this.admitted(requested);
      await this.territory.authorize(actor, id, assignment);
      if (!sameAssignment(assignment, assignmentOf(current))) {
        if (ownChange(assignment)) throw conflict('account.own_account', 'an office may not change the role or scope of its own account');
        Object.assign(change, {
          personId: assignment.personId,
          role: assignment.role,
          unitId: assignment.unitId ?? null,
          regionId: assignment.regionId ?? null,
          industryId: assignment.industryId ?? null,
        });
        revoke.push({ reason: 'account_changed' });
      }
    }
    if (dto.displayName !== undefined && requiredText(dto.displayName, 'displayName', TEXT_LIMITS.shortText) !== current.displayName)
      change.displayName = dto.displayName;
    if (dto.disabled !== undefined && dto.disabled !== current.disabled) {
      if (dto.disabled && actor.id === id) throw conflict('account.own_account', 'an office may not disable its own account');
      change.disabled = dto.disabled;
      if (dto.disabled) revoke.unshift({ reason: 'account_disabled' });
    }
    // Nothing to change (a retry of a change made already, too): the account as it is.
    if (Object.keys(change).length === 0) return accountView(current);
    const outcome = await this.accounts.update(
      id,
      dto.expectedVersion,
      change,
      { by: { id: actor.id, name: actor.name }, at: this.now(), reason },
      revoke[0],
    );
    if (outcome.outcome === 'missing') throw new NotFoundException(`account ${id} not found (账号不存在)`);
    if (outcome.outcome === 'stale')
      throw conflict(
        'account.version_stale',
        `account ${id} is at version ${outcome.account.version}, not ${dto.expectedVersion}: read it again and restate the change`,
      );
    if (outcome.sessionsRevoked > 0) this.gate.forgetAll();
    return accountView(outcome.account);
  }

  /** One's own password; every other login of the account ends (this one stays). */
  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<{ account: AccountView; sessionsEnded: number }> {
    const account = actor.sessionId === undefined ? undefined : await this.accounts.byId(actor.id);
    if (!account) throw conflict('account.none', 'this token belongs to no account (a demo token): there is no password to change');
    if (!(await this.hasher.verify(account.passwordHash, currentPassword)))
      throw invalid('account.password.current_wrong', 'currentPassword', 'currentPassword is not the current password');
    validatePassword(newPassword, account.loginName, 'newPassword');
    if (newPassword === currentPassword)
      throw invalid('account.password.unchanged', 'newPassword', 'newPassword must differ from the current password');
    const session = await this.sessions.status(actor.sessionId!);
    const outcome = await this.accounts.update(
      account.id,
      account.version,
      { passwordHash: await this.hasher.hash(newPassword) },
      { by: { id: actor.id, name: actor.name }, at: this.now(), reason: '本人修改密码 (own password change)' },
      { reason: 'password_changed', ...(session ? { exceptFamilyId: session.familyId } : {}) },
    );
    if (outcome.outcome !== 'updated') throw conflict('account.version_stale', `account ${account.id} changed meanwhile: try again`);
    this.gate.forgetAll();
    return { account: accountView(outcome.account), sessionsEnded: outcome.sessionsRevoked };
  }
}
