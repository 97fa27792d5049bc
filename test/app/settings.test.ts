import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeSetting, loadNudgeSettings, readSettings, showSettings } from '../../src/app/usecases/settings.ts';
import type { Person } from '../../src/domain/model.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
let sari: Person;
beforeEach(async () => {
  app = await createTestApp();
  sari = await app.addPerson(1001, 'superadmin', undefined, 'Sari');
});
afterEach(async () => app.close());

const text = (outcome: { replies: readonly { text: string }[] }): string => outcome.replies.map((r) => r.text).join('\n');
const stored = () => app.deps.uow.run((r) => r.settings.all());
function audit(): { action: string; subject: string; details: string }[] {
  const db = new Database(app.file, { readonly: true });
  try {
    return db.prepare("SELECT action, subject, details FROM AuditLog WHERE action LIKE 'setting.%' ORDER BY id").all() as { action: string; subject: string; details: string }[];
  } finally {
    db.close();
  }
}

describe('loadNudgeSettings', () => {
  it('returns the environment defaults when nothing is stored', async () => {
    expect(await loadNudgeSettings(app.deps)).toEqual({
      nudgeTime: '08:00',
      workingDays: [1, 2, 3, 4, 5],
      policy: { friendlyFrom: 1, firmFrom: 3, escalateFrom: 7, target: { posts: 1, period: 'day' } },
      communityChatId: null,
    });
  });

  it('stored values win over the defaults', async () => {
    await changeSetting(app.deps, sari, 'jam', '7.30');
    await changeSetting(app.deps, sari, 'hari_kerja', '1-6');
    await changeSetting(app.deps, sari, 'target', '2 / minggu');
    await app.deps.uow.run((r) => r.settings.set('community_chat_id', '-1001234', sari.id, app.clock.now()));
    const settings = await loadNudgeSettings(app.deps);
    expect(settings).toMatchObject({ nudgeTime: '07:30', workingDays: [1, 2, 3, 4, 5, 6], communityChatId: -1001234n });
    expect(settings.policy.target).toEqual({ posts: 2, period: 'week' });
  });
});

