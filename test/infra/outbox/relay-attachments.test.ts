import Sqlite from 'better-sqlite3';
import { Telegraf } from 'telegraf';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntry, UnitOfWork } from '../../../src/app/ports/repositories.port.ts';
import { isFileUpload, type FileUpload } from '../../../src/domain/media.ts';
import { captionForFile } from '../../../src/domain/text/delivery.ts';
import { openMigratedDatabase } from '../../../src/infra/db/open.ts';
import { Dispatcher } from '../../../src/infra/outbox/dispatcher.ts';
import type { GatewayOutcome, OutgoingMessage, TelegramGateway } from '../../../src/infra/outbox/gateway.port.ts';
import { OutboxRelay, type OutboxRelayDeps } from '../../../src/infra/outbox/relay.ts';
import { telegrafGateway } from '../../../src/telegram/gateway.ts';
import type { FakeClock } from '../../helpers/fake-clock.ts';
import { FakeGateway } from '../../helpers/fake-gateway.ts';
import { FakeTelegramServer } from '../../helpers/fake-telegram/server.ts';
import { TEST_TOKEN } from '../../helpers/kopdar-harness.ts';
import { readWorkbook, samplePng, sampleWorkbook } from '../../helpers/sample-files.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

let app: TestApp | null = null;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await app?.close();
  app = null;
});

function relayOn(uow: UnitOfWork, clock: FakeClock, gateway: TelegramGateway, options: Partial<Pick<OutboxRelayDeps, 'batchSize' | 'logger'>> = {}) {
  const dispatcher = new Dispatcher({ gateway, clock, random: () => 1 });
  const relay = new OutboxRelay({ uow, dispatcher, clock, logger: silent, ...options });
  return { dispatcher, relay };
}

function started(parts: { dispatcher: Dispatcher; relay: OutboxRelay }) {
  parts.dispatcher.start();
  parts.relay.start();
  cleanups.push(async () => {
    const stopped = parts.relay.stop().then(() => parts.dispatcher.stop());
    await app?.clock.runUntilIdle();
    await stopped;
  });
  return parts;
}

/** Moves the fake clock (which also lets the event loop turn, so real HTTP gets answered) until the condition holds. */
async function until(clock: FakeClock, condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let step = 0; step < 20_000; step++) {
    if (await condition()) return;
    await clock.advance(50);
  }
  throw new Error(`never happened: ${what}`);
}

async function drained(clock: FakeClock, relay: OutboxRelay): Promise<void> {
  let idle = false;
  void relay.whenIdle().then(() => (idle = true));
  await until(clock, () => idle, 'relay idle');
}

