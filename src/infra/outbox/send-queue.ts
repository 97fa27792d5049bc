import type { OutgoingMessage } from './gateway.port.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { chatIdOf, lanesByPriority, type DeliveryResult, type Lane } from './types.ts';

/** One message on its way: stays at the head of its chat's queue until it is finally done. */
export interface Job {
  /** Enqueue order; the oldest ready head goes first within a lane. */
  readonly seq: number;
  readonly lane: Lane;
  /** Rewritten when the chat migrates to a supergroup. */
  message: OutgoingMessage;
  /** Gateway calls that counted (everything except 429s). */
  attempts: number;
  migrations: number;
  /** Backoff: not before this instant (ms). */
  notBefore: number;
  inFlight: boolean;
  /** Resolved already: guards against settling (and counting) a job twice. */
  done: boolean;
  readonly settle: (result: DeliveryResult) => void;
}

export type Pick = { readonly job: Job } | { readonly job?: undefined; readonly wakeAt?: number };

/**
 * The waiting messages: callback answers in one FIFO (they go first and skip the rate limits),
 * chat messages in one FIFO per lane and chat. Only a chat queue's head may be sent, and only
 * when not already in flight, which keeps each chat's messages in order within a lane; a chat
 * that must wait never holds up another chat (no head-of-line blocking).
 */
export class SendQueue {
  private readonly callbacks: Job[] = [];
  private readonly byLane = new Map<Lane, Map<bigint, Job[]>>(
    lanesByPriority.map((lane) => [lane, new Map<bigint, Job[]>()]),
  );
  /** The queue a job was filed under; its message's chat id may change later (migration). */
  private readonly queueKey = new WeakMap<Job, bigint>();

  push(job: Job): void {
    const chatId = chatIdOf(job.message);
    if (chatId === undefined) {
      this.callbacks.push(job);
      return;
    }
    this.queueKey.set(job, chatId);
    const chats = this.laneMap(job.lane);
    const queue = chats.get(chatId);
    if (queue) queue.push(job);
    else chats.set(chatId, [job]);
  }

  /** Removes a finished job (it is the head of its queue, or a callback answer). */
  remove(job: Job): void {
    const index = this.callbacks.indexOf(job);
    if (index >= 0) {
      this.callbacks.splice(index, 1);
      return;
    }
    const key = this.queueKey.get(job);
    if (key === undefined) return;
    const chats = this.laneMap(job.lane);
    const queue = chats.get(key);
    const at = queue ? queue.indexOf(job) : -1;
    if (!queue || at < 0) return;
    queue.splice(at, 1);
    if (queue.length === 0) chats.delete(key);
  }

  /**
   * Points every waiting message for `from` at `to`. The jobs stay in their queues (keyed by the
   * old id), so their order is kept; the rate limiter sees the new id from the message itself.
   */
  rewriteChat(from: bigint, to: bigint): void {
    for (const chats of this.byLane.values()) {
      for (const queue of chats.values()) {
        for (const job of queue) {
          if (job.message.kind !== 'callbackAnswer' && job.message.chatId === from) {
            job.message = { ...job.message, chatId: to };
          }
        }
      }
    }
  }

  /**
   * The job to send now: a callback answer if any, else the highest-priority lane's oldest head
   * whose chat is ready, provided the global bucket is. Otherwise the instant worth waking up at
   * (undefined: nothing can become ready by itself; wait for a new message or a finished send).
   */
  next(now: number, limiter: RateLimiter): Pick {
    let wakeAt: number | undefined;
    const consider = (at: number): void => {
      wakeAt = wakeAt === undefined ? at : Math.min(wakeAt, at);
    };

    for (const job of this.callbacks) {
      if (job.inFlight) continue;
      if (job.notBefore <= now) return { job };
      consider(job.notBefore);
    }

    const globalAt = limiter.globalReadyAt(now);
    for (const lane of lanesByPriority) {
      let best: Job | undefined;
      for (const [queueChat, queue] of this.laneMap(lane)) {
        const head = queue[0];
        if (!head || head.inFlight) continue;
        const at = Math.max(head.notBefore, limiter.chatReadyAt(chatIdOf(head.message) ?? queueChat, now));
        if (at > now) consider(at);
        else if (!best || head.seq < best.seq) best = head;
      }
      if (best) {
        if (globalAt <= now) return { job: best };
        consider(globalAt);
        break; // lower lanes would need the same global token
      }
    }
    return wakeAt === undefined ? {} : { wakeAt };
  }

  private laneMap(lane: Lane): Map<bigint, Job[]> {
    const chats = this.byLane.get(lane);
    if (!chats) throw new Error(`Unknown lane ${lane}`);
    return chats;
  }
}
