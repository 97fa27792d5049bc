import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/kopdar-harness.ts';
import type { SentCall } from '../helpers/fake-telegram/types.ts';
import { buildRecap } from '../../src/app/usecases/recap/build.ts';

const superadmin = { id: 1001, first_name: 'Sari' };
const dinkes1 = { id: 2001, first_name: 'Budi', username: 'budi' };
const dinkes2 = { id: 2002, first_name: 'Ani', username: 'ani' };
const dinsos = { id: 2003, first_name: 'Rina', username: 'rina' };
const kecamatan = { id: 2004, first_name: 'Joko', username: 'joko' };
const group = { id: -100777, type: 'supergroup' as const, title: 'Komunitas Admin' };

const HOUR = 3_600_000;
/** 25 November 2026 14.00 WIB. */
const START = Date.parse('2026-11-25T07:00:00.000Z');

let h: Harness;

function seed(file: string): void {
  const db = new Database(file);
  const now = new Date().toISOString();
  const opd = db.prepare('INSERT INTO Opd (code, name, type, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)');
  const user = db.prepare('INSERT INTO User (telegramId, username, firstName, role, opdId, updatedAt) VALUES (?, ?, ?, ?, ?, ?)');
  const dinkes = Number(opd.run('DINKES', 'Dinas Kesehatan', 'dinas', now, now).lastInsertRowid);
  const dinsosId = Number(opd.run('DINSOS', 'Dinas Sosial', 'dinas', now, now).lastInsertRowid);
  const keca = Number(opd.run('KECA', 'Kecamatan A', 'kecamatan', now, now).lastInsertRowid);
  user.run(dinkes1.id, dinkes1.username, dinkes1.first_name, 'admin', dinkes, now);
  user.run(dinkes2.id, dinkes2.username, dinkes2.first_name, 'admin', dinkes, now);
  user.run(dinsos.id, dinsos.username, dinsos.first_name, 'admin', dinsosId, now);
  user.run(kecamatan.id, kecamatan.username, kecamatan.first_name, 'admin', keca, now);
  db.close();
}

function buttons(call: SentCall): { text: string; data: string }[] {
  const markup = call.replyMarkup;
  if (!markup || !('inline_keyboard' in markup)) return [];
  return markup.inline_keyboard.flat().map((b) => ({ text: b.text, data: 'callback_data' in b ? (b.callback_data ?? '') : '' }));
}

function tap(from: { id: number; first_name: string }, call: SentCall, label: RegExp, chatId?: number): void {
  const found = buttons(call).find((b) => label.test(b.text));
  if (!found) throw new Error(`no button ${label} on: ${JSON.stringify(buttons(call))}`);
  h.tg.clickButton({ from, chatId: chatId ?? call.chatId ?? from.id, messageId: call.messageId ?? 0, data: found.data });
}

const say = (from: { id: number; first_name: string }, text: string, match: RegExp): Promise<SentCall> => h.say(from, text, match);
const answerSince = (since: number, match: RegExp): Promise<SentCall> => h.tg.waitFor((c) => c.method === 'answerCallbackQuery' && match.test(c.text ?? ''), { since });
/** Moves the bot's clock to `at` (ms since epoch). */
const moveTo = (at: number): void => h.clock.shift(Math.max(0, at - h.clock.now().getTime()));

let code = '';
const copies = new Map<number, SentCall>();

beforeAll(async () => {
  h = await startHarness({ superadminIds: [superadmin.id], startAt: '2026-11-23T02:00:00.000Z' });
  seed(h.databaseFile);
  h.tg.sendText({ from: superadmin, chat: group, text: '/hubungkan@kopdar_test_bot komunitas' });
  await h.tg.waitForMessage(group.id, /grup komunitas/);
}, 60_000);
afterAll(async () => h?.stop());

