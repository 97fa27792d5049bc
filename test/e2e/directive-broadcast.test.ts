/**
 * Directives under load, end to end: the real bot (startKopdar) against the fake Bot API server
 * enforcing Telegram's limits (30/s per bot, 1/s per chat after a burst of 3, 20/min per group).
 *
 * The broadcast goes to 500 admins and 2 groups: the community group (/hubungkan komunitas) and
 * the leaders' group (/hubungkan pimpinan). The second directive goes to the kecamatan only
 * (50 admins) and both groups, with injected failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits } from '../../src/infra/outbox/limits.ts';
import type { SentCall } from '../helpers/fake-telegram/types.ts';
import { startHarness, type Harness } from '../helpers/kopdar-harness.ts';
import { buttonData, copiesPerChat, query, seedAdmins, waitForCount, type SeededAdmin } from '../helpers/seed-admins.ts';

const superadmin = { id: 1001, first_name: 'Sari' };
/** A basic group (small negative id), so Telegram can upgrade it to a supergroup. */
const group = { id: -4001, type: 'group' as const, title: 'Komunitas Admin Medsos' };
const supergroupId = -1_009_876_543_210;
const leadersGroup = { id: -1_005_550_000_001, type: 'supergroup' as const, title: 'Grup Pimpinan' };

const OPDS = 100;
const PER_OPD = 5;
const KECAMATAN = 10; // the last 10 OPDs (50 admins): the second directive's audience
const RECIPIENTS = OPDS * PER_OPD + 2; // + the community group and the leaders' group

let h: Harness;
let admins: SeededAdmin[];

const copyMarker = (id: number): string => `ARAHAN #${id}</b>`;
/** A recipient's copy (the author's preview quotes the copy too, so their chat is left out). */
const isCopy = (id: number) => (c: SentCall): boolean => c.method === 'sendMessage' && c.chatId !== superadmin.id && (c.text ?? '').includes(copyMarker(id));

/** /arahan …, the preview, then Send; returns the directive's id. */
async function composeAndSend(text: string, expectedPreview: RegExp, beforeSend: () => void = () => undefined): Promise<number> {
  const mark = h.tg.sent.length;
  h.tg.sendText({ from: superadmin, text });
  const preview = await h.tg.waitForMessage(superadmin.id, /Pratinjau arahan/, { since: mark, timeoutMs: 10_000 });
  expect(preview.plainText).toMatch(expectedPreview);
  const send = buttonData(preview, 'Kirim');
  const id = Number(/^d:send:(\d+)$/.exec(send)?.[1]);
  beforeSend();
  h.tg.clickButton({ from: superadmin, chatId: superadmin.id, messageId: preview.messageId ?? 0, data: send });
  await h.tg.waitFor((c) => c.method === 'editMessageText' && c.chatId === superadmin.id && (c.plainText ?? '').includes(`Arahan #${id} masuk antrean`), { since: mark, timeoutMs: 10_000 });
  return id;
}

interface DeliveryRow {
  chatId: number;
  opdId: number | null;
  status: string;
  lastError: string | null;
}

const deliveries = (directiveId: number): DeliveryRow[] =>
  query<DeliveryRow>(
    h.databaseFile,
    'SELECT d.chatId, d.opdId, o.status, o.lastError FROM DirectiveDelivery d JOIN OutboxMessage o ON o.id = d.outboxId WHERE d.directiveId = ? ORDER BY d.id',
    directiveId,
  );

beforeAll(async () => {
  h = await startHarness({ superadminIds: [superadmin.id], enforceLimits: true });
  admins = seedAdmins(h.databaseFile, { opds: OPDS, adminsPerOpd: PER_OPD, firstTelegramId: 700_001, kecamatan: KECAMATAN });
  h.tg.sendText({ from: superadmin, chat: group, text: '/hubungkan@kopdar_test_bot komunitas' });
  await h.tg.waitForMessage(group.id, /grup komunitas/, { timeoutMs: 10_000 });
  h.tg.sendText({ from: superadmin, chat: leadersGroup, text: '/hubungkan@kopdar_test_bot pimpinan' });
  await h.tg.waitForMessage(leadersGroup.id, /grup pimpinan/, { timeoutMs: 10_000 });
}, 60_000);
afterAll(async () => h?.stop());

