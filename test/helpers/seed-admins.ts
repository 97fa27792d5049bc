import Database from 'better-sqlite3';
import type { SentCall } from './fake-telegram/types.ts';

export interface SeededAdmin {
  readonly telegramId: number;
  readonly opdCode: string;
}

export interface SeedOptions {
  readonly opds: number;
  readonly adminsPerOpd: number;
  /** Telegram id of the first admin; the others count up from it. */
  readonly firstTelegramId: number;
  /** The last `kecamatan` OPDs get type 'kecamatan' (an audience a directive can name); default 0. */
  readonly kecamatan?: number;
}

/**
 * OPDs and their admins written straight into a migrated SQLite file (one transaction), for
 * load tests where going through /undang for hundreds of admins would test nothing new.
 * OPD codes are OPD001…; the kecamatan ones KEC01….
 */
export function seedAdmins(file: string, options: SeedOptions): SeededAdmin[] {
  const db = new Database(file);
  try {
    const now = new Date().toISOString();
    const opd = db.prepare('INSERT INTO Opd (code, name, type, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)');
    const user = db.prepare("INSERT INTO User (telegramId, username, firstName, role, opdId, createdAt, updatedAt) VALUES (?, ?, ?, 'admin', ?, ?, ?)");
    const admins: SeededAdmin[] = [];
    const kecamatan = options.kecamatan ?? 0;
    db.transaction(() => {
      for (let o = 0; o < options.opds; o++) {
        const isKecamatan = o >= options.opds - kecamatan;
        const code = isKecamatan ? `KEC${String(o - (options.opds - kecamatan) + 1).padStart(2, '0')}` : `OPD${String(o + 1).padStart(3, '0')}`;
        const opdId = Number(opd.run(code, `${isKecamatan ? 'Kecamatan' : 'Dinas'} ${code}`, isKecamatan ? 'kecamatan' : 'dinas', now, now).lastInsertRowid);
        for (let a = 0; a < options.adminsPerOpd; a++) {
          const telegramId = options.firstTelegramId + admins.length;
          user.run(telegramId, `admin${telegramId}`, `Admin ${code}-${a + 1}`, opdId, now, now);
          admins.push({ telegramId, opdCode: code });
        }
      }
    })();
    return admins;
  } finally {
    db.close();
  }
}

/** Rows of a read-only query on the bot's SQLite file. */
export function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** callback_data of the first inline button whose text includes `label`. */
export function buttonData(call: SentCall, label: string): string {
  const markup = call.replyMarkup;
  const buttons = markup && 'inline_keyboard' in markup ? markup.inline_keyboard.flat() : [];
  const button = buttons.find((b) => b.text.includes(label));
  if (!button || !('callback_data' in button)) throw new Error(`no button "${label}" under message ${call.messageId ?? '?'}: ${JSON.stringify(markup)}`);
  return button.callback_data;
}

/** Successful sendMessage calls per chat whose text includes `marker`. */
export function copiesPerChat(calls: readonly SentCall[], marker: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const call of calls) {
    if (call.method !== 'sendMessage' || call.chatId === undefined || !(call.text ?? '').includes(marker)) continue;
    counts.set(call.chatId, (counts.get(call.chatId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Resolves once `count` successful calls (past or future) satisfy `predicate`; each call is looked
 * at once. On timeout it says how many were seen.
 */
export async function waitForCount(
  tg: { waitFor(predicate: (call: SentCall) => boolean, options: { timeoutMs?: number }): Promise<SentCall> },
  predicate: (call: SentCall) => boolean,
  count: number,
  timeoutMs: number,
): Promise<void> {
  let seen = 0;
  try {
    await tg.waitFor((call) => predicate(call) && ++seen >= count, { timeoutMs });
  } catch (error) {
    throw new Error(`only ${seen} of ${count} expected calls within ${timeoutMs} ms`, { cause: error });
  }
}
