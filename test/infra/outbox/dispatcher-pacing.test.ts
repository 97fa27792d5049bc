import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../src/app/ports/clock.port.ts';
import { Dispatcher } from '../../../src/infra/outbox/dispatcher.ts';
import type { GatewayOutcome, OutgoingMessage, TelegramGateway } from '../../../src/infra/outbox/gateway.port.ts';
import { SendQueue } from '../../../src/infra/outbox/send-queue.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { FakeGateway, maxInWindow, text } from '../../helpers/fake-gateway.ts';
import { harness } from './harness.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A FakeClock whose timers fire late (as on a busy event loop): `lateness(n)` ms for the n-th. */
class LateClock extends FakeClock {
  timers = 0;

  constructor(private readonly lateness: (n: number) => number) {
    super();
  }

  override setTimer(ms: number, callback: () => void): () => void {
    return super.setTimer(ms + this.lateness(++this.timers), callback);
  }
}

/**
 * A gateway on a fake clock whose calls take `latency(n)` ms each, and which notes when
 * "Telegram" counted each message: at a random instant between the call and its answer.
 */
class SlowNetworkGateway implements TelegramGateway {
  readonly counted: number[] = [];
  private calls = 0;
  private seed = 7;

  constructor(
    private readonly clock: FakeClock,
    private readonly latency: (n: number) => number,
  ) {}

  async deliver(message: OutgoingMessage): Promise<GatewayOutcome> {
    const sent = this.clock.now().getTime();
    const latency = this.latency(++this.calls);
    await this.clock.sleep(latency);
    if (message.kind !== 'callbackAnswer') this.counted.push(sent + latency * this.random());
    return { ok: true, messageId: this.calls };
  }