describe('a directive to 500 admins and 2 groups', () => {
  it('reaches every admin and the group exactly once, with zero 429s, every delivery marked sent', async () => {
    const id = await composeAndSend('/arahan segera Rapat koordinasi <b>medsos</b> & humas: unggah materi HUT Kabupaten hari ini.', /Penerima: 500 admin dari 100 OPD \+ grup komunitas \+ grup pimpinan/);
    await waitForCount(h.tg, isCopy(id), RECIPIENTS, 90_000);
    await h.kopdar.relay.whenIdle();

    const copies = h.tg.sent.filter(isCopy(id));
    const perChat = copiesPerChat(copies, copyMarker(id));
    expect(copies).toHaveLength(RECIPIENTS);
    expect(perChat.size).toBe(RECIPIENTS);
    for (const admin of admins) expect(perChat.get(admin.telegramId), `admin ${admin.telegramId}`).toBe(1);
    expect(perChat.get(group.id)).toBe(1);
    expect(perChat.get(leadersGroup.id)).toBe(1);
    // The author's text is escaped for HTML; every admin's copy carries the ✅ / ❓ buttons.
    expect(copies[0]?.text).toContain('Rapat koordinasi &lt;b&gt;medsos&lt;/b&gt; &amp; humas');
    expect(buttonData(copies.find((c) => c.chatId === admins[0]?.telegramId) ?? copies[0]!, 'Siap')).toBe(`d:ack:${id}`);

    // Telegram's limits were enforced and never hit.
    expect(h.tg.stats.rateLimited).toBe(0);
    expect(h.tg.requests.filter((r) => r.status !== 200 && r.method !== 'getUpdates')).toEqual([]);

    const rows = deliveries(id);
    expect(rows).toHaveLength(RECIPIENTS);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);

    const seconds = ((copies.at(-1)?.at ?? 0) - (copies[0]?.at ?? 0)) / 1000;
    console.log(`directive #${id}: ${copies.length} copies in ${seconds.toFixed(1)} s = ${(copies.length / seconds).toFixed(1)} msg/s (limit 30/s)`);

    const mark = h.tg.sent.length;
    h.tg.sendText({ from: superadmin, text: `/status_arahan ${id}` });
    const status = await h.tg.waitForMessage(superadmin.id, new RegExp(`Status arahan #${id}`), { since: mark, timeoutMs: 10_000 });
    expect(status.plainText).toContain(`Terkirim ${RECIPIENTS}/${RECIPIENTS}`);
    expect(status.plainText).not.toContain('gagal');
  }, 150_000);

  it('injected failures end as specified: 429 pauses everything, 5xx is retried, 403/400 fail and are reported, a migrated group is followed', async () => {
    const kecamatan = admins.filter((a) => a.opdCode.startsWith('KEC'));
    const [blocked, missing, flaky, limited] = kecamatan as [SeededAdmin, SeededAdmin, SeededAdmin, SeededAdmin];
    const start = h.tg.sent.length;
    const requestsBefore = h.tg.requests.length;
    const rateLimitedBefore = h.tg.stats.rateLimited;

    const id = await composeAndSend('/arahan penting untuk:kecamatan Pastikan spanduk pemilu terpasang.', /Penerima: 50 admin dari 10 OPD \+ grup komunitas/, () => {
      h.tg.blockChat(blocked.telegramId);
      h.tg.removeChat(missing.telegramId);
      h.tg.failNext('sendMessage', { chatId: flaky.telegramId, times: 2, error: { error_code: 502, description: 'Bad Gateway' } });
      h.tg.failNext('sendMessage', {
        chatId: limited.telegramId,
        error: { error_code: 429, description: 'Too Many Requests: retry after 2', parameters: { retry_after: 2 } },
      });
      h.tg.migrateGroup(group.id, supergroupId);
    });

    // 48 admins, the community group (at its new id) and the leaders' group get their copy; the superadmin hears of the two unreachable admins.
    await waitForCount(h.tg, isCopy(id), kecamatan.length - 2 + 2, 60_000);
    await h.tg.waitForMessage(superadmin.id, new RegExp(`Tidak dapat menghubungi Admin ${blocked.opdCode}-1`), { since: start, timeoutMs: 20_000 });
    await h.tg.waitForMessage(superadmin.id, new RegExp(`Tidak dapat menghubungi Admin ${missing.opdCode}-2`), { since: start, timeoutMs: 20_000 });
    // The directive's author (here the superadmin) is told which copies did not go out.
    await h.tg.waitForMessage(superadmin.id, new RegExp(`Arahan #${id} tidak dapat dikirim ke Admin ${blocked.opdCode}-1 \\(${blocked.opdCode}\\)`), { since: start, timeoutMs: 20_000 });
    await h.tg.waitForMessage(superadmin.id, new RegExp(`Arahan #${id} tidak dapat dikirim ke Admin ${missing.opdCode}-2`), { since: start, timeoutMs: 20_000 });
    await h.kopdar.relay.whenIdle();

    const perChat = copiesPerChat(h.tg.sent.slice(start).filter(isCopy(id)), copyMarker(id));
    for (const admin of kecamatan) {
      const expected = admin === blocked || admin === missing ? undefined : 1;
      expect(perChat.get(admin.telegramId), `admin ${admin.telegramId}`).toBe(expected);
    }
    expect(perChat.get(supergroupId)).toBe(1);
    expect(perChat.get(leadersGroup.id)).toBe(1);
    expect(perChat.get(group.id)).toBeUndefined();
    // Nobody outside the audience got it.
    expect(perChat.size).toBe(kecamatan.length - 2 + 2);

    const requests = h.tg.requests.slice(requestsBefore).filter((r) => r.method === 'sendMessage');
    const statuses = (chatId: number): number[] => requests.filter((r) => r.chatId === chatId).map((r) => r.status);
    expect(statuses(flaky.telegramId)).toEqual([502, 502, 200]); // retried with backoff, then delivered
    expect(statuses(limited.telegramId)).toEqual([429, 200]);
    expect(statuses(blocked.telegramId)).toEqual([403]); // final at once, never retried
    expect(statuses(missing.telegramId)).toEqual([400]);
    expect(statuses(group.id)).toEqual([400]); // "upgraded to a supergroup": followed
    expect(statuses(supergroupId)).toEqual([200]);
    // The only 429 is the injected one: the limits themselves were never hit.
    expect(h.tg.stats.rateLimited - rateLimitedBefore).toBe(1);

    // retry_after paused the whole dispatcher, not one chat: from the moment the bot took the 429
    // in, nothing new left for 2 s. The only requests the server saw in that window were already
    // on their way (at most maxInFlight − 1 besides the 429'd one), although at 30/s the ~45
    // copies still queued would all have gone out in those 2 s. The 429'd copy went after the pause.
    await h.waitForLog((l) => l.event === 'delivery.rate_limited' && l.retryAfterSeconds === 2);
    const pauseLine = h.logLines.map((l) => JSON.parse(l) as { event?: string; time?: string }).find((l) => l.event === 'delivery.rate_limited');
    const pausedAt = Date.parse(pauseLine?.time ?? '');
    const during = h.tg.requests.filter((r) => r.method !== 'getUpdates' && r.at > pausedAt && r.at < pausedAt + 1990);
    expect(during.length).toBeLessThanOrEqual(defaultLimits.maxInFlight - 1);
    const retried = requests.find((r) => r.chatId === limited.telegramId && r.status === 200);
    expect(retried?.at).toBeGreaterThanOrEqual(pausedAt + 1990);

    // Delivery records: 403 and 400 failed (with the reason), all others sent.
    const rows = deliveries(id);
    expect(rows).toHaveLength(kecamatan.length + 2);
    const byChat = new Map(rows.map((r) => [r.chatId, r]));
    expect(byChat.get(blocked.telegramId)?.status).toBe('failed');
    expect(byChat.get(blocked.telegramId)?.lastError).toMatch(/^blocked: /);
    expect(byChat.get(missing.telegramId)?.status).toBe('failed');
    expect(byChat.get(missing.telegramId)?.lastError).toMatch(/^chat_not_found: /);
    expect(rows.filter((r) => r.chatId !== blocked.telegramId && r.chatId !== missing.telegramId && r.status !== 'sent')).toEqual([]);
    const failures = query<{ chatId: number; errorCode: number }>(h.databaseFile, 'SELECT chatId, errorCode FROM DeliveryFailure ORDER BY chatId');
    expect(failures).toEqual(
      expect.arrayContaining([
        { chatId: blocked.telegramId, errorCode: 403 },
        { chatId: missing.telegramId, errorCode: 400 },
      ]),
    );

    // The stored community group followed the upgrade, as /atur shows.
    expect(query<{ value: string }>(h.databaseFile, "SELECT value FROM Setting WHERE key = 'community_chat_id'")).toEqual([{ value: String(supergroupId) }]);
    let mark = h.tg.sent.length;
    h.tg.sendText({ from: superadmin, text: '/atur' });
    const atur = await h.tg.waitForMessage(superadmin.id, /Grup komunitas/, { since: mark, timeoutMs: 10_000 });
    expect(atur.plainText).toContain(String(supergroupId));

    // The author sees what failed and for whom.
    mark = h.tg.sent.length;
    h.tg.sendText({ from: superadmin, text: `/status_arahan ${id}` });
    const status = await h.tg.waitForMessage(superadmin.id, new RegExp(`Status arahan #${id}`), { since: mark, timeoutMs: 10_000 });
    expect(status.plainText).toContain(`Terkirim ${kecamatan.length}/${kecamatan.length + 2} · gagal 2`);
    expect(status.plainText).toMatch(new RegExp(`Gagal terkirim: ${blocked.opdCode}, ${missing.opdCode}`));
  }, 120_000);
});
