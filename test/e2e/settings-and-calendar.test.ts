import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { id as m } from '../../src/app/messages/id.ts';
import { addDays } from '../../src/domain/calendar/local-date.ts';
import { localDateKey } from '../../src/domain/time/zoned.ts';
import { startHarness, type Harness } from '../helpers/kopdar-harness.ts';

const superadmin = { id: 1001, first_name: 'Sari', username: 'sari_kominfo' };
const admin = { id: 2001, first_name: 'Budi', username: 'budi_dinkes' };
const leader = { id: 5001, first_name: 'Ahmad', username: 'bupati' };

let h: Harness;
let today: string;

function rows<T>(sql: string): T[] {
  const db = new Database(h.databaseFile, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** Sends a private message and waits for the bot's next answer in that chat. */
async function say(from: { id: number; first_name: string; username?: string }, text: string, match: RegExp): Promise<string> {
  return (await h.say(from, text, match)).text ?? '';
}

beforeAll(async () => {
  h = await startHarness({ superadminIds: [superadmin.id] });
  today = localDateKey(h.clock.now(), 'Asia/Jakarta');
  await h.kopdar.deps.uow.run(async (repos) => {
    await repos.opds.upsert({ code: 'DINKES', name: 'Dinas Kesehatan', type: 'dinas' }, h.clock.now());
    const opd = await repos.opds.findByCode('DINKES');
    const budi = await repos.users.upsertProfile({ telegramId: BigInt(admin.id), username: admin.username, firstName: admin.first_name, lastName: null });
    await repos.users.setRole(budi.id, 'admin', opd?.id ?? null);
    const ahmad = await repos.users.upsertProfile({ telegramId: BigInt(leader.id), username: leader.username, firstName: leader.first_name, lastName: null });
    await repos.users.setRole(ahmad.id, 'leader', null);
  });
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

describe('/atur, /libur and /cuti end to end', () => {
  it('offers the new commands to superadmins', async () => {
    await h.tg.waitFor((c) => c.method === 'setMyCommands' && JSON.stringify(c.params.scope ?? null).includes(String(superadmin.id)), { timeoutMs: 5_000 });
    const menu = h.tg.commands.get(`chat:${superadmin.id}`)?.map((c) => c.command);
    expect(menu).toEqual(expect.arrayContaining(['atur', 'libur', 'cuti']));
    const help = await say(superadmin, '/bantuan', /Perintah untuk/);
    expect(help).toContain('/atur');
    expect(help).toContain('/libur [tambah YYYY-MM-DD nama | hapus YYYY-MM-DD]');
    expect(help).toContain('kecuali semua adminnya cuti');
  });

  it('/atur shows, changes, refuses a bad value without storing it, and resets', async () => {
    const overview = await say(superadmin, '/atur', /Pengaturan kopdar/);
    expect(overview).toContain('08:00 — bawaan (.env)');
    expect(overview).toContain('Senin–Jumat');

    expect(await say(superadmin, '/atur jam 07:30', /Jam pengingat/)).toContain('✅ Jam pengingat diubah menjadi <b>07:30</b>');
    expect(rows<{ key: string; value: string }>('SELECT key, value FROM Setting')).toEqual([{ key: 'nudge_time', value: '07:30' }]);

    const refused = await say(superadmin, '/atur eskalasi 2', /^❌/);
    expect(refused).toContain('ramah &lt; tegas &lt; eskalasi');
    const invalid = await say(superadmin, '/atur jam 25:00', /^❌/);
    expect(invalid).toContain('<b>jam</b>');
    expect(invalid).toContain('/atur jam 07:30');
    expect(rows<{ key: string; value: string }>('SELECT key, value FROM Setting')).toEqual([{ key: 'nudge_time', value: '07:30' }]);

    expect(await say(superadmin, '/atur', /Pengaturan kopdar/)).toContain('07:30 — diubah oleh Sari pada');
    expect(await say(superadmin, '/atur jam bawaan', /nilai bawaan/)).toContain('✅ Jam pengingat kembali ke nilai bawaan: <b>08:00');
    expect(rows('SELECT key FROM Setting')).toEqual([]);
    expect(rows<{ action: string }>("SELECT action FROM AuditLog WHERE action LIKE 'setting.%' ORDER BY id").map((r) => r.action)).toEqual(['setting.changed', 'setting.reset']);
  });

  it('/libur tambah, list and hapus; leaders may list but not change', async () => {
    const date = addDays(today, 30);
    const added = await say(superadmin, `/libur tambah ${date} Hari Jadi Kabupaten`, /hari libur/);
    expect(added).toContain(`✅ ${m.calendar.day(date)} dicatat sebagai hari libur: <b>Hari Jadi Kabupaten</b>`);
    expect(await say(superadmin, '/libur tambah 2026-02-30 Salah', /^❌/)).toContain('tidak ada di kalender');
    expect(rows<{ date: string; name: string }>('SELECT date, name FROM Holiday')).toEqual([{ date, name: 'Hari Jadi Kabupaten' }]);

    const listed = await say(leader, '/libur', /Hari libur 12 bulan/);
    expect(listed).toContain(`• ${m.calendar.day(date)} — Hari Jadi Kabupaten`);
    expect(await say(leader, `/libur hapus ${date}`, /superadmin/)).toContain('hanya dapat dilakukan superadmin');
    expect(rows('SELECT date FROM Holiday')).toHaveLength(1);

    expect(await say(superadmin, `/libur hapus ${date}`, /dihapus/)).toContain('Hari Jadi Kabupaten');
    expect(rows('SELECT date FROM Holiday')).toEqual([]);
    expect(await say(superadmin, '/libur', /Belum ada hari libur/)).toContain('/libur tambah');
  });

  it('/cuti records an OPD leave, tells its admin, and lists it', async () => {
    const until = addDays(today, 10);
    const recorded = await say(superadmin, `/cuti dinkes sampai ${until} Pelatihan seluruh staf`, /Cuti/);
    expect(recorded).toContain(`✅ Cuti <b>DINKES</b> (Dinas Kesehatan) dicatat: ${m.calendar.shortDay(today)} s.d. ${m.calendar.day(until)}`);
    await h.tg.waitForMessage(admin.id, /Dinas Kesehatan<\/b> sedang cuti/);
    expect(await say(superadmin, `/cuti @budi_dinkes ${until}`, /alasan/)).toContain('Sebutkan alasan');
    expect(await say(superadmin, `/cuti DINKES sampai ${addDays(today, -1)} Terlambat`, /^❌/)).toContain('sudah lewat');
    expect(await say(superadmin, '/cuti DINKES', /Cara pakai/)).toContain('Aturan cuti');

    const listed = await say(superadmin, '/cuti', /Cuti yang sedang berjalan/);
    expect(listed).toContain('<b>DINKES</b> (Dinas Kesehatan) — seluruh OPD');
    expect(listed).toContain('Alasan: Pelatihan seluruh staf');
    expect(rows<{ opdId: number | null; userId: number | null; fromDate: string; untilDate: string }>('SELECT opdId, userId, fromDate, untilDate FROM Leave')).toEqual([
      { opdId: expect.any(Number), userId: null, fromDate: today, untilDate: until },
    ]);
  });

  it('refuses non-superadmins, storing nothing', async () => {
    expect(await say(admin, '/atur jam 06:00', /tidak tersedia/)).toContain('/atur');
    expect(await say(admin, '/cuti DINKES sampai 2099-01-01 Libur', /tidak tersedia/)).toContain('/cuti');
    expect(await say(leader, '/atur', /tidak tersedia/)).toContain('/atur');
    expect(await say(admin, '/libur', /tidak tersedia/)).toContain('/libur');
    expect(rows('SELECT key FROM Setting')).toEqual([]);
    expect(rows('SELECT id FROM Leave')).toHaveLength(1);
  });
});
