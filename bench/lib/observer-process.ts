/**
 * Child process: the fake Telegram Bot API server plus a watcher of the bot's database file.
 * Started by spawnObserver() (observer-api.ts); answers the ObserverApi over IPC.
 */
import Database from 'better-sqlite3';
import { FakeTelegramServer } from '../../test/helpers/fake-telegram/server.ts';
import type { ObserverApi, ObserverResults, ProcessUsage, Push, SeenReport, WaitResult } from './observer-api.ts';
import { serveRpc } from './rpc.ts';

let tg: FakeTelegramServer | undefined;
let watcher: { db: Database.Database; timer: NodeJS.Timeout; lastId: number; polls: number } | undefined;
const reports: SeenReport[] = [];

function server(): FakeTelegramServer {
  if (!tg) throw new Error('observer: start first');
  return tg;
}

function usage(): ProcessUsage {
  const cpu = process.cpuUsage();
  return { cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

function pollReports(): void {
  if (!watcher) return;
  watcher.polls++;
  let rows: { id: number; canonicalUrl: string }[];
  try {
    rows = watcher.db.prepare('SELECT id, canonicalUrl FROM Report WHERE id > ? ORDER BY id').all(watcher.lastId) as { id: number; canonicalUrl: string }[];
  } catch {
    return; // SQLITE_BUSY during a checkpoint: try again at the next tick
  }
  const seenAt = Date.now();
  for (const row of rows) {
    reports.push({ canonicalUrl: row.canonicalUrl, seenAt });
    watcher.lastId = Math.max(watcher.lastId, row.id);
  }
}

function stopWatching(): void {
  if (!watcher) return;
  clearInterval(watcher.timer);
  watcher.db.close();
  watcher = undefined;
}

async function shutdown(): Promise<void> {
  stopWatching();
  await tg?.stop();
  tg = undefined;
}

const handlers: ObserverApi = {
  async start({ token, limits, botUsername }) {
    tg = await FakeTelegramServer.start({ token, limits, ...(botUsername ? { botUsername } : {}) });
    return { apiRoot: tg.apiRoot };
  },

  push({ messages }) {
    const t = server();
    const pushes: Push[] = [];
    for (const message of messages) {
      const updateId = t.sendText({ from: message.from, text: message.text });
      pushes.push({ updateId, at: Date.now() });
    }
    return { pushes };
  },

  click({ from, chatId, messageId, data }) {
    const updateId = server().clickButton({ from, chatId, messageId, data });
    return { updateId, at: Date.now() };
  },

  async waitForMessage({ chatId, contains, timeoutMs }) {
    const call = await server().waitForMessage(chatId, contains, { timeoutMs });
    const markup = call.replyMarkup;
    const buttons = markup && 'inline_keyboard' in markup ? markup.inline_keyboard.flat() : [];
    return {
      messageId: call.messageId ?? 0,
      at: call.at,
      text: call.plainText ?? call.text ?? '',
      buttons: buttons.flatMap((b) => ('callback_data' in b ? [{ text: b.text, data: b.callback_data }] : [])),
    };
  },

  watchReports({ databaseFile, intervalMs }) {
    stopWatching();
    const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 50');
    watcher = { db, timer: setInterval(pollReports, intervalMs), lastId: 0, polls: 0 };
  },

  waitFor({ sendMessageOk, reports: wanted, orSendMessageOk, timeoutMs }) {
    const t = server();
    const deadline = Date.now() + timeoutMs;
    return new Promise<WaitResult>((resolve) => {
      const check = (): void => {
        const sent = t.stats.sendMessage;
        const reached = sent >= sendMessageOk && reports.length >= wanted;
        const answeredAll = orSendMessageOk !== undefined && sent >= orSendMessageOk;
        if (reached || answeredAll || Date.now() >= deadline) {
          clearInterval(timer);
          resolve({ reached, sendMessageOk: sent, reports: reports.length });
        }
      };
      const timer = setInterval(check, 10);
      check();
    });
  },

  results({ sinceSent }): ObserverResults {
    const t = server();
    const stats = t.stats;
    const sendFailures: Record<string, number> = {};
    for (const request of t.requests) {
      if (request.method !== 'sendMessage' || request.status === 200) continue;
      sendFailures[String(request.status)] = (sendFailures[String(request.status)] ?? 0) + 1;
    }
    const okSends = t.requests.filter((r) => r.method === 'sendMessage' && r.status === 200);
    const rateLimitedDetail = t.requests
      .filter((r) => r.method === 'sendMessage' && r.status === 429)
      .slice(0, 10)
      .map((r) => ({
        chatId: r.chatId ?? 0,
        at: r.at,
        msSinceSendsToChat: okSends
          .filter((q) => q.chatId === r.chatId && q.at <= r.at)
          .slice(-4)
          .map((q) => r.at - q.at),
        sendsInPrecedingSecond: okSends.filter((q) => q.at > r.at - 1000 && q.at <= r.at).length,
      }));
    const sent = t.sent
      .slice(sinceSent)
      .filter((c) => c.method === 'sendMessage')
      .map((c) => {
        const text = c.plainText ?? c.text ?? '';
        return { chatId: c.chatId ?? 0, at: c.at, marker: String.fromCodePoint(text.codePointAt(0) ?? 32), text };
      });
    return {
      sendMessageOk: stats.sendMessage,
      rateLimited: stats.rateLimited,
      perMethod: stats.perMethod,
      sentCalls: t.sent.length,
      sent,
      sendFailures,
      rateLimitedDetail,
      reports,
      watchPolls: watcher?.polls ?? 0,
      usage: usage(),
    };
  },

  usage() {
    return usage();
  },

  async stop() {
    await shutdown();
    return usage();
  },
};

serveRpc(handlers, shutdown);
