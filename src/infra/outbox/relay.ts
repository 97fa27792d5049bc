import type { Clock } from '../../app/ports/clock.port.ts';
import type { Logger } from '../../app/ports/logger.port.ts';
import type { Repositories, StoredOutboxMessage, UnitOfWork } from '../../app/ports/repositories.port.ts';
import { isFileUpload } from '../../domain/media.ts';
import { neverAttempted, type Dispatcher } from './dispatcher.ts';
import type { GatewayError, OutgoingMessage } from './gateway.port.ts';
import { Notifier } from './notifier.ts';
import type { DeliveryResult } from './types.ts';

export type UndeliverableKind = 'blocked' | 'chat_not_found';

export interface OutboxRelayDeps {
  readonly uow: UnitOfWork;
  readonly dispatcher: Pick<Dispatcher, 'send'>;
  readonly clock: Clock;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /**
   * A row's chat refused it for good (403 blocked / 400 chat not found). Called before the row is
   * marked failed; the relay takes another pass afterwards, since the hook may enqueue rows
   * (runtime: records the failure and tells superadmins).
   */
  readonly onUndeliverable?: (chatId: bigint, kind: UndeliverableKind, description: string, outboxId: number) => Promise<void>;
  /**
   * Rows handed to the dispatcher and not yet settled, at most (also the most read per query).
   * Enough for the dispatcher to choose among many chats and reach its rate; stop() waits for
   * these. Default 200.
   */
  readonly batchSize?: number;
  /** Pause before reading again after a failed database read. Default 5 s. */
  readonly retryDelayMs?: number;
}

/** Attempts to write a row's status before giving up on it for this process's lifetime. */
const STATUS_WRITE_ATTEMPTS = 3;

/**
 * Delivers the persistent outbox (`OutboxMessage` rows written by use cases before anything is
 * sent): reads pending rows oldest first, hands them to the dispatcher (many at once, so it can
 * reach Telegram's rate), and writes each row's result — `sent` with the message id, or `failed`
 * with the error — as it arrives. A row marked sent is never read again. A row with media goes
 * out as that photo, video or document with its text as caption; a row with `pin` is then pinned
 * (after it is marked sent: a crash in between leaves it sent and unpinned, never sent twice).
 *
 * A row with an attachment (a file the bot made) is uploaded by the first such row; the file_id
 * Telegram answers is written with that row's status, and rows sharing the attachment wait for
 * it (unread, like rows not yet read) and then go by file_id: one upload for any number of
 * chats. A row waiting so holds back the later rows to its chat, so a chat's rows keep their
 * order. A failed upload (a blocked chat…) leaves the next row to upload.
 *
 * What a crash can duplicate: a row is marked only after Telegram answered, so every row handed
 * to the dispatcher and not yet marked when the process died (at most `batchSize`) is still
 * pending and goes out again on the next start. Most of them never left the dispatcher's queue
 * and arrive once. Only a row whose request had reached Telegram can arrive twice: a request in
 * flight (at most the dispatcher's maxInFlight, one HTTP call per send) or one answered whose
 * status write had not committed yet (normally a few milliseconds' worth). The same holds for a
 * row whose status write failed three times over (held in memory, so this process never resends
 * it; a restart does). Nothing is lost: a row leaves `pending` only after Telegram's answer.
 *
 * Idle, the loop waits for wake() (called after a use case commits rows) without polling.
 * Exactly one process may run a relay per database (rows are not claimed).
 */
export class OutboxRelay {
  private readonly uow: UnitOfWork;
  private readonly dispatcher: Pick<Dispatcher, 'send'>;
  private readonly clock: Clock;
  private readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  private readonly onUndeliverable: OutboxRelayDeps['onUndeliverable'];
  private readonly batchSize: number;
  private readonly retryDelayMs: number;
  private readonly signal = new Notifier();
  private readonly stopping = new AbortController();
  /** Rows this process must not read again: in flight, or settled but their status unwritten. */
  private readonly held = new Set<number>();
  /** Rows settled while a read was running: that read may still have seen them pending. */
  private readonly settledDuringRead = new Set<number>();
  private readonly settling = new Set<Promise<void>>();
  /** Attachment → the row uploading it now: other rows sharing it wait for its file_id. */
  private readonly uploading = new Map<number, number>();
  /**
   * file_ids of attachments this process uploaded, so a row read before the file_id was written
   * (or whose status write failed) still goes by file_id instead of uploading again.
   */
  private readonly uploadedFileIds = new Map<number, string>();
  private idleWaiters: (() => void)[] = [];
  private state: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle';
  private loop: Promise<void> | undefined;
  /** The table may hold rows not yet read: set by wake(), cleared by a read that saw them all. */
  private more = true;
  private reading = false;
  private resting = false;
  private inFlight = 0;
  private counts = { sent: 0, failed: 0 };

