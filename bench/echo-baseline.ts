/**
 * The baseline: a bare telegraf 4.16 echo bot (long polling, `ctx.reply(text)` for every text
 * message) taking the same burst from the same fake server with the same limits. It has no
 * database, no throttling and no retries, so it gets 429s and loses those replies: that is what
 * "bare" costs nothing for. Its CPU per update is the floor any telegraf bot pays per update.
 */
import { Telegraf, TelegramError } from 'telegraf';
import { message } from 'telegraf/filters';
import { cpuMsSince, idleCpuRate, maxRssMb, sampleRss, SETTLE_MS } from './lib/measure.ts';
import { spawnObserver, type Observer } from './lib/observer-api.ts';
import type { Workload } from './lib/workload.ts';

const ECHO_TOKEN = '987654321:AAHechoTOKENforTELEGRAFbaseline_secret';
/** Users of the paced-send reference; far from the admins' ids. */
const REFERENCE_FIRST_ID = 720_000_001;

export interface EchoBaselineOptions {
  readonly timeoutMs: number;
  /** Messages in the paced-send reference (one every 35 ms). */
  readonly pacedSends: number;
}

export interface EchoBaselineResult {
  readonly bot: 'telegraf-echo';
  readonly updates: number;
  readonly completed: boolean;
  /** Updates whose handler finished (replied or failed). */
  readonly handled: number;
  /** Handlers that failed, and how many of those with a 429. */
  readonly handlerErrors: number;
  readonly handlerRateLimited: number;
  /** First push → last handler finished, ms. */
  readonly lastHandledMs: number;
  readonly handledPerSecond: number;
  readonly replies: { readonly expected: number; readonly delivered: number; readonly lastMs: number };
  readonly delivery: { readonly seconds: number; readonly limitSeconds: number; readonly ratio: number };
  readonly rateLimited: { readonly serverAnswers: number };
  readonly sendFailures: Record<string, number>;
  readonly cpu: { readonly windowMs: number; readonly botMs: number; readonly perUpdateMs: number; readonly idleMsPerSecond: number; readonly fakeServerMs: number };
  readonly memory: { readonly rssBeforeBurstMb: number; readonly burstPeakRssMb: number; readonly processPeakRssMb: number; readonly fakeServerPeakRssMb: number };
  /**
   * A reference, not part of the baseline: the same bare telegraf client sending one message every
   * `intervalMs` (as any bot within Telegram's 30/s must), to show what a paced send costs here.
   */
  readonly pacedSend: { readonly sends: number; readonly intervalMs: number; readonly ok: number; readonly rateLimited: number; readonly cpuPerSendMs: number };
}

/** Sends `count` messages through a bare telegraf client, one every `intervalMs`, to distinct chats. */
async function pacedSends(telegram: Telegraf['telegram'], chats: readonly number[], count: number, intervalMs: number): Promise<EchoBaselineResult['pacedSend']> {
  const sends: Promise<boolean>[] = [];
  let rateLimited = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const chat = chats[i % chats.length] ?? 0;
    sends.push(
      telegram.sendMessage(chat, `Pesan ${i + 1}`).then(
        () => true,
        (error: unknown) => {
          if (error instanceof TelegramError && error.code === 429) rateLimited++;
          return false;
        },
      ),
    );
  }
  const ok = (await Promise.all(sends)).filter(Boolean).length;
  return { sends: count, intervalMs, ok, rateLimited, cpuPerSendMs: cpuMsSince(cpuBefore) / count };
}

