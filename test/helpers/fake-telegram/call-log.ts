import type { SentCall, WaitOptions } from './types.ts';

interface Waiter {
  readonly predicate: (call: SentCall) => boolean;
  readonly since: number;
  readonly resolve: (call: SentCall) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The outgoing calls the bot made successfully, and waiters for ones still to come. On timeout
 * a waiter fails with the list of what WAS sent, which is what one needs to see in a failing
 * e2e test.
 */
export class CallLog {
  readonly calls: SentCall[] = [];
  private readonly waiters = new Set<Waiter>();

  record(call: SentCall): void {
    this.calls.push(call);
    for (const waiter of this.waiters) {
      if (this.calls.length - 1 >= waiter.since && waiter.predicate(call)) {
        this.waiters.delete(waiter);
        waiter.resolve(call);
      }
    }
  }

  waitFor(predicate: (call: SentCall) => boolean, options: WaitOptions & { what?: string } = {}): Promise<SentCall> {
    const since = options.since ?? 0;
    const past = this.calls.slice(since).find(predicate);
    if (past) return Promise.resolve(past);
    const timeoutMs = options.timeoutMs ?? 3000;
    let waiter: Waiter | undefined;
    const promise = new Promise<SentCall>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (waiter) this.waiters.delete(waiter);
        reject(new Error(`FakeTelegram: no ${options.what ?? 'matching call'} within ${timeoutMs} ms.\n${this.describe(since)}`));
      }, timeoutMs);
      waiter = {
        predicate,
        since,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
        reject: (error) => {
          clearTimeout(timer);
          // A wait abandoned by a test that already failed must not add an unhandled
          // rejection at teardown; one that is awaited still gets the error.
          promise.catch(() => undefined);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
    return promise;
  }

  /** Fails every waiter at once (the server is going away) instead of leaving it to time out. */
  close(): void {
    for (const waiter of this.waiters) waiter.reject(new Error(`FakeTelegram stopped while waiting.\n${this.describe()}`));
    this.waiters.clear();
  }

  describe(since = 0): string {
    const shown = this.calls.slice(since);
    if (shown.length === 0) return since > 0 ? `Nothing was sent after call #${since}.` : 'Nothing was sent.';
    const lines = shown.slice(-40).map((c, i) => `  #${since + Math.max(0, shown.length - 40) + i} ${summary(c)}`);
    const skipped = shown.length > 40 ? `  … ${shown.length - 40} earlier calls not shown\n` : '';
    return `What was sent${since > 0 ? ` after call #${since}` : ''}:\n${skipped}${lines.join('\n')}`;
  }
}

function summary(call: SentCall): string {
  const parts = [call.method];
  if (call.chatId !== undefined) parts.push(`chat=${call.chatId}`);
  if (call.messageId !== undefined) parts.push(`message=${call.messageId}`);
  if (call.callbackQueryId !== undefined) parts.push(`query=${call.callbackQueryId}`);
  if (call.upload !== undefined) parts.push(`upload=${JSON.stringify(call.upload.fileName)} (${call.upload.bytes.byteLength} bytes)`);
  else if (call.media !== undefined) parts.push(`${call.media.kind}=${call.media.fileId}`);
  if (call.text !== undefined) parts.push(JSON.stringify(call.text.length > 200 ? `${call.text.slice(0, 200)}…` : call.text));
  if (call.replyMarkup !== undefined) parts.push(`markup=${JSON.stringify(call.replyMarkup)}`);
  return parts.join(' ');
}