describe('kopdar (meetups) end to end', () => {
  it('a dialogue can be cancelled with /batal and times out politely; nothing is stored', async () => {
    await say(superadmin, '/kopdar baru', /Langkah 1|judul/);
    expect((await say(superadmin, '/batal', /dibatalkan/)).text).toContain('/kopdar baru');
    // With no dialogue open, the text is not taken as an answer.
    expect((await say(superadmin, 'Kopdar lupa', /Perintah tidak dikenal/)).text).toContain('/bantuan');

    await say(superadmin, '/kopdar baru', /judul/);
    h.clock.shift(16 * 60_000);
    const late = await say(superadmin, 'Kopdar Terlambat', /waktunya habis/);
    expect(late.text).toContain('/kopdar baru');
    expect((await say(superadmin, '/kopdar', /Belum ada kopdar/)).text).toContain('/kopdar baru');
  });

  it('creates a meetup through the dialogue: wrong dates are asked again, the summary can be changed, then it is published', async () => {
    await say(superadmin, '/kopdar baru', /judul/);
    expect((await say(superadmin, 'Ko', /Judul harus/)).text).toContain('contoh');
    await say(superadmin, 'Kopdar Admin <Medsos>', /Langkah 2/);
    expect((await say(superadmin, 'besok sore', /belum terbaca/)).text).toContain('25-12-2026 14:00');
    expect((await say(superadmin, '31-02-2026 14:00', /tidak ada di kalender/)).text).toContain('2026-12-25 14:00');
    expect((await say(superadmin, '20-11-2026 14:00', /sudah lewat/)).text).toContain('/batal');
    await say(superadmin, '25-11-2026 14:00', /Langkah 3/);
    await say(superadmin, 'Aula Diskominfo | https://meet.google.com/abc-defg-hij', /Langkah 4/);
    await say(superadmin, '-', /Langkah 5/);
    expect((await say(superadmin, 'dua', /Kapasitas harus/)).text).toContain('40');
    const summary = await say(superadmin, '2', /Ringkasan kopdar/);
    expect(summary.text).toContain('Akan diumumkan ke <b>4</b> admin dan grup komunitas');
    expect(summary.text).toContain('Kopdar Admin &lt;Medsos&gt;');
    expect(summary.text).toContain('25 November 2026 14.00–16.00 WIB');

    let since = h.tg.sent.length;
    tap(superadmin, summary, /Ubah/);
    const choose = await h.tg.waitForMessage(superadmin.id, /Bagian mana/, { since });
    tap(superadmin, choose, /Judul/);
    await h.tg.waitForMessage(superadmin.id, /judul/, { since: since + 1 });
    const again = await say(superadmin, 'Kopdar Admin Medsos November', /Ringkasan kopdar/);
    expect(again.text).toContain('Kopdar Admin Medsos November');

    since = h.tg.sent.length;
    tap(superadmin, again, /Publikasikan/);
    const published = await h.tg.waitFor((c) => c.method === 'editMessageText' && /dipublikasikan/.test(c.text ?? ''), { since });
    code = /<code>([A-Z0-9]{6})<\/code>/.exec(published.text ?? '')?.[1] ?? '';
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    for (const admin of [dinkes1, dinkes2, dinsos, kecamatan]) {
      const copy = await h.tg.waitForMessage(admin.id, /KOPDAR #1/, { since });
      expect(buttons(copy).map((b) => b.text)).toEqual(['✅ Hadir (0/2)', '❌ Tidak hadir (0)', '🤔 Mungkin (0)']);
      copies.set(admin.id, copy);
    }
    copies.set(group.id, await h.tg.waitForMessage(group.id, /KOPDAR #1/, { since }));
    // The dialogue is closed: a plain message is no longer an answer.
    await say(superadmin, 'halo', /Perintah tidak dikenal/);
    // A second tap on Publikasikan leaves the published message (number and code) as it is and publishes nothing more.
    since = h.tg.sent.length;
    tap(superadmin, again, /Publikasikan/);
    await answerSince(since, /sudah selesai atau dibatalkan/);
    await say(superadmin, '/saya', /Peran/);
    expect(h.tg.sent.slice(since).filter((c) => c.method === 'editMessageText' || /KOPDAR #2/.test(c.text ?? ''))).toEqual([]);
  });

  it('RSVPs update the counts live; a full meetup puts "Hadir" on the waiting list; a cancellation promotes the first in line', async () => {
    let since = h.tg.sent.length;
    tap(dinkes1, copies.get(dinkes1.id) as SentCall, /Hadir \(/);
    const edited = await h.tg.waitFor((c) => c.method === 'editMessageText' && c.chatId === dinkes1.id, { since });
    expect(buttons(edited).map((b) => b.text)).toContain('✅ Hadir (1/2)');
    expect(edited.text).toContain('Jawaban Anda: Hadir');

    since = h.tg.sent.length;
    tap(dinsos, copies.get(dinsos.id) as SentCall, /Hadir \(/);
    await answerSince(since, /tercatat: Hadir/);
    since = h.tg.sent.length;
    tap(dinkes2, copies.get(dinkes2.id) as SentCall, /Mungkin/);
    await answerSince(since, /tercatat: Mungkin/);
    since = h.tg.sent.length;
    tap(kecamatan, copies.get(kecamatan.id) as SentCall, /Hadir \(/);
    await answerSince(since, /daftar tunggu urutan ke-1/);
    await h.tg.waitForMessage(kecamatan.id, /daftar tunggu urutan ke-1/, { since });

    // The group copy is redrawn by the minute tick, once for all these answers.
    since = h.tg.sent.length;
    await h.kopdar.scheduler.tick();
    const groupEdit = await h.tg.waitFor((c) => c.method === 'editMessageText' && c.chatId === group.id, { since });
    expect(groupEdit.text).toContain('Hadir 2 · Tidak hadir 0 · Mungkin 1 · Daftar tunggu 1');
    expect(buttons(groupEdit).map((b) => b.text)).toContain('✅ Hadir (2/2)');
    await h.kopdar.scheduler.tick();
    await say(superadmin, '/kopdar', /Kopdar yang akan datang/);
    expect(h.tg.sent.slice(since).filter((c) => c.method === 'editMessageText' && c.chatId === group.id)).toHaveLength(1);

    since = h.tg.sent.length;
    tap(dinsos, copies.get(dinsos.id) as SentCall, /Tidak hadir/);
    await h.tg.waitForMessage(kecamatan.id, /Ada kursi kosong/, { since });
    const status = await say(superadmin, '/kopdar 1', /Rincian kopdar #1/);
    expect(status.text).toContain('Hadir 2 · Tidak hadir 1 · Mungkin 1');
    expect(status.text).toContain('Daftar tunggu: —');
  });

  it('an edit is told to everyone who answered', async () => {
    const since = h.tg.sent.length;
    expect((await say(superadmin, '/kopdar 1 ubah tempat Ruang Rapat Lt. 2', /diubah/)).text).toContain('4 orang');
    for (const admin of [dinkes1, dinkes2, dinsos, kecamatan]) {
      expect((await h.tg.waitForMessage(admin.id, /Perubahan tempat kopdar/, { since })).text).toContain('Ruang Rapat Lt. 2');
    }
    expect((await say(dinkes1, '/kopdar 1 batal iseng', /hanya Diskominfo/)).text).toContain('/kopdar');
  });

  it('reminds those coming or maybe coming a day and two hours before, once each', async () => {
    let since = h.tg.sent.length;
    moveTo(START - 24 * HOUR + 60_000);
    await h.kopdar.scheduler.tick();
    for (const admin of [dinkes1, dinkes2, kecamatan]) await h.tg.waitForMessage(admin.id, /Pengingat kopdar besok/, { since });
    await h.kopdar.scheduler.tick();
    await say(superadmin, '/kopdar', /Kopdar yang akan datang/);
    const dayReminders = h.tg.sent.slice(since).filter((c) => /Pengingat kopdar besok/.test(c.text ?? ''));
    expect(dayReminders.map((c) => c.chatId).sort()).toEqual([dinkes1.id, dinkes2.id, kecamatan.id]);

    since = h.tg.sent.length;
    moveTo(START - 2 * HOUR + 60_000);
    await h.kopdar.scheduler.tick();
    for (const admin of [dinkes1, dinkes2, kecamatan]) await h.tg.waitForMessage(admin.id, /Pengingat kopdar 2 jam lagi/, { since });
    await h.kopdar.scheduler.tick();
    await say(superadmin, '/kopdar', /Kopdar yang akan datang/);
    expect(h.tg.sent.slice(since).filter((c) => /Pengingat kopdar/.test(c.text ?? ''))).toHaveLength(3);
    expect(h.tg.sent.slice(since).some((c) => c.chatId === dinsos.id)).toBe(false);
  });

  it('checks in with a valid code only during the event, and shows RSVPs against attendance per OPD', async () => {
    const early = await say(dinkes1, `/hadir ${code}`, /belum dibuka/);
    expect(early.text).toContain('25 November 2026 13.30 WIB');
    expect((await say(superadmin, '/kopdar 1 kode', /Kode check-in kopdar #1/)).text).toContain(code);
    moveTo(START + 10 * 60_000);
    expect((await say(dinkes1, `/hadir ${code.toLowerCase()}`, /tercatat/)).text).toContain('Dinas Kesehatan (DINKES)');
    await say(dinkes1, `/hadir ${code}`, /sudah tercatat sejak/);
    await say(kecamatan, `/hadir ${code}`, /tercatat untuk Kecamatan A/);
    await say(dinsos, '/hadir ZZZZZZ', /tidak dikenal/);
    moveTo(START + 2 * HOUR + 60_000);
    expect((await say(dinkes2, `/hadir ${code}`, /sudah ditutup/)).text).toContain('hubungi panitia');

    const status = await say(superadmin, '/kopdar 1', /Rincian kopdar #1/);
    expect(status.text).toContain('Kehadiran:</b> 2 orang dari 2 OPD');
    expect(status.text).toContain('DINKES: jawab hadir 1, datang 1');
    expect(status.text).toContain('KECA: jawab hadir 1, datang 1');
  });

  it('counts attendance in the recap KPI', async () => {
    const recap = await buildRecap(h.kopdar.deps, { kind: 'week', key: '2026-W48', from: '2026-11-23', until: '2026-11-29', countedUntil: '2026-11-25' });
    const byCode = new Map(recap.opds.map((o) => [o.code, o]));
    const meetups = (opd: string) => byCode.get(opd)?.components.find((c) => c.key === 'meetups');
    expect(meetups('DINKES')?.ratio).toBe(1);
    expect(meetups('KECA')?.ratio).toBe(1);
    // DINSOS never had a seat (the meetup was full): a capacity meetup does not count against it.
    expect(meetups('DINSOS')?.ratio).toBeNull();
    // An OPD with no admin answering is not counted either for a capacity meetup; one open to all would count.
    expect(recap.opds.every((o) => ['DINKES', 'KECA'].includes(o.code) || meetups(o.code)?.ratio !== 0)).toBe(true);
  });

  it('a cancellation is told to everyone who answered and shown on the group copy', async () => {
    await say(superadmin, '/kopdar baru', /judul/);
    await say(superadmin, 'Kopdar Desember', /Langkah 2/);
    await say(superadmin, '2026-12-10 09:00-11:00', /Langkah 3/);
    await say(superadmin, 'https://zoom.us/j/123456', /Langkah 4/);
    await say(superadmin, 'Evaluasi konten', /Langkah 5/);
    const summary = await say(superadmin, '-', /Ringkasan kopdar/);
    let since = h.tg.sent.length;
    tap(superadmin, summary, /Publikasikan/);
    await h.tg.waitFor((c) => c.method === 'editMessageText' && /Kopdar #2 dipublikasikan/.test(c.text ?? ''), { since });
    const copy = await h.tg.waitForMessage(dinsos.id, /KOPDAR #2/, { since });
    await h.tg.waitForMessage(group.id, /KOPDAR #2/, { since });
    expect(buttons(copy).map((b) => b.text)).toContain('✅ Hadir (0)');
    since = h.tg.sent.length;
    tap(dinsos, copy, /Hadir \(/);
    await answerSince(since, /tercatat: Hadir/);

    since = h.tg.sent.length;
    expect((await say(superadmin, '/kopdar 2 batal', /Sebutkan alasan/)).text).toContain('/kopdar 2 batal');
    expect((await say(superadmin, '/kopdar 2 batal Bertepatan dengan rapat pimpinan', /dibatalkan/)).text).toContain('1 orang');
    const notice = await h.tg.waitForMessage(dinsos.id, /Kopdar #2 dibatalkan/, { since });
    expect(notice.text).toContain('Bertepatan dengan rapat pimpinan');
    await h.kopdar.scheduler.tick();
    const groupEdit = await h.tg.waitFor((c) => c.method === 'editMessageText' && c.chatId === group.id && /DIBATALKAN/.test(c.text ?? ''), { since });
    expect(buttons(groupEdit)).toEqual([]);
    since = h.tg.sent.length;
    tap(dinkes1, copy, /Mungkin/, dinkes1.id);
    await answerSince(since, /sudah selesai atau dibatalkan/);
    expect(h.tg.requests.filter((r) => r.status === 429)).toEqual([]);
  });
});
