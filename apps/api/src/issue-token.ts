/**
 * Prints bearer tokens signed with DUBAN_AUTH_SECRET (the secret the API verifies with):
 *   node dist/apps/api/src/issue-token.js --role unit --unit unit-a --name 王经理 [--id wang] [--expires 30d]
 *   node dist/apps/api/src/issue-token.js --demo     (one `<role> <token>` line per demo actor)
 * `npm run token -- ...` runs it with the local data directory's secret.
 */
import { parseArgs } from 'node:util';
import { ROLES, type Actor, type Role } from '@duban/domain';
import { signAccessToken, type AccessTokenLifetime } from './auth/access-token';

const DEMO_ACTORS: Actor[] = [
  { id: 'office-demo', name: '安委办 值班员', role: 'office' },
  { id: 'inspector-demo', name: '检查组 组长', role: 'inspector' },
  { id: 'unit-demo', name: '示范建设公司 安全员', role: 'unit', unitId: 'unit-demo' },
  { id: 'auditor-demo', name: '纪委监委 审计员', role: 'auditor' },
];

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    unit: { type: 'string' },
    name: { type: 'string' },
    id: { type: 'string' },
    expires: { type: 'string', default: '30d' },
    demo: { type: 'boolean', default: false },
  },
});
const secret = process.env.DUBAN_AUTH_SECRET;
if (!secret) fail('DUBAN_AUTH_SECRET is not set: it must be the secret the API runs with');
if (!/^\d+[smhdwy]?$/.test(values.expires!)) fail('--expires must look like 8h, 30d or a number of seconds');
// A bare number means seconds (jsonwebtoken would read a numeric string as milliseconds).
const expiresIn = (/^\d+$/.test(values.expires!) ? Number(values.expires) : values.expires) as AccessTokenLifetime;

if (values.demo) {
  for (const actor of DEMO_ACTORS) console.log(`${actor.role.padEnd(9)} ${signAccessToken(actor, secret, expiresIn)}`);
} else {
  const role = values.role as Role;
  if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')} (or --demo)`);
  if (role === 'unit' && !values.unit) fail('--unit <unitId> is required for a unit token');
  const name = values.name ?? role;
  const actor: Actor = { id: values.id ?? `${role}-${name}`, name, role, unitId: values.unit };
  console.log(signAccessToken(actor, secret, expiresIn));
}
