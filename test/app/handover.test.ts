import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { cancelHandovers, decideHandover, handoverDecisionData, requestHandover } from '../../src/app/usecases/handover.ts';
import { registerAccount } from '../../src/app/usecases/accounts.ts';
import { recordReports } from '../../src/app/usecases/reports.ts';
import type { Outcome } from '../../src/app/deps.ts';
import type { PersonRef } from '../../src/app/usecases/members.ts';
import type { Person } from '../../src/domain/model.ts';
import { serahterima } from '../../commands/serahterima.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
let superadmin: Person;
let admin: Person;
let newcomer: Person;
let leader: Person;
let otherAdmin: Person;

beforeEach(async () => {
  // Monday 23 November 2026, 09:00 WIB.
  app = await createTestApp({ now: '2026-11-23T02:00:00.000Z' });
  await app.addOpds('DINKES', 'DINSOS');
  superadmin = await app.addPerson(1001, 'superadmin', undefined, 'Sari');
  admin = await app.addPerson(2001, 'admin', 'DINKES', 'Budi');
  newcomer = await app.addPerson(2002, 'none', undefined, 'Rina');
  leader = await app.addPerson(3001, 'leader', undefined, 'Pak Bupati');
  otherAdmin = await app.addPerson(4001, 'admin', 'DINSOS', 'Dodi');
});
afterEach(async () => app.close());

const ref = (p: Person): PersonRef => ({ username: p.username ?? '' });
const text = (outcome: Outcome): string => outcome.replies[0]?.text ?? '';
const to = (outcome: Outcome, person: Person): string[] => outcome.replies.filter((r) => r.chatId === person.telegramId).map((r) => r.text);
const request = (actor: Person, target: Person, code: string | null = null, from: Person | null = null) =>
  requestHandover(app.deps, actor, { kind: 'request', code, from: from ? ref(from) : null, to: ref(target) });
const reload = (p: Person) => app.deps.uow.run(async (repos) => repos.users.findById(p.id));
const handoverRows = (): { id: number; status: string; pendingKey: string | null; toUserId: number }[] => {
  const db = new Database(app.file, { readonly: true });
  try {
    return db.prepare('SELECT id, status, pendingKey, toUserId FROM Handover ORDER BY id').all() as { id: number; status: string; pendingKey: string | null; toUserId: number }[];
  } finally {
    db.close();
  }
};
const auditActions = (): string[] => {
  const db = new Database(app.file, { readonly: true });
  try {
    return (db.prepare('SELECT action FROM AuditLog ORDER BY id').all() as { action: string }[]).map((r) => r.action);
  } finally {
    db.close();
  }
};
const lastHandoverId = (): number => handoverRows().at(-1)?.id ?? -1;

