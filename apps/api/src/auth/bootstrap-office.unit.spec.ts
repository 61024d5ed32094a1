import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../testing/start-test-app';
import { BOOTSTRAP_OFFICE_ID } from './accounts/bootstrap-office';
import { InMemoryAccounts } from './testing/in-memory-accounts';
import { seededAccount, startAccountsApp } from './testing/start-accounts-app';

const bootstrapOffice = { loginName: 'admin', password: 'first office passphrase', regionId: '330106', displayName: '西湖区安委办 管理员' };

describe('the first office account (DUBAN_BOOTSTRAP_OFFICE_*)', () => {
  let api: TestApp | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('is created on start when no office account exists, and logs in', async () => {
    const store = new InMemoryAccounts();
    ({ api } = await startAccountsApp(store, { bootstrapOffice }));
    expect(store.rows.get(BOOTSTRAP_OFFICE_ID)).toMatchObject({ role: 'office', regionId: '330106', loginName: 'admin', createdById: 'duban' });
    const login = await api.call('POST', '/auth/login', undefined, { loginName: 'admin', password: bootstrapOffice.password });
    expect(login).toMatchObject({ status: 200, body: { account: { id: BOOTSTRAP_OFFICE_ID, role: 'office' } } });
  });

  it('is not created when an office account exists', async () => {
    const store = new InMemoryAccounts();
    store.rows.set('acc-office', seededAccount('acc-office', 'zhao.liu', 'correct horse battery', 'office'));
    ({ api } = await startAccountsApp(store, { bootstrapOffice }));
    expect(store.rows.has(BOOTSTRAP_OFFICE_ID)).toBe(false);
  });
});
