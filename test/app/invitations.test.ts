import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptInvitation, createInvitation } from '../../src/app/usecases/invitations.ts';
import { bootstrapSuperadmins, identifyPerson } from '../../src/app/usecases/identify.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ superadminIds: [1001n] });
  await app.addOpds('DINKES', 'DINSOS');
});
afterEach(async () => app.close());

describe('invitations', () => {
  it('makes the opener an admin once, and only within 7 days', async () => {
    const [superadmin] = (await bootstrapSuperadmins(app.deps)).superadmins;
    if (!superadmin) throw new Error('no superadmin');
    const created = await createInvitation(app.deps, superadmin, { kind: 'opd', code: 'DINKES' });
    expect(created.link).toBe('https://t.me/kopdar_test_bot?start=token000001');
    expect(created.replies[0]?.text).toContain('30 November 2026');

    const first = await app.addPerson(2001, 'none');
    const accepted = await acceptInvitation(app.deps, first, 'token000001');
    expect(accepted.replies[0]?.text).toContain('Selamat bergabung');
    expect(accepted.replies[1]?.chatId).toBe(1001n);
    expect(accepted.roleChanges).toEqual([{ telegramId: 2001n, role: 'admin' }]);
    const again = await acceptInvitation(app.deps, await app.addPerson(2002, 'none'), 'token000001');
    expect(again.replies[0]?.text).toContain('sudah dipakai');

    await createInvitation(app.deps, superadmin, { kind: 'opd', code: 'DINSOS' });
    await app.clock.advance(7 * 86_400_000 + 1);
    const late = await acceptInvitation(app.deps, await app.addPerson(2003, 'none'), 'token000002');
    expect(late.replies[0]?.text).toContain('kedaluwarsa');
    const person = await app.deps.uow.run((r) => r.users.findByTelegramId(2003n));
    expect(person?.role).toBe('none');
  });

  it('a leader invited as head of an OPD is linked to it and receives its escalations', async () => {
    const [superadmin] = (await bootstrapSuperadmins(app.deps)).superadmins;
    if (!superadmin) throw new Error('no superadmin');
    const created = await createInvitation(app.deps, superadmin, { kind: 'leader', headOf: 'DINKES' });
    expect(created.replies[0]?.text).toContain('Pimpinan (kepala) OPD DINKES (DINKES)');
    const kadis = await app.addPerson(3001, 'none');
    const accepted = await acceptInvitation(app.deps, kadis, 'token000001');
    expect(accepted.roleChanges).toEqual([{ telegramId: 3001n, role: 'leader' }]);
    const opd = await app.deps.uow.run((r) => r.opds.findByCode('DINKES'));
    const heads = await app.deps.uow.run((r) => r.activity.headsOf(opd?.id ?? 0));
    expect(heads.map((h) => h.telegramId)).toEqual([3001n]);
  });

  it('refuses an unknown OPD without creating anything', async () => {
    const [superadmin] = (await bootstrapSuperadmins(app.deps)).superadmins;
    if (!superadmin) throw new Error('no superadmin');
    const outcome = await createInvitation(app.deps, superadmin, { kind: 'opd', code: 'NOPE' });
    expect(outcome.link).toBeUndefined();
    expect(outcome.replies[0]?.text).toContain('tidak ditemukan');
  });

  it('SUPERADMIN_IDS promotes listed people and demotes those removed from the list', async () => {
    const formerly = await app.addPerson(9999, 'superadmin');
    expect(formerly.role).toBe('superadmin');
    const sync = await bootstrapSuperadmins(app.deps);
    expect(sync.demoted.map((p) => p.telegramId)).toEqual([9999n]);
    expect((await app.deps.uow.run((r) => r.users.findByTelegramId(9999n)))?.role).toBe('none');
    const sari = await identifyPerson(app.deps, { telegramId: 1001n, username: 'Sari_K', firstName: 'Sari', lastName: null });
    expect(sari.person.role).toBe('superadmin');
    expect(sari.person.username).toBe('sari_k');
  });
});