describe('/serahterima request', () => {
  it('an admin asks; the newcomer gets a card with Terima / Tolak buttons explaining what accepting means', async () => {
    const outcome = await request(admin, newcomer);
    expect(text(outcome)).toContain('Permintaan serah terima tugas admin <b>DINKES</b> telah dikirim kepada Rina (@user2002)');
    expect(text(outcome)).toContain('/serahterima batal');
    const [card] = outcome.replies.filter((r) => r.chatId === newcomer.telegramId);
    expect(card?.text).toContain('Budi (@user2001) menyerahkan tugas admin media sosial <b>OPD DINKES (DINKES)</b> kepada Anda');
    expect(card?.text).toContain('25 November 2026 09.00 WIB');
    const id = lastHandoverId();
    expect(card?.buttons).toEqual([
      [
        { text: '✅ Terima', callbackData: handoverDecisionData(id, true) },
        { text: '❌ Tolak', callbackData: handoverDecisionData(id, false) },
      ],
    ]);
    expect(handoverRows()).toEqual([{ id, status: 'pending', pendingKey: `${admin.opdId}:${admin.id}`, toUserId: newcomer.id }]);
    expect(auditActions()).toContain('handover.requested');
  });

  it('refuses, saying what to do: unknown person, self, superadmin, leader, admin of another OPD, a second pending request', async () => {
    const unknown = await requestHandover(app.deps, admin, { kind: 'request', code: null, from: null, to: { username: 'belum_ada' } });
    expect(text(unknown)).toBe(
      '@belum_ada belum pernah membuka bot ini, jadi bot belum dapat mengirim pesan kepadanya. Mohon minta ia membuka @kopdar_test_bot dan mengirim /start, lalu kirim ulang perintah serah terima ini.',
    );
    expect(text(await request(admin, admin))).toContain('Admin baru harus orang lain');
    expect(text(await request(admin, superadmin))).toContain('superadmin Diskominfo, jadi tidak dapat menjadi admin OPD');
    expect(text(await request(admin, leader))).toContain('terdaftar sebagai Pimpinan');
    expect(text(await request(admin, otherAdmin))).toContain('sudah menjadi admin DINSOS; satu orang hanya dapat menjadi admin satu OPD');
    expect(text(await request(admin, newcomer, 'DINSOS'))).toContain('Anda admin DINKES, jadi hanya dapat menyerahterimakan tugas admin DINKES, bukan DINSOS');
    expect(handoverRows()).toEqual([]);

    await request(admin, newcomer);
    const third = await app.addPerson(2003, 'none');
    expect(text(await request(admin, third))).toContain('Sudah ada permintaan serah terima tugas admin DINKES kepada Rina (@user2002)');
    expect(handoverRows()).toHaveLength(1);
  });

  it('a superadmin hands over an OPD with one admin by code, and must name the old admin when there are several', async () => {
    expect(text(await request(superadmin, newcomer))).toContain('Sebutkan kode OPD-nya');
    expect(text(await request(superadmin, newcomer, 'DINSOS'))).toContain('telah dikirim kepada Rina');
    const second = await app.addPerson(2004, 'admin', 'DINKES', 'Wati');
    const several = text(await request(superadmin, newcomer, 'DINKES'));
    expect(several).toContain('DINKES punya 2 admin: Budi (@user2001), Wati (@user2004)');
    expect(several).toContain('/serahterima DINKES @admin_lama @admin_baru');
    expect(text(await request(superadmin, newcomer, 'DINKES', otherAdmin))).toContain('Dodi (@user4001) bukan admin DINKES');
    const named = await request(superadmin, newcomer, 'DINKES', second);
    expect(text(named)).toContain('telah dikirim kepada Rina');
    // The old admin hears that Diskominfo started it.
    expect(to(named, second)[0]).toContain('Diskominfo (Sari) memulai serah terima tugas admin <b>OPD DINKES (DINKES)</b> dari Anda');
    expect(to(named, newcomer)[0]).toContain('Wati (@user2004) (atas permintaan Diskominfo, Sari) menyerahkan');
    await app.addOpds('BAPPEDA');
    expect(text(await request(superadmin, newcomer, 'BAPPEDA'))).toContain('BAPPEDA belum punya admin');
  });

  it('the command reads its words: batal, @baru, KODE @baru, KODE @lama @baru; anything else shows how to use it', async () => {
    const run = (actor: Person, words: string) =>
      serahterima.execute({ actor, chat: { id: actor.telegramId, kind: 'private' } }, { text: words, replyToText: null, hiddenLinks: [], replyHiddenLinks: [] }, app.deps);
    expect(text(await run(admin, 'batal'))).toContain('Tidak ada permintaan serah terima');
    expect(text(await run(admin, '@user2002 ekstra kata lagi'))).toContain('Format perintah belum tepat');
    expect(text(await run(admin, 'dinkes 2002'))).toContain('telah dikirim kepada Rina');
    expect(text(await run(admin, 'BATAL'))).toContain('Permintaan serah terima dibatalkan: DINKES kepada Rina (@user2002)');
    expect(text(await run(superadmin, 'DINKES @user2001 @user2002'))).toContain('telah dikirim kepada Rina');
  });
});

