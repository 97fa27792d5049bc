import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/kopdar-harness.ts';
import type { SentCall } from '../helpers/fake-telegram/types.ts';

const superadmin = { id: 1001, first_name: 'Sari' };
const bupati = { id: 1501, first_name: 'Bupati' };
const dinkes1 = { id: 2001, first_name: 'Budi', username: 'budi' };
const dinkes2 = { id: 2002, first_name: 'Ani', username: 'ani' };
const dinsos = { id: 2003, first_name: 'Rina', username: 'rina' };
const kecamatan = { id: 2004, first_name: 'Joko', username: 'joko' };

let h: Harness;

function seed(file: string): void {
  const db = new Database(file);
  const now = new Date().toISOString();
  const opd = db.prepare('INSERT INTO Opd (code, name, type, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)');
  const user = db.prepare('INSERT INTO User (telegramId, username, firstName, role, opdId, updatedAt) VALUES (?, ?, ?, ?, ?, ?)');
  const ids = {
    DINKES: Number(opd.run('DINKES', 'Dinas Kesehatan', 'dinas', now, now).lastInsertRowid),
    DINSOS: Number(opd.run('DINSOS', 'Dinas Sosial', 'dinas', now, now).lastInsertRowid),
    KECA: Number(opd.run('KECA', 'Kecamatan A', 'kecamatan', now, now).lastInsertRowid),
  };
  user.run(dinkes1.id, dinkes1.username, dinkes1.first_name, 'admin', ids.DINKES, now);
  user.run(dinkes2.id, dinkes2.username, dinkes2.first_name, 'admin', ids.DINKES, now);
  user.run(dinsos.id, dinsos.username, dinsos.first_name, 'admin', ids.DINSOS, now);
  user.run(kecamatan.id, kecamatan.username, kecamatan.first_name, 'admin', ids.KECA, now);
  user.run(bupati.id, 'bupati', bupati.first_name, 'leader', null, now);
  db.close();
}

function keyboard(call: SentCall): { text: string; data: string }[][] {
  const markup = call.replyMarkup;
  if (!markup || !('inline_keyboard' in markup)) return [];
  return markup.inline_keyboard.map((row) => row.map((b) => ({ text: b.text, data: 'callback_data' in b ? (b.callback_data ?? '') : '' })));
}

function button(call: SentCall, label: RegExp): string {
  const found = keyboard(call).flat().find((b) => label.test(b.text));
  if (!found) throw new Error(`no button ${label} on: ${JSON.stringify(keyboard(call))}`);
  return found.data;
}

const say = (from: { id: number; first_name: string }, text: string, match: RegExp): Promise<SentCall> => h.say(from, text, match);

async function tap(from: { id: number; first_name: string }, call: SentCall, label: RegExp): Promise<void> {
  h.tg.clickButton({ from, chatId: call.chatId ?? from.id, messageId: call.messageId ?? 0, data: button(call, label) });
}

beforeAll(async () => {
  h = await startHarness({ superadminIds: [superadmin.id], startAt: '2026-11-23T02:00:00.000Z' });
  seed(h.databaseFile);
}, 60_000);
afterAll(async () => h?.stop());