function query<T>(a: TestApp, sql: string): T[] {
  const db = new Sqlite(a.file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const outboxRows = (a: TestApp) =>
  query<{ chatId: number; status: string; attachmentId: number | null; mediaKind: string | null; text: string }>(a, 'SELECT chatId, status, attachmentId, mediaKind, text FROM OutboxMessage ORDER BY id');
const attachments = (a: TestApp) => query<{ id: number; kind: string; fileName: string; fileId: string | null }>(a, 'SELECT id, kind, fileName, fileId FROM Attachment ORDER BY id');

const workbook = (bytes: Uint8Array): FileUpload => ({ kind: 'document', fileName: 'rekap-2026-11.xlsx', bytes });

/** What a use case does: store the file once, then one row per chat that references it. */
async function enqueueFile(a: TestApp, file: FileUpload, chats: readonly number[], caption: string, extra: Partial<OutboxEntry> = {}): Promise<number> {
  return a.deps.uow.run(async (repos) => {
    const attachmentId = await repos.outbox.addAttachment(file, a.clock.now());
    await repos.outbox.enqueue(
      chats.map((chat) => ({ chatId: BigInt(chat), text: caption, kind: 'digest', lane: 'bulk', attachmentId, dedupeKey: `rekap:2026-11:${chat}`, ...extra })),
      a.clock.now(),
    );
    return attachmentId;
  });
}

async function enqueue(a: TestApp, entries: OutboxEntry[]): Promise<void> {
  await a.deps.uow.run((repos) => repos.outbox.enqueue(entries, a.clock.now()));
}

const text = (chat: number, body: string): OutboxEntry => ({ chatId: BigInt(chat), text: body, kind: 'digest', lane: 'bulk' });

/** The media calls, each as [chat, 'upload' | file_id]. */
function mediaCalls(calls: readonly { message: OutgoingMessage }[]): [bigint, string][] {
  return calls.flatMap(({ message }) => (message.kind === 'media' ? [[message.chatId, isFileUpload(message.media) ? 'upload' : message.media.fileId] as [bigint, string]] : []));
}

describe('OutboxRelay with attachments (files the bot made)', () => {
  it('one attachment for three chats: uploaded once, then sent twice by the file_id it got, which is stored', async () => {
    app = await createTestApp();
    const bytes = new TextEncoder().encode('PK workbook bytes');
    const attachmentId = await enqueueFile(app, workbook(bytes), [101, 102, 103], '<b>Rekap</b> November');
    const gateway = new FakeGateway(app.clock, 200); // each call takes 200 ms: the others are read while the upload is on its way
    const { relay } = started(relayOn(app.deps.uow, app.clock, gateway));
    relay.wake();
    await drained(app.clock, relay);

    expect(mediaCalls(gateway.calls)).toEqual([
      [101n, 'upload'],
      [102n, 'uploaded-1'],
      [103n, 'uploaded-1'],
    ]);
    const upload = gateway.calls[0]?.message;
    expect(upload).toEqual({ kind: 'media', chatId: 101n, media: { kind: 'document', fileName: 'rekap-2026-11.xlsx', bytes }, caption: '<b>Rekap</b> November' });
    expect(gateway.calls[1]?.message).toEqual({ kind: 'media', chatId: 102n, media: { kind: 'document', fileId: 'uploaded-1' }, caption: '<b>Rekap</b> November' });
    expect(attachments(app)).toEqual([{ id: attachmentId, kind: 'document', fileName: 'rekap-2026-11.xlsx', fileId: 'uploaded-1' }]);
    expect(outboxRows(app).map((r) => [r.chatId, r.status, r.attachmentId, r.mediaKind])).toEqual([
      [101, 'sent', attachmentId, 'document'],
      [102, 'sent', attachmentId, 'document'],
      [103, 'sent', attachmentId, 'document'],
    ]);

    // The next recap of the same file (a later row) goes by the stored file_id at once.
    await enqueue(app, [{ ...text(104, 'susulan'), attachmentId }]);
    relay.wake();
    await drained(app.clock, relay);
    expect(mediaCalls(gateway.calls).at(-1)).toEqual([104n, 'uploaded-1']);
  });

  it("a row waiting for another chat's upload holds back its chat's later rows, so every chat reads its rows in order", async () => {
    app = await createTestApp();
    const long = `<b>Rekap bulanan</b>\n${'Laporan OPD masuk tepat waktu. '.repeat(60)}`;
    const { before, caption } = captionForFile(long);
    expect(before.length).toBeGreaterThan(0);
    const file = workbook(new TextEncoder().encode('PK'));
    await app.deps.uow.run(async (repos) => {
      const attachmentId = await repos.outbox.addAttachment(file, app!.clock.now());
      const entries: OutboxEntry[] = [];
      for (const chat of [201, 202]) {
        entries.push(...before.map((part) => text(chat, part)), { ...text(chat, caption), attachmentId }, text(chat, `penutup ${chat}`));
      }
      await repos.outbox.enqueue(entries, app!.clock.now());
    });
    const gateway = new FakeGateway(app.clock, 300);
    const { relay } = started(relayOn(app.deps.uow, app.clock, gateway));
    relay.wake();
    await drained(app.clock, relay);

    const byChat = (chat: bigint) =>
      gateway.calls.flatMap(({ message }) =>
        message.kind === 'callbackAnswer' || message.chatId !== chat
          ? []
          : [message.kind === 'media' ? (isFileUpload(message.media) ? 'upload' : 'by file_id') : message.kind === 'text' ? message.text.slice(0, 12) : message.kind],
      );
    expect(byChat(201n)).toEqual([...before.map((p) => p.slice(0, 12)), 'upload', 'penutup 201']);
    expect(byChat(202n)).toEqual([...before.map((p) => p.slice(0, 12)), 'by file_id', 'penutup 202']);
    expect(outboxRows(app).every((r) => r.status === 'sent')).toBe(true);
  });

  it('an upload refused for good (the chat blocked the bot) leaves the next row to upload', async () => {
    app = await createTestApp();
    await enqueueFile(app, workbook(new TextEncoder().encode('PK')), [301, 302, 303], 'Rekap');
    const gateway = new FakeGateway(app.clock, 100);
    gateway.failChat(301n, { kind: 'blocked', description: 'Forbidden: bot was blocked by the user' });
    const { relay } = started(relayOn(app.deps.uow, app.clock, gateway));
    relay.wake();
    await drained(app.clock, relay);

    expect(mediaCalls(gateway.calls)).toEqual([
      [301n, 'upload'],
      [302n, 'upload'],
      [303n, 'uploaded-1'],
    ]);
    expect(outboxRows(app).map((r) => r.status)).toEqual(['failed', 'sent', 'sent']);
    expect(attachments(app)[0]?.fileId).toBe('uploaded-1');
  });

  it('crash after the upload was answered and recorded: a restart sends the rest by file_id and uploads nothing', async () => {
    app = await createTestApp();
    const chats = [401, 402, 403, 404];
    const attachmentId = await enqueueFile(app, workbook(new TextEncoder().encode('PK workbook')), chats, 'Rekap');

    // Telegram itself: every request that reaches it is delivered; only the first is answered.
    const inbox: [bigint, string][] = [];
    const dying: TelegramGateway = {
      deliver(message: OutgoingMessage): Promise<GatewayOutcome> {
        if (message.kind !== 'media') return Promise.resolve({ ok: true });
        inbox.push(...mediaCalls([{ message }]));
        if (inbox.length === 1) return Promise.resolve({ ok: true, messageId: 1, fileId: 'BQACfirst' });
        return new Promise<GatewayOutcome>(() => {}); // delivered, but the process dies before the answer
      },
    };
    const first = relayOn(app.deps.uow, app.clock, dying);
    first.dispatcher.start();
    first.relay.start();
    const a = app;
    await until(app.clock, () => inbox.length === 4 && outboxRows(a)[0]?.status === 'sent', 'upload recorded, three sends hanging');
    expect(inbox).toEqual([
      [401n, 'upload'],
      [402n, 'BQACfirst'],
      [403n, 'BQACfirst'],
      [404n, 'BQACfirst'],
    ]);
    expect(attachments(app)[0]?.fileId).toBe('BQACfirst');

    // The crash: the first relay and dispatcher are abandoned. A new process opens the file.
    const db = await openMigratedDatabase(`file:${app.file}`);
    cleanups.push(() => db.close());
    const gateway = new FakeGateway(app.clock);
    const { relay } = started(relayOn(db.uow, app.clock, gateway));
    await drained(app.clock, relay);

    // Nothing sent and marked goes again, nothing is uploaded again; the unanswered rows go by file_id.
    expect(mediaCalls(gateway.calls)).toEqual([
      [402n, 'BQACfirst'],
      [403n, 'BQACfirst'],
      [404n, 'BQACfirst'],
    ]);
    expect(outboxRows(app).map((r) => [r.chatId, r.status, r.attachmentId])).toEqual(chats.map((c) => [c, 'sent', attachmentId]));
  });

  it('crash while the upload itself waited for its answer: a restart uploads once more, by the same row, and the rest go by the new file_id', async () => {
    app = await createTestApp();
    await enqueueFile(app, workbook(new TextEncoder().encode('PK')), [501, 502, 503], 'Rekap');
    const inbox: [bigint, string][] = [];
    const hanging: TelegramGateway = {
      deliver(message) {
        if (message.kind === 'media') inbox.push(...mediaCalls([{ message }]));
        return new Promise<GatewayOutcome>(() => {});
      },
    };
    const first = relayOn(app.deps.uow, app.clock, hanging);
    first.dispatcher.start();
    first.relay.start();
    await until(app.clock, () => inbox.length === 1, 'upload on its way');
    await app.clock.advance(10_000);
    expect(inbox).toEqual([[501n, 'upload']]); // the other rows wait for its file_id, not upload too

    const db = await openMigratedDatabase(`file:${app.file}`);
    cleanups.push(() => db.close());
    const gateway = new FakeGateway(app.clock);
    const { relay } = started(relayOn(db.uow, app.clock, gateway));
    await drained(app.clock, relay);
    expect(mediaCalls(gateway.calls)).toEqual([
      [501n, 'upload'],
      [502n, 'uploaded-1'],
      [503n, 'uploaded-1'],
    ]);
    expect(outboxRows(app).every((r) => r.status === 'sent')).toBe(true);
  });

  it('with a small batch, rows waiting for an upload do not spin the relay, and rows behind them are read once it is done', async () => {
    app = await createTestApp();
    await enqueueFile(app, workbook(new TextEncoder().encode('PK')), [601, 602, 603, 604, 605], 'Rekap');
    await enqueue(app, [text(606, 'setelahnya')]);
    const reads: number[] = [];
    const real = app.deps.uow;
    const counting: UnitOfWork = {
      run: (work) => real.run((repos) => work({ ...repos, outbox: { ...repos.outbox, pending: (limit) => (reads.push(limit), repos.outbox.pending(limit)) } })),
    };
    const gateway = new FakeGateway(app.clock, 5_000); // a slow upload: 5 s
    const { relay } = started(relayOn(counting, app.clock, gateway, { batchSize: 2 }));
    relay.wake();
    await drained(app.clock, relay);

    expect(mediaCalls(gateway.calls).map(([chat, how]) => `${chat}:${how}`)).toEqual(['601:upload', '602:uploaded-1', '603:uploaded-1', '604:uploaded-1', '605:uploaded-1']);
    expect(gateway.calls.at(-1)?.message).toMatchObject({ chatId: 606n });
    expect(reads.length).toBeLessThan(12); // a read per batch or upload, not one per turn of the loop
  });

  describe('over real HTTP (telegraf gateway, fake Bot API server)', () => {
    it('a 429 and a 5xx during the upload are retried: one upload reaches Telegram, each chat gets the workbook once', async () => {
      app = await createTestApp();
      const tg = await FakeTelegramServer.start({ token: TEST_TOKEN, limits: { enforce: false } });
      cleanups.push(() => tg.stop());
      const gateway = telegrafGateway(new Telegraf(TEST_TOKEN, { telegram: { apiRoot: tg.apiRoot } }).telegram);
      const bytes = await sampleWorkbook('Rekap', [['OPD', 'Laporan'], ['DINKES', 9]]);
      const chats = [701, 702, 703];
      const attachmentId = await enqueueFile(app, workbook(bytes), chats, '<b>Rekap</b> November');
      tg.failNext('sendDocument', { chatId: 701, error: { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } } });
      tg.failNext('sendDocument', { chatId: 701, error: { error_code: 502, description: 'Bad Gateway' } });
      const { dispatcher, relay } = started(relayOn(app.deps.uow, app.clock, gateway));
      relay.wake();
      await drained(app.clock, relay);

      expect(tg.requests.filter((r) => r.method === 'sendDocument').map((r) => `${r.chatId}:${r.status}`)).toEqual(['701:429', '701:502', '701:200', '702:200', '703:200']);
      expect(dispatcher.rateLimitedCount).toBe(1);
      expect(tg.uploads.map((c) => c.chatId)).toEqual([701]);
      const delivered = tg.sent.filter((c) => c.method === 'sendDocument');
      expect(delivered.map((c) => c.chatId)).toEqual(chats);
      for (const call of delivered) {
        expect(call.plainText).toBe('Rekap November');
        expect(call.file?.fileName).toBe('rekap-2026-11.xlsx');
        expect(await readWorkbook(call.file?.bytes ?? new Uint8Array())).toEqual({ sheet: 'Rekap', rows: [['OPD', 'Laporan'], ['DINKES', 9]] });
      }
      expect(attachments(app)).toEqual([{ id: attachmentId, kind: 'document', fileName: 'rekap-2026-11.xlsx', fileId: delivered[0]?.media?.fileId }]);
      expect(outboxRows(app).every((r) => r.status === 'sent')).toBe(true);
    });

    it('a chart photo to a group and a leader: uploaded once, the largest size resent', async () => {
      app = await createTestApp();
      const tg = await FakeTelegramServer.start({ token: TEST_TOKEN, limits: { enforce: false } });
      cleanups.push(() => tg.stop());
      const gateway = telegrafGateway(new Telegraf(TEST_TOKEN, { telegram: { apiRoot: tg.apiRoot } }).telegram);
      const png = samplePng(1200, 800);
      await enqueueFile(app, { kind: 'photo', fileName: 'grafik.png', bytes: png }, [-1001234, 801], 'Grafik laporan');
      const { relay } = started(relayOn(app.deps.uow, app.clock, gateway));
      relay.wake();
      await drained(app.clock, relay);

      const [upload, resend] = tg.sent.filter((c) => c.method === 'sendPhoto');
      expect(upload?.upload?.bytes).toEqual(png);
      expect(upload?.file?.width).toBe(1200);
      expect(resend).toMatchObject({ chatId: 801, media: { fileId: upload?.media?.fileId } });
      expect(resend?.upload).toBeUndefined();
      expect(upload?.media?.fileId).toBe(upload?.file?.fileIds.at(-1));
      expect(attachments(app)[0]?.fileId).toBe(upload?.media?.fileId);
    });
  });
});
