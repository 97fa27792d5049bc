import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboxEntry, UnitOfWork } from '../../../src/app/ports/repositories.port.ts';
import { openMigratedDatabase } from '../../../src/infra/db/open.ts';
import { Dispatcher } from '../../../src/infra/outbox/dispatcher.ts';
import type { GatewayOutcome, OutgoingMessage, TelegramGateway } from '../../../src/infra/outbox/gateway.port.ts';
import { OutboxRelay, type OutboxRelayDeps } from '../../../src/infra/outbox/relay.ts';
import type { FakeClock } from '../../helpers/fake-clock.ts';
import { FakeGateway } from '../../helpers/fake-gateway.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

interface Row {
  id: number;
  chatId: bigint;
  status: string;
  messageId: number | null;
  lastError: string | null;
  attempts: number;
}

let app: TestApp | null = null;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await app?.close();
  app = null;
});

/** A relay over the test app's database, the real dispatcher, and an in-memory gateway. */
function relayOn(
  uow: UnitOfWork,
  clock: FakeClock,
  gateway: TelegramGateway,
  options: Partial<Pick<OutboxRelayDeps, 'batchSize' | 'onUndeliverable' | 'logger'>> = {},
) {
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

const entry = (chatId: number, text = `pesan untuk ${chatId}`, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  chatId: BigInt(chatId),
  text,
  kind: 'nudge',
  lane: 'bulk',
  ...extra,
});

async function enqueue(a: TestApp, entries: OutboxEntry[]): Promise<void> {
  await a.deps.uow.run((repos) => repos.outbox.enqueue(entries, a.clock.now()));
}

function rows(a: TestApp): Row[] {
  const db = new Sqlite(a.file, { readonly: true });
  db.defaultSafeIntegers(true);
  try {
    const raw = db.prepare('SELECT id, chatId, status, messageId, lastError, attempts FROM OutboxMessage ORDER BY id').all() as Record<string, bigint | string | null>[];
    return raw.map((r) => ({
      id: Number(r.id),
      chatId: BigInt(r.chatId as bigint),
      status: String(r.status),
      messageId: r.messageId === null ? null : Number(r.messageId),
      lastError: r.lastError === null ? null : String(r.lastError),
      attempts: Number(r.attempts),
    }));
  } finally {
    db.close();
  }
}