  constructor(deps: OutboxRelayDeps) {
    this.uow = deps.uow;
    this.dispatcher = deps.dispatcher;
    this.clock = deps.clock;
    this.logger = deps.logger;
    this.onUndeliverable = deps.onUndeliverable;
    this.batchSize = Math.max(1, Math.floor(deps.batchSize ?? 200));
    this.retryDelayMs = deps.retryDelayMs ?? 5000;
  }

  /** Starts delivering pending rows (those left by an earlier run included). */
  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'running';
    this.more = true;
    this.loop = this.run();
  }

  /** New rows were committed: read the table again (now if idle, after the current read if not). */
  wake(): void {
    this.more = true;
    this.resting = false;
    this.signal.notify();
  }

  /** Stops reading rows, waits until those handed to the dispatcher have their status written. */
  async stop(): Promise<void> {
    if (this.state === 'idle') this.state = 'stopped';
    if (this.state === 'running') {
      this.state = 'stopping';
      this.stopping.abort();
      this.signal.notify();
    }
    await this.loop;
    this.state = 'stopped';
    this.releaseIdleWaiters();
  }

  /** Resolves when nothing is in flight and every committed row woken for has been read. */
  whenIdle(): Promise<void> {
    if (this.resting || this.state === 'stopped') return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Rows handed to the dispatcher whose answer has not arrived yet. */
  get inFlightCount(): number {
    return this.inFlight;
  }

  private async run(): Promise<void> {
    while (this.state === 'running') {
      if (this.more && this.hasRoom()) {
        await this.pass();
        continue;
      }
      if (!this.more && this.inFlight === 0) this.rest();
      await this.signal.wait();
      this.resting = false;
    }
    while (this.settling.size > 0) await Promise.all([...this.settling]);
  }

  /** Room for a new read: half the batch is free, or nothing is in flight at all. */
  private hasRoom(): boolean {
    const free = this.batchSize - this.inFlight;
    return this.inFlight === 0 || free >= Math.ceil(this.batchSize / 2);
  }

  /** Reads the oldest pending rows this process does not hold yet and hands them over. */
  private async pass(): Promise<void> {
    const room = this.batchSize - this.inFlight;
    const limit = this.held.size + room;
    this.more = false; // a wake() from now on asks for another pass
    this.reading = true;
    this.settledDuringRead.clear();
    let rows: StoredOutboxMessage[];
    try {
      rows = await this.uow.run((repos) => repos.outbox.pending(limit));
    } catch (error) {
      this.logger.error({ event: 'outbox.read_failed', err: error }, 'could not read the outbox; retrying later');
      this.more = true;
      await this.clock.sleep(this.retryDelayMs, this.stopping.signal).catch(() => undefined);
      return;
    } finally {
      this.reading = false;
    }
    if (this.state !== 'running') return; // stopping: what was read stays pending for the next start
    /** Chats with a row waiting for an upload: their later rows wait too. */
    const waiting = new Set<bigint>();
    for (const row of rows) {
      if (this.inFlight >= this.batchSize) break;
      if (this.held.has(row.id) || this.settledDuringRead.has(row.id)) continue;
      if (waiting.has(row.chatId) || this.awaitsUpload(row)) {
        waiting.add(row.chatId);
        continue;
      }
      this.deliver(row);
    }
    // A full page: there may be more behind it. Unless rows wait for an upload: read again then
    // (the upload's end asks for it), not at once, which would only read the same rows again.
    if (rows.length === limit && waiting.size === 0) this.more = true;
  }

  /** True when another row is uploading the row's attachment; else the row may go (and uploads it if need be). */
  private awaitsUpload(row: StoredOutboxMessage): boolean {
    const attachment = row.attachment;
    if (!attachment || !isFileUpload(attachment.media) || this.uploadedFileIds.has(attachment.id)) return false;
    if (this.uploading.has(attachment.id)) return true;
    this.uploading.set(attachment.id, row.id);
    return false;
  }

  private isUploader(row: StoredOutboxMessage): boolean {
    return row.attachment !== undefined && this.uploading.get(row.attachment.id) === row.id;
  }

  /** The row's upload is over: rows waiting for it are read again (by file_id when it worked). */
  private uploadEnded(row: StoredOutboxMessage, fileId: string | undefined): void {
    const attachment = row.attachment;
    if (!attachment || !this.isUploader(row)) return;
    if (fileId !== undefined) this.uploadedFileIds.set(attachment.id, fileId);
    this.uploading.delete(attachment.id);
    this.more = true;
    this.signal.notify();
  }

  private deliver(row: StoredOutboxMessage): void {
    this.held.add(row.id);
    this.inFlight++;
    const message = messageOf(row, this.uploadedFileIds);
    const sent: Promise<DeliveryResult> = message ? this.dispatcher.send(message, row.lane) : Promise.resolve(missingAttachment(row));
    const settled: Promise<void> = sent
      .then((result) => this.settle(row, result))
      .catch((error: unknown) => this.logger.error({ event: 'outbox.settle_failed', id: row.id, err: error }, 'outbox row not settled'))
      .finally(() => {
        this.uploadEnded(row, undefined); // in case settle() failed before it ended the upload
        this.inFlight--;
        this.settling.delete(settled);
        this.signal.notify();
      });
    this.settling.add(settled);
  }

  private async settle(row: StoredOutboxMessage, result: DeliveryResult): Promise<void> {
    const upload = row.attachment && isFileUpload(row.attachment.media) && this.isUploader(row) ? row.attachment.media : undefined;
    const uploadedAs = result.status === 'sent' && upload ? result.fileId : undefined;
    this.uploadEnded(row, uploadedAs);
    if (result.status === 'sent') {
      // The dispatcher followed a group's migration: pending rows (this one included) follow it too.
      const movedTo = result.chatId !== undefined && result.chatId !== row.chatId ? result.chatId : undefined;
      const attachmentId = row.attachment?.id;
      const written = await this.write(row, async (repos, at) => {
        if (movedTo !== undefined) await repos.outbox.retarget(row.chatId, movedTo);
        // With the row's status, so a restart never finds the row sent and its upload forgotten.
        if (uploadedAs !== undefined && attachmentId !== undefined) await repos.outbox.attachmentUploaded(attachmentId, uploadedAs);
        await repos.outbox.markSent(row.id, result.messageId ?? null, at);
      });
      if (uploadedAs !== undefined && upload) {
        this.logger.info({ event: 'outbox.uploaded', id: row.id, attachmentId, fileName: upload.fileName, size: upload.bytes.byteLength });
      }
      if (written) this.counts.sent++;
      if (row.pin) await this.pin(row, movedTo ?? row.chatId, result.messageId);
      return;
    }
    const { error } = result;
    if (neverAttempted(error)) {
      // The dispatcher stopped first. Held (not read again by this process), pending for the next start.
      this.logger.warn({ event: 'outbox.not_sent', id: row.id }, 'dispatcher stopped before an outbox row; left pending');
      return;
    }
    if (error.kind === 'blocked' || error.kind === 'chat_not_found') {
      // Reported before the row is marked: a crash in between resends and reports again, never neither.
      await this.report(row.chatId, error.kind, error.description, row.id);
    }
    const written = await this.write(row, (repos, at) => repos.outbox.markFailed(row.id, describe(error), at));
    if (written) this.counts.failed++;
    this.logger.warn({ event: 'outbox.failed', id: row.id, kind: row.kind, chatId: String(row.chatId), error: describe(error) }, 'outbox row failed for good');
  }

  /**
   * Pins a sent row's message (after its status is written, so the row is never sent twice for
   * a pin's sake). Telegram notifies the members, muted or not: that is what a pinned segera
   * directive is for. A refused pin (no admin rights, …) is logged; the row stays sent.
   */
  private async pin(row: StoredOutboxMessage, chatId: bigint, messageId: number | undefined): Promise<void> {
    if (messageId === undefined) {
      this.logger.warn({ event: 'outbox.pin_failed', id: row.id, chatId: String(chatId), error: 'no message id' }, 'outbox row sent but not pinned');
      return;
    }
    const result = await this.dispatcher.send({ kind: 'pin', chatId, messageId }, row.lane);
    if (result.status === 'sent') {
      this.logger.info({ event: 'outbox.pinned', id: row.id, chatId: String(result.chatId ?? chatId), messageId });
      return;
    }
    this.logger.warn({ event: 'outbox.pin_failed', id: row.id, chatId: String(chatId), messageId, error: describe(result.error) }, 'outbox row sent but not pinned');
  }

  /** Writes a row's status; true once written (and the row released). */
  private async write(row: StoredOutboxMessage, work: (repos: Repositories, at: Date) => Promise<void>): Promise<boolean> {
    for (let attempt = 1; attempt <= STATUS_WRITE_ATTEMPTS; attempt++) {
      try {
        await this.uow.run((repos) => work(repos, this.clock.now()));
        this.held.delete(row.id);
        if (this.reading) this.settledDuringRead.add(row.id);
        return true;
      } catch (error) {
        this.logger.error({ event: 'outbox.write_failed', id: row.id, attempt, err: error }, 'could not write an outbox row status');
      }
    }
    // Still held, so this process never sends it again; a restart will (a possible duplicate).
    return false;
  }

  private async report(chatId: bigint, kind: UndeliverableKind, description: string, outboxId: number): Promise<void> {
    if (!this.onUndeliverable) return;
    try {
      await this.onUndeliverable(chatId, kind, description, outboxId);
    } catch (error) {
      this.logger.error({ event: 'outbox.report_failed', chatId: String(chatId), err: error }, 'onUndeliverable failed');
    }
    this.wake();
  }

  /** Nothing in flight, nothing known unread: tell waiters, log what this round did. */
  private rest(): void {
    this.resting = true;
    if (this.counts.sent + this.counts.failed > 0) {
      this.logger.info({ event: 'outbox.drained', ...this.counts });
      this.counts = { sent: 0, failed: 0 };
    }
    this.releaseIdleWaiters();
  }

  private releaseIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/**
 * A row as the dispatcher sends it: text, or media (its attachment: by file_id once uploaded)
 * with the row's text as caption. Undefined when the row's attachment is gone.
 */
function messageOf(row: StoredOutboxMessage, uploaded: ReadonlyMap<number, string>): OutgoingMessage | undefined {
  const buttons = row.buttons ? { buttons: row.buttons } : {};
  if (row.attachmentId !== undefined) {
    if (!row.attachment) return undefined;
    const { id, media } = row.attachment;
    const fileId = uploaded.get(id);
    return { kind: 'media', chatId: row.chatId, media: fileId !== undefined ? { kind: media.kind, fileId } : media, caption: row.text, ...buttons };
  }
  if (row.editMessageId !== undefined) return { kind: 'editText', chatId: row.chatId, messageId: row.editMessageId, text: row.text, ...buttons };
  if (row.media) return { kind: 'media', chatId: row.chatId, media: row.media, caption: row.text, ...buttons };
  return { kind: 'text', chatId: row.chatId, text: row.text, ...buttons };
}

/** A row whose attachment is not in the database cannot be sent; it fails like a refused message. */
function missingAttachment(row: StoredOutboxMessage): DeliveryResult {
  return { status: 'failed', error: { kind: 'rejected', code: 404, description: `attachment ${row.attachmentId ?? '?'} not found in the database` } };
}

function describe(error: GatewayError): string {
  switch (error.kind) {
    case 'rate_limited':
      return `rate_limited: retry after ${error.retryAfterSeconds} s`;
    case 'migrated':
      return `migrated to ${error.newChatId}`;
    case 'rejected':
      return `rejected (${error.code}): ${error.description}`;
    default:
      return `${error.kind}: ${error.description}`;
  }
}