describe('/atur', () => {
  it('stores a valid value in canonical form, audits it and confirms', async () => {
    const answer = text(await changeSetting(app.deps, sari, 'HARI_KERJA', '1, 2,3,4,5,6'));
    expect(answer).toContain('✅ Hari kerja diubah menjadi <b>Senin–Sabtu');
    expect(answer).toContain('sebelumnya Senin–Jumat');
    expect(await stored()).toEqual([expect.objectContaining({ key: 'working_days', value: '1-6', updatedById: sari.id })]);
    expect(audit()).toEqual([{ action: 'setting.changed', subject: 'setting:working_days', details: JSON.stringify({ from: null, to: '1-6' }) }]);
  });

  it('refuses an invalid value naming the key with an example, and stores nothing', async () => {
    const answer = text(await changeSetting(app.deps, sari, 'jam', '25:00'));
    expect(answer).toContain('❌ Nilai untuk <b>jam</b> tidak valid');
    expect(answer).toContain('<code>/atur jam 07:30</code>');
    expect(text(await changeSetting(app.deps, sari, 'target', 'banyak'))).toContain('1/hari atau 2/minggu');
    expect(text(await changeSetting(app.deps, sari, 'ramah', '0'))).toContain('<b>ramah</b>');
    expect(text(await changeSetting(app.deps, sari, 'hari_kerja', 'senin'))).toContain('<b>hari_kerja</b>');
    expect(await stored()).toEqual([]);
    expect(audit()).toEqual([]);
  });

  it('keeps the ladder ordered over the effective values', async () => {
    expect(text(await changeSetting(app.deps, sari, 'tegas', '7'))).toContain('ramah 1, tegas 7, eskalasi 7');
    expect(text(await changeSetting(app.deps, sari, 'ramah', '3'))).toContain('harus ramah &lt; tegas &lt; eskalasi');
    expect(await stored()).toEqual([]);
    expect(text(await changeSetting(app.deps, sari, 'eskalasi', '10'))).toContain('✅');
    expect(text(await changeSetting(app.deps, sari, 'tegas', '8'))).toContain('✅');
    // Going back to the default escalation (7) would put it below tegas (8).
    expect(text(await changeSetting(app.deps, sari, 'eskalasi', 'bawaan'))).toContain('tegas 8, eskalasi 7');
    expect((await loadNudgeSettings(app.deps)).policy).toMatchObject({ friendlyFrom: 1, firmFrom: 8, escalateFrom: 10 });
  });

  it('bawaan removes the override and is audited; a second time says it already is', async () => {
    await changeSetting(app.deps, sari, 'jam', '06:45');
    const answer = text(await changeSetting(app.deps, sari, 'jam', 'bawaan'));
    expect(answer).toContain('✅ Jam pengingat kembali ke nilai bawaan: <b>08:00');
    expect(await stored()).toEqual([]);
    expect(text(await changeSetting(app.deps, sari, 'jam', 'BAWAAN'))).toContain('sudah memakai nilai bawaan');
    expect(audit().map((a) => a.action)).toEqual(['setting.changed', 'setting.reset']);
  });

  it('explains unknown keys, missing values and what /atur cannot change', async () => {
    expect(text(await changeSetting(app.deps, sari, 'warna', 'merah'))).toContain('tidak dikenal');
    expect(text(await changeSetting(app.deps, sari, 'jam', ''))).toContain('<code>/atur jam 07:30</code>');
    expect(text(await changeSetting(app.deps, sari, 'komunitas', '-100123'))).toContain('/hubungkan komunitas');
    expect(text(await changeSetting(app.deps, sari, 'zona_waktu', 'Asia/Makassar'))).toContain('APP_TIMEZONE');
    expect(await stored()).toEqual([]);
  });

  it('shows every setting with its value and where it comes from', async () => {
    const before = text(await showSettings(app.deps));
    expect(before.match(/bawaan \(\.env\)/g)).toHaveLength(10);
    expect(before).toContain('Instagram, Facebook — bawaan (.env)');
    expect(before).toContain('setiap Senin pukul 09:00');
    expect(before).toContain('hari aktif 30, jumlah unggahan 25');
    expect(before).toContain('08:00 — bawaan (.env)');
    expect(before).toContain('<code>hari_kerja</code>');
    expect(before).toContain('belum dihubungkan');
    expect(before).toContain('Asia/Jakarta — dari APP_TIMEZONE');
    expect(before).toContain('30 pesan/detik untuk seluruh bot, 1 pesan/detik per chat (lonjakan singkat 3), 20 pesan/menit per grup');
    expect(before).toContain('Judul arahan pimpinan: ARAHAN BUPATI; pengingat bagi OPD yang belum konfirmasi: segera setelah 2 jam, penting setelah 24 jam');
    expect(before).toContain('<b>Grup pimpinan</b>\nbelum dihubungkan');
    await changeSetting(app.deps, sari, 'target', '2/minggu');
    const after = text(await showSettings(app.deps));
    expect(after).toContain('2 unggahan per minggu — diubah oleh Sari pada 23 November 2026 09.00 WIB');
    expect(after.match(/bawaan \(\.env\)/g)).toHaveLength(9);
  });

  it('changes the recap settings: mandatory platforms, KPI weights and the automatic recap schedules', async () => {
    expect(text(await changeSetting(app.deps, sari, 'platform_wajib', 'IG, tiktok,fb'))).toContain('✅ Platform wajib diubah menjadi <b>Instagram, Facebook, TikTok</b>');
    expect(text(await changeSetting(app.deps, sari, 'bobot_kpi', 'kopdar=0, posting=40'))).toContain('jumlah unggahan 40');
    expect(text(await changeSetting(app.deps, sari, 'rekap_mingguan', 'Jumat 15.30'))).toContain('setiap Jumat pukul 15:30');
    expect(text(await changeSetting(app.deps, sari, 'rekap_bulanan', 'mati'))).toContain('<b>dimatikan</b>');
    const effective = await app.deps.uow.run((repos) => readSettings(repos, app.deps.settings.nudgeDefaults));
    expect(effective.recap).toEqual({
      mandatoryPlatforms: ['instagram', 'facebook', 'tiktok'],
      weights: { activeDays: 30, posts: 40, platforms: 15, acknowledged: 15, followUps: 10, meetups: 0 },
      weekly: { weekday: 5, time: '15:30' },
      monthly: null,
    });
    expect((await stored()).map((r) => [r.key, r.value]).sort()).toEqual([
      ['kpi_weights', 'hari_aktif=30,posting=40,platform=15,konfirmasi=15,tindak_lanjut=10,kopdar=0'],
      ['mandatory_platforms', 'instagram,facebook,tiktok'],
      ['monthly_recap', 'mati'],
      ['weekly_recap', 'jumat 15:30'],
    ]);
  });

  it('refuses bad recap settings with a reason, storing nothing', async () => {
    expect(text(await changeSetting(app.deps, sari, 'platform_wajib', 'instagram,myspace'))).toContain('platform "myspace" tidak dikenal');
    expect(text(await changeSetting(app.deps, sari, 'bobot_kpi', 'likes=5'))).toContain('komponen "likes" tidak dikenal');
    expect(text(await changeSetting(app.deps, sari, 'bobot_kpi', 'hari_aktif=0,posting=0,platform=0,konfirmasi=0,tindak_lanjut=0,kopdar=0'))).toContain('minimal satu bobot');
    expect(text(await changeSetting(app.deps, sari, 'rekap_mingguan', 'someday 09:00'))).toContain('senin 09:00');
    expect(text(await changeSetting(app.deps, sari, 'rekap_bulanan', '31 09:00'))).toContain('tanggal 1–28');
    expect(await stored()).toEqual([]);
  });
});