/** Moves the fake clock (which also lets the event loop turn) until the condition holds. */
async function until(clock: FakeClock, condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let step = 0; step < 5000; step++) {
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

const chatsOf = (gateway: FakeGateway): bigint[] => gateway.calls.map((c) => (c.message.kind === 'callbackAnswer' ? 0n : c.message.chatId));

describe('OutboxRelay', () => {
  it('reads urgent rows first, then the rest oldest first, each on its lane, and marks each sent with its message id', async () => {
    app = await createTestApp();
    const buttons = [[{ text: 'Lapor sekarang', callbackData: 'lapor' }]];
    await enqueue(app, [entry(11), entry(12, 'dengan tombol', { buttons }), entry(13), entry(11, 'kedua untuk 11'), entry(14, 'mendesak', { lane: 'urgent' })]);
    const gateway = new FakeGateway(app.clock);
    const { dispatcher, relay } = started(relayOn(app.deps.uow, app.clock, gateway));
    const send = vi.spyOn(dispatcher, 'send');
    relay.wake();
    await drained(app.clock, relay);

    // The urgent row is read first (a directive written behind a morning's nudges goes at once); bulk rows in table order.
    expect(chatsOf(gateway)).toEqual([14n, 11n, 12n, 13n, 11n]);
    expect(gateway.calls[2]?.message).toEqual({ kind: 'text', chatId: 12n, text: 'dengan tombol', buttons });
    expect(gateway.calls[4]?.message).toMatchObject({ text: 'kedua untuk 11' });
    expect(send.mock.calls.map(([, lane]) => lane)).toEqual(['urgent', 'bulk', 'bulk', 'bulk', 'bulk']);
    expect(rows(app).map((r) => [r.chatId, r.status, r.messageId, r.attempts])).toEqual([
      [11n, 'sent', 1, 1],
      [12n, 'sent', 1, 1],
      [13n, 'sent', 1, 1],
      [11n, 'sent', 2, 1],
      [14n, 'sent', 1, 1],
    ]);
  });

  it('waits for wake() when idle, without timers, and a wake delivers rows committed since', async () => {
    app = await createTestApp();
    const gateway = new FakeGateway(app.clock);
    const { relay } = started(relayOn(app.deps.uow, app.clock, gateway));
    await drained(app.clock, relay);
    expect(app.clock.pendingSleepers).toBe(0); // idle means asleep on a promise, not polling

    await enqueue(app, [entry(21), entry(22)]);
    await app.clock.advance(60_000);
    expect(gateway.calls).toHaveLength(0); // committed but not announced: nobody looks

    relay.wake();
    await drained(app.clock, relay);
    expect(chatsOf(gateway)).toEqual([21n, 22n]);
    expect(rows(app).every((r) => r.status === 'sent')).toBe(true);
  });

  it('a wake during a pass causes another pass; batches never overlap or resend', async () => {
    app = await createTestApp();
    await enqueue(app, Array.from({ length: 10 }, (_, i) => entry(100 + i)));
    const gateway = new FakeGateway(app.clock, 200); // each call takes 200 ms
    const { relay } = started(relayOn(app.deps.uow, app.clock, gateway, { batchSize: 4 }));
    await until(app.clock, () => gateway.calls.length >= 2, 'first sends');
    await enqueue(app, [entry(200), entry(201)]);
    relay.wake();
    await drained(app.clock, relay);

    expect(chatsOf(gateway)).toEqual([...Array.from({ length: 10 }, (_, i) => BigInt(100 + i)), 200n, 201n]);
    expect(gateway.maxInFlight).toBeLessThanOrEqual(4);
    expect(rows(app).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('a wake that arrives while a read is running is not lost', async () => {
    app = await createTestApp();
    await enqueue(app, [entry(71)]);
    const a = app;
    const real = app.deps.uow;
    let reads = 0;
    let relay: OutboxRelay | undefined;
    // Right after the first read's snapshot, a use case commits a row and wakes the relay.
    const uow: UnitOfWork = {
      async run(work) {
        let read = false;
        const result = await real.run((repos) => work({ ...repos, outbox: { ...repos.outbox, pending: (limit) => ((read = true), repos.outbox.pending(limit)) } }));
        if (read && ++reads === 1) {
          await enqueue(a, [entry(72)]);
          relay?.wake();
        }
        return result;
      },
    };
    const gateway = new FakeGateway(app.clock);
    relay = started(relayOn(uow, app.clock, gateway)).relay;
    await drained(app.clock, relay);
    expect(chatsOf(gateway)).toEqual([71n, 72n]);
  });

  it('a row answered and recorded while a read is on its way back is not sent again', async () => {
    app = await createTestApp();
    await enqueue(app, [entry(81), entry(82), entry(83)]);
    const a = app;
    const calls: bigint[] = [];
    const answers = new Map<bigint, (outcome: GatewayOutcome) => void>();
    let answerAtOnce = false;
    const gateway: TelegramGateway = {
      deliver(message) {
        if (message.kind === 'callbackAnswer') return Promise.resolve({ ok: true });
        calls.push(message.chatId);
        if (answerAtOnce) return Promise.resolve({ ok: true, messageId: 1 });
        return new Promise((resolve) => answers.set(message.chatId, resolve));
      },
    };
    const real = app.deps.uow;
    let reads = 0;
    let marked = 0;
    const uow: UnitOfWork = {
      async run(work) {
        let read = false;
        const result = await real.run((repos) => work({ ...repos, outbox: { ...repos.outbox, pending: (limit) => ((read = true), repos.outbox.pending(limit)) } }));
        if (!read) marked++;
        if (read && ++reads === 2) {
          // The second read saw row 2 pending; before its result is back, row 2 is answered and recorded.
          answerAtOnce = true;
          answers.get(82n)?.({ ok: true, messageId: 1 });
          await until(a.clock, () => marked === 2, 'row 2 recorded');
          await a.clock.advance(0);
        }
        return result;
      },
    };
    const { relay } = started(relayOn(uow, app.clock, gateway, { batchSize: 2 }));
    await until(app.clock, () => calls.length === 2, 'rows 1 and 2 in flight');
    answers.get(81n)?.({ ok: true, messageId: 1 });
    await drained(app.clock, relay);
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(calls).toEqual([81n, 82n, 83n]);
    expect(rows(app).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('a blocked chat (403) or a missing one (400) marks the row failed and calls onUndeliverable', async () => {
    app = await createTestApp();
    await enqueue(app, [entry(31), entry(32), entry(33)]);
    const gateway = new FakeGateway(app.clock);
    gateway.failChat(31n, { kind: 'blocked', description: 'Forbidden: bot was blocked by the user' });
    gateway.failChat(33n, { kind: 'chat_not_found', description: 'Bad Request: chat not found' });
    const onUndeliverable = vi.fn(() => Promise.resolve());
    const { relay } = started(relayOn(app.deps.uow, app.clock, gateway, { onUndeliverable }));
    await drained(app.clock, relay);

    // The row's id comes along, so a bounced directive copy can be reported to its author.
    const ids = rows(app).map((r) => r.id);
    expect(onUndeliverable.mock.calls).toEqual([
      [31n, 'blocked', 'Forbidden: bot was blocked by the user', ids[0]],
      [33n, 'chat_not_found', 'Bad Request: chat not found', ids[2]],
    ]);
    expect(rows(app).map((r) => [r.chatId, r.status, r.lastError])).toEqual([
      [31n, 'failed', 'blocked: Forbidden: bot was blocked by the user'],
      [32n, 'sent', null],
      [33n, 'failed', 'chat_not_found: Bad Request: chat not found'],
    ]);
    expect(gateway.calls).toHaveLength(3); // final: never retried
  });

  it('rows onUndeliverable enqueues (the superadmin notice) go out in the same run', async () => {
    app = await createTestApp();
    await enqueue(app, [entry(41)]);
    const gateway = new FakeGateway(app.clock);
    gateway.failChat(41n, { kind: 'blocked', description: 'Forbidden: bot was blocked by the user' });
    const a = app;
    const onUndeliverable = () => enqueue(a, [entry(1001, 'tidak dapat menghubungi 41', { kind: 'notice' })]);
    const { relay } = started(relayOn(app.deps.uow, app.clock, gateway, { onUndeliverable }));
    await drained(app.clock, relay);
    expect(chatsOf(gateway)).toEqual([41n, 1001n]);
    expect(rows(app).map((r) => r.status)).toEqual(['failed', 'sent']);
  });

  it('transient failures past the dispatcher retries mark the row failed, once, without onUndeliverable', async () => {
    app = await createTestApp();
    await enqueue(app, [entry(51), entry(52)]);
    const gateway = new FakeGateway(app.clock);
    gateway.failChat(51n, ...Array.from({ length: 5 }, () => ({ kind: 'transient' as const, description: 'Bad Gateway' })));
    const onUndeliverable = vi.fn(() => Promise.resolve());
    const { relay } = started(relayOn(app.deps.uow, app.clock, gateway, { onUndeliverable }));
    await drained(app.clock, relay);
    await app.clock.advance(10 * 60_000); // no later retry of a failed row

    expect(gateway.timesFor(51n)).toHaveLength(5); // the dispatcher's maxAttempts, then final
    expect(rows(app).map((r) => [r.status, r.lastError])).toEqual([
      ['failed', 'transient: Bad Gateway'],
      ['sent', null],
    ]);
    expect(onUndeliverable).not.toHaveBeenCalled();
  });

  it('a migrated group: the message follows, and pending rows for the old id are retargeted', async () => {
    app = await createTestApp();
    await enqueue(app, [entry(-100, 'ringkasan 1', { kind: 'digest' }), entry(-100, 'ringkasan 2', { kind: 'digest' })]);
    const gateway = new FakeGateway(app.clock);
    gateway.failChat(-100n, { kind: 'migrated', newChatId: -1001234n });
    // One row at a time, so the second is read from the table after the migration.
    const { relay } = started(relayOn(app.deps.uow, app.clock, gateway, { batchSize: 1 }));
    await drained(app.clock, relay);

    expect(chatsOf(gateway)).toEqual([-100n, -1001234n, -1001234n]);
    expect(rows(app).map((r) => [r.chatId, r.status])).toEqual([
      [-1001234n, 'sent'],
      [-1001234n, 'sent'],
    ]);
  });

  it('stop() takes no new rows and returns once the rows in flight have their status written', async () => {
    app = await createTestApp();
    await enqueue(app, Array.from({ length: 20 }, (_, i) => entry(300 + i)));
    const gateway = new FakeGateway(app.clock, 500);
    const { dispatcher, relay } = relayOn(app.deps.uow, app.clock, gateway, { batchSize: 5 });
    dispatcher.start();
    relay.start();
    await until(app.clock, () => gateway.calls.length >= 1, 'first answer');
    let stopped = false;
    const stopping = relay.stop().then(() => (stopped = true));
    await until(app.clock, () => stopped, 'relay stopped');
    await stopping;
    const inFlightAtStop = relay.inFlightCount;
    const sentChats = new Set(chatsOf(gateway));
    await app.clock.advance(60_000);
    await dispatcher.stop();

    expect(inFlightAtStop).toBe(0);
    expect(chatsOf(gateway)).toHaveLength(sentChats.size); // nothing was sent after stop() resolved
    const after = rows(app);
    expect(after.filter((r) => r.status === 'sent').map((r) => r.chatId)).toEqual([...sentChats]);
    expect(after.filter((r) => r.status === 'pending').length).toBeGreaterThan(0);
    expect(after.filter((r) => r.status === 'pending').length + sentChats.size).toBe(20);
  });

  it('crash after half the outbox was sent: a new relay sends only the rest; only requests without an answer can repeat', async () => {
    app = await createTestApp();
    const chats = Array.from({ length: 100 }, (_, i) => 5001 + i);
    await enqueue(app, chats.map((c) => entry(c)));

    // Telegram itself: every request that reaches it delivers the message, answered or not.
    const inbox: bigint[] = [];
    let answered = 0;
    const dying: TelegramGateway = {
      deliver(message: OutgoingMessage): Promise<GatewayOutcome> {
        if (message.kind === 'callbackAnswer') return Promise.resolve({ ok: true });
        inbox.push(message.chatId);
        if (answered < 50) return Promise.resolve({ ok: true, messageId: ++answered });
        return new Promise<GatewayOutcome>(() => {}); // delivered, but the process dies before the answer
      },
    };
    const first = relayOn(app.deps.uow, app.clock, dying);
    first.dispatcher.start();
    first.relay.start();
    const a = app;
    await until(app.clock, () => rows(a).filter((r) => r.status === 'sent').length === 50 && first.dispatcher.pending === 50 && inbox.length === 58, '50 answered, 8 hanging');
    const unanswered = inbox.slice(50);
    // The first dispatcher's maxInFlight (8) requests hang; the other 42 rows wait in its queue.
    expect(unanswered).toEqual(chats.slice(50, 58).map(BigInt));
    expect(first.relay.inFlightCount).toBe(50);

    // The crash: the first relay and dispatcher are abandoned, never stopped. A new process opens the file.
    const db = await openMigratedDatabase(`file:${app.file}`);
    cleanups.push(() => db.close());
    const gateway = new FakeGateway(app.clock);
    const { relay } = started(relayOn(db.uow, app.clock, gateway));
    await drained(app.clock, relay);

    // The restart sends exactly the rows not marked sent, oldest first.
    expect(chatsOf(gateway)).toEqual(chats.slice(50).map(BigInt));
    expect(rows(app).every((r) => r.status === 'sent')).toBe(true);
    // Every chat has exactly one copy, except those whose request had reached Telegram unanswered.
    const copies = new Map<bigint, number>();
    for (const chat of [...inbox, ...chatsOf(gateway)]) copies.set(chat, (copies.get(chat) ?? 0) + 1);
    const twice = [...copies].filter(([, n]) => n === 2).map(([chat]) => chat);
    expect(copies.size).toBe(100);
    expect([...copies.values()].every((n) => n === 1 || n === 2)).toBe(true);
    expect(twice).toEqual(unanswered);
    expect(twice.length).toBeLessThanOrEqual(8);
  });

  it('a status write that keeps failing is not resent by this process', async () => {
    app = await createTestApp();
    await enqueue(app, [entry(61), entry(62)]);
    const real = app.deps.uow;
    let failWrites = true;
    const flaky: UnitOfWork = {
      run: (work) =>
        real.run((repos) =>
          work({
            ...repos,
            outbox: {
              ...repos.outbox,
              markSent: (id, messageId, at) => (failWrites && id === 1 ? Promise.reject(new Error('disk full')) : repos.outbox.markSent(id, messageId, at)),
            },
          }),
        ),
    };
    const gateway = new FakeGateway(app.clock);
    const { relay } = started(relayOn(flaky, app.clock, gateway));
    await drained(app.clock, relay);
    relay.wake();
    await drained(app.clock, relay);
    failWrites = false;
    expect(chatsOf(gateway)).toEqual([61n, 62n]);
    expect(rows(app).map((r) => r.status)).toEqual(['pending', 'sent']); // a restart would send 61 again
  });

  describe('media and pins', () => {
    const photo = { kind: 'photo', fileId: 'AgACAgUAAxkBAAIB' } as const;
    const buttons = [[{ text: '✅ Siap, dilaksanakan', callbackData: 'ack:1' }]];

    /** A logger that keeps what it was told. */
    function recording() {
      const lines: { level: string; obj: Record<string, unknown> }[] = [];
      const at = (level: string) => (obj: object) => void lines.push({ level, obj: obj as Record<string, unknown> });
      return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
    }

    it("stores and loads a row's media and pin flag; rows without them read back as before", async () => {
      app = await createTestApp();
      await enqueue(app, [
        entry(-100, 'Arahan <b>segera</b>', { kind: 'notice', lane: 'urgent', media: photo, pin: true, buttons }),
        entry(11, 'biasa'),
        entry(12, 'dokumen', { media: { kind: 'document', fileId: 'BQACdoc' } }),
      ]);
      const pending = await app.deps.uow.run((repos) => repos.outbox.pending(10));
      expect(pending).toEqual([
        { id: 1, chatId: -100n, text: 'Arahan <b>segera</b>', buttons, kind: 'notice', lane: 'urgent', media: photo, pin: true, attempts: 0 },
        { id: 2, chatId: 11n, text: 'biasa', kind: 'nudge', lane: 'bulk', attempts: 0 },
        { id: 3, chatId: 12n, text: 'dokumen', kind: 'nudge', lane: 'bulk', media: { kind: 'document', fileId: 'BQACdoc' }, attempts: 0 },
      ]);
    });

    it('a media row goes out as that media with its text as caption, and is marked sent with the message id', async () => {
      app = await createTestApp();
      await enqueue(app, [entry(21, 'teks dulu'), entry(21, 'Arahan <b>penting</b>', { media: { kind: 'video', fileId: 'BAACvid' }, buttons }), entry(21, 'lanjutan')]);
      const gateway = new FakeGateway(app.clock);
      const { relay } = started(relayOn(app.deps.uow, app.clock, gateway));
      await drained(app.clock, relay);
      expect(gateway.calls.map((c) => c.message)).toEqual([
        { kind: 'text', chatId: 21n, text: 'teks dulu' },
        { kind: 'media', chatId: 21n, media: { kind: 'video', fileId: 'BAACvid' }, caption: 'Arahan <b>penting</b>', buttons },
        { kind: 'text', chatId: 21n, text: 'lanjutan' },
      ]);
      expect(rows(app).map((r) => [r.status, r.messageId])).toEqual([
        ['sent', 1],
        ['sent', 2],
        ['sent', 3],
      ]);
    });

    it('a row with pin is pinned by its message id after it was sent and marked; rows without pin are not', async () => {
      app = await createTestApp();
      await enqueue(app, [
        entry(-100, 'sebelumnya', { kind: 'digest' }),
        entry(-100, 'Arahan <b>segera</b>', { kind: 'notice', lane: 'urgent', media: photo, pin: true }),
        entry(31, 'Arahan <b>segera</b>', { kind: 'notice', lane: 'urgent', media: photo }),
      ]);
      const gateway = new FakeGateway(app.clock);
      const a = app;
      let statusAtPin: string | undefined;
      const watched: TelegramGateway = {
        deliver(message) {
          if (message.kind === 'pin') statusAtPin = rows(a)[1]?.status;
          return gateway.deliver(message);
        },
      };
      const { relay } = started(relayOn(app.deps.uow, app.clock, watched));
      await drained(app.clock, relay);
      const calls = gateway.calls.map((c) => [c.message.kind, c.message.kind === 'callbackAnswer' ? 0n : c.message.chatId]);
      // The urgent rows first; the pin (urgent too) may overtake the bulk digest.
      expect(calls.slice(0, 2)).toEqual([
        ['media', -100n],
        ['media', 31n],
      ]);
      expect(calls.slice(2)).toEqual(expect.arrayContaining([['text', -100n], ['pin', -100n]]));
      expect(calls).toHaveLength(4);
      expect(gateway.calls.find((c) => c.message.kind === 'pin')?.message).toEqual({ kind: 'pin', chatId: -100n, messageId: 1 });
      expect(statusAtPin).toBe('sent');
      expect(rows(app).map((r) => [r.chatId, r.status, r.messageId])).toEqual([
        [-100n, 'sent', 2],
        [-100n, 'sent', 1],
        [31n, 'sent', 1],
      ]);
    });

    it('a refused pin is logged; the row stays sent and is not sent again', async () => {
      app = await createTestApp();
      await enqueue(app, [entry(-200, 'Arahan', { lane: 'urgent', media: photo, pin: true })]);
      const gateway = new FakeGateway(app.clock);
      gateway.script((m) => m.kind === 'pin', { kind: 'rejected', code: 400, description: 'Bad Request: not enough rights to manage pinned messages in the chat' });
      const { lines, logger } = recording();
      const onUndeliverable = vi.fn(() => Promise.resolve());
      const { relay } = started(relayOn(app.deps.uow, app.clock, gateway, { logger, onUndeliverable }));
      await drained(app.clock, relay);
      relay.wake();
      await drained(app.clock, relay);
      expect(gateway.calls.map((c) => c.message.kind)).toEqual(['media', 'pin']);
      expect(rows(app).map((r) => [r.status, r.messageId, r.lastError])).toEqual([['sent', 1, null]]);
      expect(lines.filter((l) => l.obj.event === 'outbox.pin_failed')).toEqual([
        { level: 'warn', obj: expect.objectContaining({ id: 1, chatId: '-200', messageId: 1, error: expect.stringMatching(/not enough rights/) }) },
      ]);
      expect(onUndeliverable).not.toHaveBeenCalled();
    });

    it('a row that is not delivered is not pinned; a migrated group is pinned at its new id', async () => {
      app = await createTestApp();
      await enqueue(app, [entry(41, 'Arahan', { media: photo, pin: true }), entry(-300, 'Arahan', { media: photo, pin: true })]);
      const gateway = new FakeGateway(app.clock);
      gateway.failChat(41n, { kind: 'blocked', description: 'Forbidden: bot was blocked by the user' });
      gateway.failChat(-300n, { kind: 'migrated', newChatId: -1000300n });
      const { relay } = started(relayOn(app.deps.uow, app.clock, gateway));
      await drained(app.clock, relay);
      expect(gateway.calls.map((c) => [c.message.kind, c.message.kind === 'callbackAnswer' ? 0n : c.message.chatId, c.outcome.ok])).toEqual([
        ['media', 41n, false],
        ['media', -300n, false],
        ['media', -1000300n, true],
        ['pin', -1000300n, true],
      ]);
      expect(rows(app).map((r) => [r.chatId, r.status])).toEqual([
        [41n, 'failed'],
        [-1000300n, 'sent'],
      ]);
    });
  });
});