  private random(): number {
    this.seed = (this.seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return this.seed / 2 ** 31;
  }
}

function dispatcherOn(clock: Clock, gateway: TelegramGateway): Dispatcher {
  return new Dispatcher({ gateway, clock, random: () => 1 });
}

describe('Dispatcher pacing', () => {
  it('looks at its queue about once per send while pacing at the global limit', async () => {
    const next = vi.spyOn(SendQueue.prototype, 'next');
    const clock = new LateClock(() => 0);
    const gateway = new FakeGateway(clock, 80);
    const dispatcher = dispatcherOn(clock, gateway);
    dispatcher.start();
    const results = Array.from({ length: 300 }, (_, i) => dispatcher.send(text(i + 1), 'bulk'));
    await clock.runUntilIdle();
    await Promise.all(results);
    expect(gateway.calls).toHaveLength(300);
    // One look that sends and one that finds the next send's time; finished sends wake nothing.
    expect(next.mock.calls.length).toBeLessThanOrEqual(2 * 300 + 5);
    expect(clock.timers).toBeLessThanOrEqual(300 + 5);
  });

  it('keeps the rate when every timer fires a little late', async () => {
    const clock = new LateClock(() => 2);
    const gateway = new FakeGateway(clock);
    const dispatcher = dispatcherOn(clock, gateway);
    const start = clock.now().getTime();
    dispatcher.start();
    const results = Array.from({ length: 301 }, (_, i) => dispatcher.send(text(i + 1), 'bulk'));
    await clock.runUntilIdle();
    await Promise.all(results);
    const at = gateway.timesFor().map((t) => t - start);
    expect(maxInWindow(at, 1000)).toBe(30);
    expect(at[300]).toBeLessThanOrEqual(10_000 + 10 * 2 + 2); // was 36 ms a send: 10.8 s
  });

  it('catches up after a stall with a few sends at once, never more than the limit', async () => {
    const clock = new LateClock((n) => (n % 40 === 0 ? 400 : 0));
    const gateway = new FakeGateway(clock, 20);
    const dispatcher = dispatcherOn(clock, gateway);
    dispatcher.start();
    const results = Array.from({ length: 400 }, (_, i) => dispatcher.send(text(i + 1), 'bulk'));
    await clock.runUntilIdle();
    await Promise.all(results);
    const at = gateway.timesFor();
    expect(maxInWindow(at, 1000)).toBeLessThanOrEqual(30);
    expect(maxInWindow(at, 1)).toBeGreaterThan(1); // it did catch up
    expect(maxInWindow(at, 1)).toBeLessThanOrEqual(5);
  });

  it('keeps what Telegram can count within 30 a second when some requests are slow', async () => {
    const clock = new FakeClock();
    // Most answers within 5 ms; every 7th is held up for up to 0.8 s, as on a congested link.
    const gateway = new SlowNetworkGateway(clock, (n) => (n % 7 === 0 ? (n * 37) % 800 : n % 5));
    const dispatcher = dispatcherOn(clock, gateway);
    dispatcher.start();
    const results = Array.from({ length: 600 }, (_, i) => dispatcher.send(text(i + 1), 'bulk'));
    await clock.runUntilIdle();
    await Promise.all(results);
    expect(gateway.counted).toHaveLength(600);
    expect(maxInWindow(gateway.counted, 960)).toBeLessThanOrEqual(30);
  });

  it('restarts evenly paced after a 429 pause, without a burst of catching up', async () => {
    const { clock, gateway, dispatcher, times } = harness({ latencyMs: 5 });
    gateway.failChat(1n, { kind: 'rate_limited', retryAfterSeconds: 2 });
    dispatcher.start();
    const results = Array.from({ length: 20 }, (_, i) => dispatcher.send(text(i + 1), 'bulk'));
    await clock.runUntilIdle();
    await Promise.all(results);
    const after = times().filter((t) => t >= 2005);
    expect(after[0]).toBe(2005); // the 429 was answered at 5 ms
    for (let i = 1; i < after.length; i++) expect((after[i] ?? 0) - (after[i - 1] ?? 0)).toBeGreaterThanOrEqual(33);
  });

  it('gets a turn from each new message while its timer is overdue (the event loop was busy)', async () => {
    const { clock, gateway, dispatcher } = harness();
    dispatcher.start();
    void dispatcher.send(text(1));
    await clock.advance(0);
    void dispatcher.send(text(2)); // waits for the global pace: a timer 34 ms ahead
    await clock.advance(0);
    expect(gateway.calls).toHaveLength(1);
    clock.set(new Date(clock.now().getTime() + 500)); // time passes, the timer has not fired
    void dispatcher.send(text(3));
    await flush();
    expect(gateway.calls.length).toBeGreaterThanOrEqual(2);
    await clock.runUntilIdle();
    expect(gateway.calls).toHaveLength(3);
  });

  it('sends and runs hooks in its own async context, not the caller’s', async () => {
    const store = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    const clock = new FakeClock();
    const gateway = new FakeGateway(clock);
    gateway.failChat(5n, { kind: 'blocked', description: 'Forbidden: bot was blocked by the user' });
    const dispatcher = new Dispatcher({
      gateway: { deliver: (m) => (seen.push(store.getStore()), gateway.deliver(m)) },
      clock,
      hooks: { onFinalFailure: () => void seen.push(store.getStore()) },
    });
    dispatcher.start();
    await clock.advance(0); // idle: the send below is what wakes it
    const result = store.run('caller transaction', () => dispatcher.send(text(5)));
    await clock.runUntilIdle();
    await expect(result).resolves.toMatchObject({ status: 'failed' });
    expect(seen).toEqual([undefined, undefined]);
  });

  it('holds two queues that end up sending to one migrated chat to that chat’s limits', async () => {
    const clock = new FakeClock();
    const gateway = new FakeGateway(clock);
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const dispatcher = new Dispatcher({ gateway, clock, logger });
    gateway.failChat(-100n, { kind: 'migrated', newChatId: -200n });
    dispatcher.start();
    const results = [
      ...Array.from({ length: 6 }, (_, i) => dispatcher.send(text(-200, `new ${i}`), 'bulk')),
      ...Array.from({ length: 6 }, (_, i) => dispatcher.send(text(-100, `old ${i}`), 'bulk')),
    ];
    await clock.runUntilIdle();
    const settled = await Promise.all(results);
    expect(settled.every((r) => r.status === 'sent' && r.chatId === -200n)).toBe(true);
    const at = gateway.timesFor(-200n);
    expect(at).toHaveLength(12);
    expect(logger.error).not.toHaveBeenCalled();
    expect(maxInWindow(at, 1000)).toBeLessThanOrEqual(3);
    expect(maxInWindow(at, 60_000)).toBeLessThanOrEqual(20);
  });

  it('groups a backlog three sends per wake-up, but never makes one or two messages wait for a group', async () => {
    const clock = new LateClock(() => 0);
    const gateway = new FakeGateway(clock);
    const dispatcher = dispatcherOn(clock, gateway);
    dispatcher.start();
    const start = clock.now().getTime();
    const two = [dispatcher.send(text(1)), dispatcher.send(text(2))];
    await clock.runUntilIdle();
    await Promise.all(two);
    const pair = [...gateway.timesFor(1n), ...gateway.timesFor(2n)].map((t) => t - start);
    expect(pair).toEqual([0, 34]);

    await clock.advance(5_000);
    const from = clock.now().getTime();
    const many = Array.from({ length: 30 }, (_, i) => dispatcher.send(text(100 + i), 'bulk'));
    await clock.runUntilIdle();
    await Promise.all(many);
    const at = Array.from({ length: 30 }, (_, i) => (gateway.timesFor(BigInt(100 + i))[0] ?? Infinity) - from);
    // After the quiet spell the catch-up lets five go at once; then three at a time.
    expect(at.slice(0, 11)).toEqual([0, 0, 0, 0, 0, 100, 100, 100, 200, 200, 200]);
    expect(at[29]).toBeLessThanOrEqual(1000);
    expect(maxInWindow(at, 1000)).toBeLessThanOrEqual(30);
  });

  it('works with a clock that only sleeps (no setTimer)', async () => {
    const fake = new FakeClock();
    const clock: Clock = { now: () => fake.now(), sleep: (ms, signal) => fake.sleep(ms, signal) };
    const gateway = new FakeGateway(fake);
    const dispatcher = dispatcherOn(clock, gateway);
    const start = fake.now().getTime();
    dispatcher.start();
    const results = Array.from({ length: 6 }, (_, i) => dispatcher.send(text(1, `m${i}`)));
    const other = dispatcher.send(text(2), 'bulk');
    await fake.runUntilIdle();
    await Promise.all([...results, other]);
    const at = gateway.timesFor(1n).map((t) => t - start);
    expect(at.slice(0, 3)).toEqual([0, 100, 100]); // the burst: one at once, then a group, paced globally
    expect(maxInWindow(at, 1000)).toBe(3);
    expect(fake.pendingSleepers).toBe(0);
  });
});

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
