import type { Clock } from '../../src/app/ports/clock.port.ts';
import { isFileUpload } from '../../src/domain/media.ts';
import type {
  GatewayError,
  GatewayOutcome,
  OutgoingMessage,
  TelegramGateway,
} from '../../src/infra/outbox/gateway.port.ts';

export interface GatewayCall {
  readonly message: OutgoingMessage;
  /** Clock time (ms) at which the dispatcher made the call. */
  readonly at: number;
  readonly outcome: GatewayOutcome;
}

type Matcher = (message: OutgoingMessage) => boolean;

/**
 * An in-memory TelegramGateway on a (fake) clock: records every call with its time, answers
 * success by default (message ids counting up per chat; an upload gets a file_id `uploaded-<n>`),
 * and answers scripted errors for matching messages first. Optional latency is slept on the
 * same clock.
 */
export class FakeGateway implements TelegramGateway {
  readonly calls: GatewayCall[] = [];
  maxInFlight = 0;
  private inFlight = 0;
  private readonly scripts: { match: Matcher; errors: (GatewayError | Error)[] }[] = [];
  private readonly nextMessageId = new Map<string, number>();
  private uploads = 0;

  constructor(
    private readonly clock: Clock,
    private readonly latencyMs = 0,
  ) {}

  /** The next matching calls answer these errors (an Error is thrown instead), in order. */
  script(match: Matcher, ...errors: (GatewayError | Error)[]): void {
    this.scripts.push({ match, errors });
  }

  /** Shorthand: the next calls to `chatId` answer these errors. */
  failChat(chatId: bigint, ...errors: (GatewayError | Error)[]): void {
    this.script((m) => m.kind !== 'callbackAnswer' && m.chatId === chatId, ...errors);
  }

  async deliver(message: OutgoingMessage): Promise<GatewayOutcome> {
    const at = this.clock.now().getTime();
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.latencyMs > 0) await this.clock.sleep(this.latencyMs);
      const scripted = this.scripts.find((s) => s.errors.length > 0 && s.match(message))?.errors.shift();
      if (scripted instanceof Error) {
        this.calls.push({ message, at, outcome: { ok: false, error: { kind: 'transient', description: 'thrown' } } });
        throw scripted;
      }
      const outcome: GatewayOutcome = scripted ? { ok: false, error: scripted } : this.success(message);
      this.calls.push({ message, at, outcome });
      return outcome;
    } finally {
      this.inFlight--;
    }
  }

  /** Times of calls to one chat (or all chat messages when omitted). */
  timesFor(chatId?: bigint): number[] {
    return this.calls
      .filter((c) => c.message.kind !== 'callbackAnswer' && (chatId === undefined || c.message.chatId === chatId))
      .map((c) => c.at);
  }

  private success(message: OutgoingMessage): GatewayOutcome {
    if (message.kind === 'callbackAnswer') return { ok: true };
    if (message.kind === 'editText' || message.kind === 'editCaption' || message.kind === 'pin') return { ok: true, messageId: message.messageId };
    const key = String(message.chatId);
    const id = (this.nextMessageId.get(key) ?? 0) + 1;
    this.nextMessageId.set(key, id);
    if (message.kind === 'media' && isFileUpload(message.media)) return { ok: true, messageId: id, fileId: `uploaded-${++this.uploads}` };
    return { ok: true, messageId: id };
  }
}

/** Most events in any half-open window [t, t + windowMs). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    const from = sorted[start] ?? 0;
    while (end < sorted.length && (sorted[end] ?? 0) < from + windowMs) end++;
    best = Math.max(best, end - start);
  }
  return best;
}

export function text(chatId: bigint | number, body = 'hi'): OutgoingMessage {
  return { kind: 'text', chatId: BigInt(chatId), text: body };
}