describe('/serahterima decision', () => {
  it('accepting makes the newcomer the admin, removes the old one, keeps reports with the OPD and resets the accounts', async () => {
    await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'instagram', account: '@dinkes.kab' });
    await recordReports(app.deps, admin, { links: ['https://www.instagram.com/p/DKs_abc123/'], note: null, leadingWord: null });
    await request(admin, newcomer);
    await app.clock.advance(3_600_000);
    const outcome = await decideHandover(app.deps, newcomer, lastHandoverId(), true);

    expect(outcome.answer).toBe('Serah terima diterima.');
    expect(outcome.editedText).toContain('✅ Anda menerima serah terima ini.');
    expect(await reload(newcomer)).toMatchObject({ role: 'admin', opdId: admin.opdId });
    expect(await reload(admin)).toMatchObject({ role: 'none', opdId: null });
    expect(outcome.roleChanges).toEqual([
      { telegramId: newcomer.telegramId, role: 'admin' },
      { telegramId: admin.telegramId, role: 'none' },
    ]);
    const [account] = await app.deps.uow.run((repos) => repos.accounts.listForOpd(admin.opdId ?? -1));
    expect(account?.lastVerifiedAt).toBeNull();
    const reports = await app.deps.uow.run((repos) => repos.reports.recentForOpd(admin.opdId ?? -1, 10));
    expect(reports.map((r) => r.reporterId)).toEqual([admin.id]);

    // The new admin (in the chat where they tapped), with the checklist and what to do next.
    const forNew = outcome.replies.find((r) => r.chatId === undefined)?.text ?? '';
    expect(forNew).toContain('Anda sekarang <b>admin media sosial OPD DINKES (DINKES)</b>, menggantikan Budi (@user2001)');
    expect(forNew).toContain('Instagram <a href="https://instagram.com/dinkes.kab">@dinkes.kab</a>');
    expect(forNew).toContain('bukan lewat bot ini atau chat');
    expect(forNew).toContain('autentikasi dua faktor (2FA)');
    expect(forNew).toContain('Langkah berikutnya');
    const [forOld] = to(outcome, admin);
    expect(forOld).toContain('Anda tidak lagi terdaftar sebagai admin DINKES');
    expect(forOld).toContain('Daftar periksa serah terima akun DINKES');
    const [forSuperadmin] = to(outcome, superadmin);
    expect(forSuperadmin).toContain('Tanggal verifikasi 1 akun resmi DINKES dikosongkan');
    expect(forSuperadmin).toContain('/akun DINKES verifikasi');
    expect(handoverRows()[0]).toMatchObject({ status: 'accepted', pendingKey: null });
    expect(auditActions()).toEqual(expect.arrayContaining(['handover.accepted', 'admin.revoked', 'admin.added']));

    // The new admin now reports for DINKES.
    const reported = text(await recordReports(app.deps, (await reload(newcomer)) ?? newcomer, { links: ['https://www.instagram.com/p/NEWADMIN1/'], note: null, leadingWord: null }));
    expect(reported).toMatch(/^✅ Instagram — tercatat untuk <b>DINKES<\/b>/);
  });

  it('a co-admin of the same OPD may take over: the outgoing admin is removed, the co-admin stays', async () => {
    const coAdmin = await app.addPerson(2006, 'admin', 'DINKES', 'Wati');
    await request(admin, coAdmin);
    const outcome = await decideHandover(app.deps, coAdmin, lastHandoverId(), true);
    expect(outcome.answer).toBe('Serah terima diterima.');
    expect(await reload(coAdmin)).toMatchObject({ role: 'admin', opdId: admin.opdId });
    expect(await reload(admin)).toMatchObject({ role: 'none', opdId: null });
  });

  it('a double tap and a tap by someone else change nothing more', async () => {
    await request(admin, newcomer);
    const id = lastHandoverId();
    expect((await decideHandover(app.deps, otherAdmin, id, true)).answer).toBe('Tombol ini hanya untuk orang yang dituju serah terima.');
    await decideHandover(app.deps, newcomer, id, true);
    const again = await decideHandover(app.deps, (await reload(newcomer)) ?? newcomer, id, true);
    expect(again).toEqual({ replies: [], answer: 'Serah terima ini sudah diterima.' });
    expect((await decideHandover(app.deps, newcomer, id, false)).answer).toBe('Serah terima ini sudah diterima.');
    expect((await decideHandover(app.deps, newcomer, 9999, true)).answer).toBe('Tombol ini sudah tidak berlaku.');
  });

  it('declining tells the requester and changes nothing', async () => {
    await registerAccount(app.deps, superadmin, { code: 'DINKES', platform: 'instagram', account: '@dinkes.kab' });
    await request(admin, newcomer);
    const outcome = await decideHandover(app.deps, newcomer, lastHandoverId(), false);
    expect(outcome.answer).toBe('Serah terima ditolak.');
    expect(outcome.editedText).toContain('❌ Anda menolak serah terima ini.');
    expect(to(outcome, admin)[0]).toContain('Rina (@user2002) menolak serah terima tugas admin <b>DINKES</b>. Tidak ada yang berubah');
    expect(outcome.roleChanges).toBeUndefined();
    expect(await reload(admin)).toMatchObject({ role: 'admin', opdId: admin.opdId });
    expect(await reload(newcomer)).toMatchObject({ role: 'none', opdId: null });
    const [account] = await app.deps.uow.run((repos) => repos.accounts.listForOpd(admin.opdId ?? -1));
    expect(account?.lastVerifiedAt).not.toBeNull();
    expect(handoverRows()[0]?.status).toBe('declined');
    // A new request may follow.
    expect(text(await request(admin, newcomer))).toContain('telah dikirim');
  });

  it('after 48 hours the buttons answer that it expired, the requester is told, and a new request is possible', async () => {
    await request(admin, newcomer);
    const id = lastHandoverId();
    await app.clock.advance(48 * 3_600_000);
    const outcome = await decideHandover(app.deps, newcomer, id, true);
    expect(outcome.answer).toBe('Permintaan serah terima ini sudah kedaluwarsa.');
    expect(outcome.editedText).toContain('⌛');
    expect(to(outcome, admin)[0]).toContain('kedaluwarsa (berlaku 48 jam) tanpa jawaban');
    expect(await reload(newcomer)).toMatchObject({ role: 'none' });
    expect((await decideHandover(app.deps, newcomer, id, true)).answer).toBe('Serah terima ini sudah kedaluwarsa.');
    expect(text(await request(admin, newcomer))).toContain('telah dikirim');
  });

  it('an expired pending request does not block a new one', async () => {
    await request(admin, newcomer);
    await app.clock.advance(49 * 3_600_000);
    expect(text(await request(admin, newcomer))).toContain('telah dikirim');
    expect(handoverRows().map((r) => r.status)).toEqual(['expired', 'pending']);
  });

  it('accepting is refused when roles changed meanwhile: the old admin was removed, or the newcomer became admin elsewhere', async () => {
    await request(admin, newcomer);
    await app.deps.uow.run((repos) => repos.users.setRole(newcomer.id, 'admin', otherAdmin.opdId));
    const elsewhere = await decideHandover(app.deps, (await reload(newcomer)) ?? newcomer, lastHandoverId(), true);
    expect(elsewhere.answer).toBe('Serah terima ini tidak berlaku lagi.');
    expect(text(elsewhere)).toContain('Anda sudah menjadi admin DINSOS');
    expect(to(elsewhere, admin)[0]).toContain('tidak dapat dilaksanakan');
    expect(await reload(admin)).toMatchObject({ role: 'admin' });
    expect(await reload(newcomer)).toMatchObject({ role: 'admin', opdId: otherAdmin.opdId });

    const third = await app.addPerson(2005, 'none', undefined, 'Tono');
    await request(admin, third);
    await app.deps.uow.run((repos) => repos.users.setRole(admin.id, 'none', null));
    const gone = await decideHandover(app.deps, third, lastHandoverId(), true);
    expect(text(gone)).toContain('Budi (@user2001) sudah tidak lagi menjadi admin DINKES');
    expect(await reload(third)).toMatchObject({ role: 'none' });
    expect(handoverRows().map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('the requester cancels with batal; the newcomer is told and the buttons no longer work', async () => {
    await request(superadmin, newcomer, 'DINKES');
    const outcome = await cancelHandovers(app.deps, superadmin);
    expect(text(outcome)).toBe('Permintaan serah terima dibatalkan: DINKES kepada Rina (@user2002). Tidak ada yang berubah.');
    expect(to(outcome, newcomer)[0]).toContain('dibatalkan oleh yang memintanya');
    expect(to(outcome, admin)[0]).toContain('Anda tetap admin DINKES');
    expect((await decideHandover(app.deps, newcomer, lastHandoverId(), true)).answer).toBe('Serah terima ini sudah dibatalkan.');
    expect(await reload(admin)).toMatchObject({ role: 'admin' });
    // The old admin did not ask, so has nothing to cancel.
    expect(text(await cancelHandovers(app.deps, admin))).toBe('Tidak ada permintaan serah terima dari Anda yang masih menunggu jawaban.');
  });
});