describe('directives (arahan) end to end', () => {
  it('previews with the exact recipient count; a cancelled directive sends nothing', async () => {
    const preview = await say(superadmin, '/arahan untuk:DINKES Mohon unggah materi imunisasi <b>hari ini</b>', /Pratinjau arahan/);
    expect(preview.text).toContain('Penerima: <b>2</b> admin dari <b>1</b> OPD');
    expect(preview.text).toContain('&lt;b&gt;hari ini&lt;/b&gt;');
    const since = h.tg.sent.length;
    await tap(superadmin, preview, /Batal/);
    await h.tg.waitFor((c) => c.method === 'editMessageText' && /dibatalkan/.test(c.text ?? ''), { since });
    expect(h.tg.sent.slice(since).filter((c) => c.method === 'sendMessage' && [dinkes1.id, dinkes2.id].includes(c.chatId ?? 0))).toHaveLength(0);
  });

  it('sends to every admin of the audience; acknowledgement counts once per OPD; double taps count once', async () => {
    const preview = await say(superadmin, '/arahan penting untuk:DINKES,DINSOS batas:2026-11-24T15:00 Sosialisasikan program vaksinasi.', /Pratinjau arahan/);
    expect(preview.text).toContain('Penerima: <b>3</b> admin dari <b>2</b> OPD');
    const mark = h.tg.sent.length;
    await tap(superadmin, preview, /segera/);
    const redrawn = await h.tg.waitFor((c) => c.method === 'editMessageText' && /SEGERA/.test(c.text ?? ''), { since: mark });
    await tap(superadmin, redrawn, /Kirim/);
    const copy1 = await h.tg.waitForMessage(dinkes1.id, /ARAHAN #2/, { since: mark });
    await h.tg.waitForMessage(dinkes2.id, /ARAHAN #2/, { since: mark });
    await h.tg.waitForMessage(dinsos.id, /ARAHAN #2/, { since: mark });
    expect(copy1.text).toContain('SEGERA');
    expect(copy1.text).toContain('Batas tindak lanjut: <b>24 November 2026 15.00 WIB</b>');
    expect(h.tg.sent.slice(mark).some((c) => c.chatId === kecamatan.id)).toBe(false);

    const ackMark = h.tg.sent.length;
    await tap(dinkes1, copy1, /Siap/);
    await h.tg.waitFor((c) => c.method === 'answerCallbackQuery' && /Terima kasih/.test(c.text ?? ''), { since: ackMark });
    const edited = await h.tg.waitFor((c) => c.method === 'editMessageText' && c.chatId === dinkes1.id, { since: ackMark });
    expect(edited.text).toContain('Dikonfirmasi</b> oleh Budi (DINKES)');
    await tap(dinkes1, copy1, /Siap/);
    await h.tg.waitFor((c) => c.method === 'answerCallbackQuery' && /Sudah dikonfirmasi oleh Budi/.test(c.text ?? ''), { since: ackMark });
    const copy2 = h.tg.sent.find((c) => c.chatId === dinkes2.id && /ARAHAN #2/.test(c.text ?? ''));
    if (!copy2) throw new Error('no copy for the second admin');
    await tap(dinkes2, copy2, /Siap/);
    await h.tg.waitFor((c) => c.method === 'answerCallbackQuery' && /Sudah dikonfirmasi oleh Budi/.test(c.text ?? ''), { since: ackMark + 3 });

    const status = await say(superadmin, '/status_arahan 2', /Status arahan #2/);
    expect(status.text).toContain('Terkirim 3/3');
    expect(status.text).toContain('Konfirmasi 1/2 OPD');
    expect(status.text).toContain('Belum konfirmasi: DINSOS');
  });

  it('a question goes to the author; a follow-up post is tied to the directive', async () => {
    const copy = h.tg.sent.find((c) => c.chatId === dinsos.id && /ARAHAN #2/.test(c.text ?? ''));
    if (!copy) throw new Error('no copy');
    const mark = h.tg.sent.length;
    await tap(dinsos, copy, /Perlu penjelasan/);
    await h.tg.waitForMessage(dinsos.id, /\/tanya 2/, { since: mark });
    await say(dinsos, '/tanya 2 Apakah berlaku juga untuk UPT?', /sudah diteruskan/);
    const forwarded = await h.tg.waitForMessage(superadmin.id, /Pertanyaan tentang arahan #2/, { since: mark });
    expect(forwarded.text).toContain('Rina (DINSOS)');
    expect(forwarded.text).toContain('Apakah berlaku juga untuk UPT?');

    const recorded = await say(dinsos, '/lapor #2 https://www.instagram.com/p/VAKSIN12345/', /^✅/);
    expect(recorded.text).toContain('tindak lanjut arahan #2');
    expect((await say(kecamatan, '/lapor #2 https://www.instagram.com/p/VAKSIN99999/', /^❌/)).text).toContain('tidak ditujukan');
    const status = await say(superadmin, '/status_arahan 2', /Status arahan #2/);
    expect(status.text).toContain('tindak lanjut 1/2 OPD');
    expect(status.text).toContain('Belum tindak lanjut: DINKES');
    // A post DINKES had already reported can still be marked as its follow-up.
    await say(dinkes1, '/lapor https://www.instagram.com/p/DINKESPOST1/', /^✅/);
    expect((await say(dinkes1, '/lapor #2 https://instagram.com/p/DINKESPOST1', /^✅/)).text).toContain('kini ditandai sebagai tindak lanjut arahan #2');
    expect((await say(superadmin, '/status_arahan', /Status arahan #2/)).text).toContain('tindak lanjut 2/2 OPD');
  });

  it('reminds OPDs that have not acknowledged, once, and summarises at the deadline', async () => {
    const mark = h.tg.sent.length;
    h.clock.shift(2 * 3_600_000 + 60_000); // past the 2 h reminder delay of a segera directive
    await h.kopdar.scheduler.tick();
    const reminder = await h.tg.waitForMessage(dinsos.id, /Pengingat:<\/b> OPD Anda belum mengonfirmasi/, { since: mark });
    expect(keyboard(reminder).flat().map((b) => b.text)).toContain('✅ Siap, dilaksanakan');
    await h.kopdar.scheduler.tick();
    await say(superadmin, '/arahan_list', /Arahan terbaru/);
    expect(h.tg.sent.slice(mark).filter((c) => c.chatId === dinsos.id && /Pengingat/.test(c.text ?? ''))).toHaveLength(1);
    expect(h.tg.sent.slice(mark).some((c) => [dinkes1.id, dinkes2.id].includes(c.chatId ?? 0) && /Pengingat/.test(c.text ?? ''))).toBe(false);

    h.clock.shift(30 * 3_600_000); // past the deadline
    await h.kopdar.scheduler.tick();
    const summary = await h.tg.waitForMessage(superadmin.id, /Batas waktu arahan #2 tiba/, { since: mark });
    expect(summary.text).toContain('Konfirmasi: 1/2 OPD');
    expect(summary.text).toContain('tindak lanjut: 2/2 OPD');
  });

  it("a leader's directive carries the configured title and defaults to segera", async () => {
    const preview = await say(bupati, '/arahan untuk:kecamatan Camat mohon hadir rapat koordinasi.', /Pratinjau arahan/);
    expect(preview.text).toContain('ARAHAN BUPATI #');
    expect(preview.text).toContain('SEGERA');
    expect(preview.text).toContain('Penerima: <b>1</b> admin dari <b>1</b> OPD');
    const mark = h.tg.sent.length;
    await tap(bupati, preview, /Kirim/);
    await h.tg.waitForMessage(kecamatan.id, /ARAHAN BUPATI/, { since: mark });
    expect((await say(dinsos, '/arahan Coba', /tidak tersedia untuk peran Anda/)).text).toContain('/bantuan');
    expect(h.tg.requests.filter((r) => r.status === 429).map((r) => `${r.method}:${r.chatId}:${r.description}`)).toEqual([]);
  });

  it('a directive replying to a photo is broadcast as that photo; segera is pinned in the community group', async () => {
    const group = { id: -100999, type: 'supergroup' as const, title: 'Komunitas' };
    h.tg.sendText({ from: superadmin, chat: group, text: '/hubungkan@kopdar_test_bot komunitas' });
    await h.tg.waitForMessage(group.id, /grup komunitas/);
    const since = h.tg.sent.length;
    const text = '/arahan segera untuk:DINSOS Bagikan foto kegiatan ini.';
    h.tg.pushRawUpdate({
      message: {
        message_id: 900,
        date: Math.floor(Date.now() / 1000),
        chat: { id: superadmin.id, type: 'private', first_name: superadmin.first_name },
        from: { id: superadmin.id, is_bot: false, first_name: superadmin.first_name },
        text,
        entities: [{ type: 'bot_command', offset: 0, length: '/arahan'.length }],
        reply_to_message: {
          message_id: 899,
          date: Math.floor(Date.now() / 1000),
          chat: { id: superadmin.id, type: 'private', first_name: superadmin.first_name },
          from: { id: superadmin.id, is_bot: false, first_name: superadmin.first_name },
          photo: [
            { file_id: 'PHOTO_SMALL', file_unique_id: 's', width: 90, height: 90 },
            { file_id: 'PHOTO_LARGE', file_unique_id: 'l', width: 1280, height: 960 },
          ],
        },
      },
    });
    const preview = await h.tg.waitForMessage(superadmin.id, /Pratinjau arahan/, { since });
    expect(preview.text).toContain('grup komunitas');
    await tap(superadmin, preview, /Kirim/);
    const photo = await h.tg.waitFor((c) => c.method === 'sendPhoto' && c.chatId === dinsos.id, { since });
    expect(photo.params.photo).toBe('PHOTO_LARGE');
    expect(photo.text).toContain('Bagikan foto kegiatan ini.');
    const groupPhoto = await h.tg.waitFor((c) => c.method === 'sendPhoto' && c.chatId === group.id, { since });
    await h.tg.waitFor((c) => c.method === 'pinChatMessage' && c.chatId === group.id && c.messageId === groupPhoto.messageId, { since });
    // Acknowledging a photo copy edits its caption.
    h.tg.clickButton({ from: dinsos, chatId: dinsos.id, messageId: photo.messageId ?? 0, data: button(photo, /Siap/) });
    const edited = await h.tg.waitFor((c) => c.method === 'editMessageCaption' && c.chatId === dinsos.id, { since });
    expect(edited.text).toContain('Dikonfirmasi</b> oleh Rina (DINSOS)');
  });
});