export async function runEchoBaseline(workload: Workload, options: EchoBaselineOptions): Promise<EchoBaselineResult> {
  const n = workload.messages.length;
  const observer: Observer = spawnObserver();
  let bot: Telegraf | undefined;
  let launched: Promise<void> | undefined;
  try {
    const { apiRoot } = await observer.call('start', { token: ECHO_TOKEN, limits: { enforce: true }, botUsername: 'echo_test_bot' });

    let handled = 0;
    let handlerErrors = 0;
    let handlerRateLimited = 0;
    let lastHandledAt = 0;
    let allHandled: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allHandled = resolve));
    const finished = (): void => {
      handled++;
      lastHandledAt = Date.now();
      if (handled >= n) allHandled();
    };

    bot = new Telegraf(ECHO_TOKEN, { telegram: { apiRoot } });
    bot.use(async (_ctx, next) => {
      try {
        await next();
      } finally {
        finished();
      }
    });
    bot.on(message('text'), (ctx) => ctx.reply(ctx.message.text));
    // Without a catch handler telegraf rethrows the first failed reply and stops polling.
    bot.catch((error) => {
      handlerErrors++;
      if (error instanceof TelegramError && error.code === 429) handlerRateLimited++;
    });
    const started = bot;
    await new Promise<void>((resolve, reject) => {
      launched = started.launch({ allowedUpdates: ['message'] }, () => resolve());
      launched.catch(reject);
    });

    const before = await observer.call('results', { sinceSent: 0 });
    // Start-up leaves seconds of background work (JIT, GC of start-up garbage): let it settle first.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const idleMsPerSecond = await idleCpuRate(2_000);

    // ---- the measured window: from the push until every handler has finished ----
    const observerCpuBefore = (await observer.call('usage', null)).cpuMs;
    const rssBeforeBurstMb = process.memoryUsage.rss() / 1_048_576;
    const rss = sampleRss(100);
    const cpuBefore = process.cpuUsage();
    const windowStart = Date.now();
    const { pushes } = await observer.call('push', { messages: workload.messages.map((m) => ({ from: m.from, text: m.text })) });
    let timer: NodeJS.Timeout | undefined;
    const completed = await Promise.race([
      done.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), options.timeoutMs))),
    ]);
    clearTimeout(timer);
    const botCpuMs = cpuMsSince(cpuBefore);
    const windowMs = Date.now() - windowStart;
    const burstPeakRssMb = rss.stop();
    const observerCpuMs = (await observer.call('usage', null)).cpuMs - observerCpuBefore;
    // ---- end of the measured window ----

    const seen = await observer.call('results', { sinceSent: before.sentCalls });
    bot.stop('bench done');
    const client = bot.telegram;
    bot = undefined;
    await launched?.catch(() => undefined);

    // The paced reference goes to chats of its own (one message each, so only the global limit
    // applies); they write first, as Telegram only lets a bot message people who did.
    const referenceChats = Array.from({ length: options.pacedSends }, (_, i) => REFERENCE_FIRST_ID + i);
    await observer.call('push', { messages: referenceChats.map((id) => ({ from: { id, first_name: `Ref ${id}` }, text: 'halo' })) });
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the burst's 1-s window expires
    const pacedSend = await pacedSends(client, referenceChats, options.pacedSends, 35);
    const fakeServer = await observer.call('stop', null);

    const firstPush = Math.min(...pushes.map((p) => p.at));
    const lastReplyMs = seen.sent.length > 0 ? Math.max(...seen.sent.map((s) => s.at)) - firstPush : Number.NaN;
    const lastHandledMs = lastHandledAt - firstPush;
    const limitSeconds = n / 30;
    return {
      bot: 'telegraf-echo',
      updates: n,
      completed,
      handled,
      handlerErrors,
      handlerRateLimited,
      lastHandledMs,
      handledPerSecond: handled / (lastHandledMs / 1000),
      replies: { expected: n, delivered: seen.sent.length, lastMs: lastReplyMs },
      delivery: { seconds: lastReplyMs / 1000, limitSeconds, ratio: lastReplyMs / 1000 / limitSeconds },
      rateLimited: { serverAnswers: seen.rateLimited },
      sendFailures: seen.sendFailures,
      cpu: { windowMs, botMs: botCpuMs, perUpdateMs: botCpuMs / n, idleMsPerSecond, fakeServerMs: observerCpuMs },
      memory: { rssBeforeBurstMb, burstPeakRssMb, processPeakRssMb: maxRssMb(), fakeServerPeakRssMb: fakeServer.maxRssMb },
      pacedSend,
    };
  } finally {
    try {
      bot?.stop('bench failed');
    } catch {
      // not running
    }
    await launched?.catch(() => undefined);
    await observer.close();
  }
}
