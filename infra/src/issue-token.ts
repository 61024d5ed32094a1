/**
 * `npm run token -- --role unit --unit unit-a --name 王经理 [--id wang]`: prints a bearer
 * token signed with this data directory's secret (or DUBAN_AUTH_SECRET).
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@duban/domain';
import { signAccessToken, type AccessTokenLifetime } from '../../apps/api/src/auth/access-token';
import { loadOrCreateAuthSecret } from './auth-secret';
import { defaultDataDir } from './cache-paths';

const { values } = parseArgs({
  options: { role: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' }, expires: { type: 'string', default: '30d' } },
});
const role = values.role as Role;
if (!ROLES.includes(role)) {
  console.error(`--role must be one of ${ROLES.join(', ')}`);
  process.exit(2);
}
if (role === 'unit' && !values.unit) {
  console.error('--unit <unitId> is required for a unit token');
  process.exit(2);
}
if (values.expires && !/^\d+[smhdwy]?$/.test(values.expires)) {
  console.error('--expires must look like 8h, 30d or a number of seconds');
  process.exit(2);
}
// A bare number means seconds (jsonwebtoken would read a numeric string as milliseconds).
const expiresIn = (/^\d+$/.test(values.expires!) ? Number(values.expires) : values.expires) as AccessTokenLifetime;
const name = values.name ?? role;
const actor = { id: values.id ?? `${role}-${name}`, name, role, unitId: values.unit };
console.log(signAccessToken(actor, loadOrCreateAuthSecret(defaultDataDir()), expiresIn));
