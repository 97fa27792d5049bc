import type { OutgoingMessage } from './gateway.port.ts';
import { Heap } from './heap.ts';
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
  /** Taken by next() and not yet given back (requeue) or removed. */
  inFlight: boolean;
  /** Resolved already: guards against settling (and counting) a job twice. */
  done: boolean;
  readonly settle: (result: DeliveryResult) => void;
}

export type Pick = { readonly job: Job } | { readonly job?: undefined; readonly wakeAt?: number };

/** One lane's messages to one chat, oldest first; only the head may be sent. */
interface ChatQueue {
  /** The chat id the queue was filed under (its messages' id may change later: migration). */
  readonly key: bigint;
  readonly lane: LaneQueues;
  readonly jobs: JobFifo;
  /** While the head waits in a heap: when it may go, as last computed. Never later than the truth. */
  readyAt: number;
}

/**
 * A lane's chat queues. Each queue whose head is not in flight is in exactly one heap: `ready`
 * (its head could go when last looked at; oldest head first) or `waiting` (soonest first). So
 * choosing the next message looks at the tops only, not at every chat.
 */
interface LaneQueues {
  readonly chats: Map<bigint, ChatQueue>;
  readonly ready: Heap<ChatQueue>;
  readonly waiting: Heap<ChatQueue>;
}

/**
 * The waiting messages: callback answers in one FIFO (they go first and skip the rate limits),
 * chat messages in one FIFO per lane and chat. Only a chat queue's head may be sent, and only
 * when not already in flight, which keeps each chat's messages in order within a lane; a chat
 * that must wait never holds up another chat (no head-of-line blocking).
 *
 * A waiting head's ready time is remembered rather than asked of the limiter on every look. It
 * can only be too early, never too late: a chat's limits get later only by sending to it. When
 * another queue sends to the same chat (the chat has messages in two lanes, or two queues point
 * at one chat after a migration), a remembered time may be too early, so a head's time is checked
 * again before it is chosen. A migration re-files every queue, as its chats' limits change.
 */
export class SendQueue {
  private readonly callbacks: Job[] = [];
  private readonly lanes: readonly LaneQueues[];
  private readonly byLane: ReadonlyMap<Lane, LaneQueues>;
  /** The queue each chat message was filed in. */
  private readonly queueOf = new WeakMap<Job, ChatQueue>();

  constructor(private readonly limiter: RateLimiter) {
    this.lanes = lanesByPriority.map(() => ({
      chats: new Map<bigint, ChatQueue>(),
      ready: new Heap<ChatQueue>((a, b) => headSeq(a) < headSeq(b)),
      waiting: new Heap<ChatQueue>((a, b) => a.readyAt < b.readyAt || (a.readyAt === b.readyAt && headSeq(a) < headSeq(b))),
    }));
    this.byLane = new Map(lanesByPriority.map((lane, i) => [lane, this.lanes[i] as LaneQueues]));
  }

  /**
   * Queues a job. Returns the earliest instant it could be sent as far as the queue knows
   * (rate limits and backoff; Infinity when it waits behind another message to its chat).
   */
  push(job: Job, now: number): number {
    const chatId = chatIdOf(job.message);
    if (chatId === undefined) {
      this.callbacks.push(job);
      return job.notBefore;
    }
    const lane = this.laneOf(job.lane);
    let queue = lane.chats.get(chatId);
    if (!queue) {
      queue = { key: chatId, lane, jobs: new JobFifo(), readyAt: 0 };
      lane.chats.set(chatId, queue);
    }
    queue.jobs.push(job);
    this.queueOf.set(job, queue);
    if (queue.jobs.size > 1) return Infinity;
    return this.sendableAt(this.file(queue, now), now);
  }

  /**
   * Takes the job to send now: a callback answer if any, else the highest-priority lane's oldest
   * head whose chat is ready, provided the global limit is. Otherwise the instant worth waking up
   * at (undefined: nothing can become ready by itself; wait for a new message or a finished send).
   * A taken job is in flight until it is given back (requeue) or removed.
   */
  next(now: number): Pick {
    let wakeAt = Infinity;
    for (const job of this.callbacks) {
      if (job.inFlight) continue;
      if (job.notBefore <= now) {
        job.inFlight = true;
        return { job };
      }
      wakeAt = Math.min(wakeAt, job.notBefore);
    }

    const globalAt = this.limiter.globalReadyAt(now);
    for (const lane of this.lanes) {
      this.refresh(lane, now);
      wakeAt = Math.min(wakeAt, lane.waiting.peek()?.readyAt ?? Infinity);
      const best = lane.ready.peek();
      if (!best) continue;
      if (globalAt > now) {
        wakeAt = Math.min(wakeAt, globalAt);
        break; // lower lanes would need the same global token
      }
      lane.ready.pop();
      const job = best.jobs.head as Job;
      job.inFlight = true;
      return { job };
    }
    return wakeAt === Infinity ? {} : { wakeAt };
  }

  /** Gives a taken job back for another attempt; returns when it could go (as push does). */
  requeue(job: Job, now: number): number {
    job.inFlight = false;
    const queue = this.queueOf.get(job);
    if (!queue) return job.notBefore; // a callback answer
    if (queue.jobs.head !== job) return Infinity;
    return this.sendableAt(this.file(queue, now), now);
  }

  /**
   * Removes a finished job (a taken head, or a callback answer). Returns when the message behind
   * it in its chat's queue could go (Infinity if none).
   */
  remove(job: Job, now: number): number {
    const wasInFlight = job.inFlight;
    job.inFlight = false;
    const queue = this.queueOf.get(job);
    if (!queue) {
      const index = this.callbacks.indexOf(job);
      if (index >= 0) this.callbacks.splice(index, 1);
      return Infinity;
    }
    this.queueOf.delete(job);
    const at = queue.jobs.remove(job);
    if (at < 0) return Infinity;
    if (queue.jobs.size === 0) queue.lane.chats.delete(queue.key);
    if (at > 0) return Infinity; // the head is unchanged
    if (!wasInFlight) {
      this.refileAll(now); // the queue may sit in a heap under its old head; never happens in practice
      return -Infinity;
    }
    return queue.jobs.size > 0 ? this.sendableAt(this.file(queue, now), now) : Infinity;
  }

  /**
   * Points every waiting message for `from` at `to`. The jobs stay in their queues (keyed by the
   * old id), so their order is kept; the rate limiter sees the new id from the message itself.
   */
  rewriteChat(from: bigint, to: bigint, now: number): void {
    for (const lane of this.lanes) {
      for (const queue of lane.chats.values()) {
        queue.jobs.forEach((job) => {
          if (job.message.kind !== 'callbackAnswer' && job.message.chatId === from) {
            job.message = { ...job.message, chatId: to };
          }
        });
      }
    }
    this.refileAll(now); // the heads now answer to another chat's limits
  }

  /** Puts a queue whose head is not in flight into the right heap; returns the head's ready time. */
  private file(queue: ChatQueue, now: number): number {
    const at = this.headReadyAt(queue, now);
    queue.readyAt = at;
    if (at <= now) queue.lane.ready.push(queue);
    else queue.lane.waiting.push(queue);
    return at;
  }

  /** Moves heads whose time has come to `ready`, and re-checks the head about to be chosen. */
  private refresh(lane: LaneQueues, now: number): void {
    for (let top = lane.waiting.peek(); top && top.readyAt <= now; top = lane.waiting.peek()) {
      lane.waiting.pop();
      this.file(top, now);
    }
    for (let top = lane.ready.peek(); top; top = lane.ready.peek()) {
      const at = this.headReadyAt(top, now);
      if (at <= now) break;
      lane.ready.pop();
      top.readyAt = at;
      lane.waiting.push(top);
    }
  }

  private refileAll(now: number): void {
    for (const lane of this.lanes) {
      lane.ready.drain();
      lane.waiting.drain();
      for (const queue of lane.chats.values()) {
        const head = queue.jobs.head;
        if (head && !head.inFlight) this.file(queue, now);
      }
    }
  }

  private headReadyAt(queue: ChatQueue, now: number): number {
    const head = queue.jobs.head as Job;
    const chatAt = this.limiter.chatReadyAt(chatIdOf(head.message) ?? queue.key, now);
    return Math.max(head.notBefore, chatAt);
  }

  /** A chat message's head time combined with the global limit. */
  private sendableAt(chatAt: number, now: number): number {
    return Math.max(chatAt, this.limiter.globalReadyAt(now));
  }

  private laneOf(lane: Lane): LaneQueues {
    const queues = this.byLane.get(lane);
    if (!queues) throw new Error(`Unknown lane ${lane}`);
    return queues;
  }
}

function headSeq(queue: ChatQueue): number {
  return queue.jobs.head?.seq ?? 0;
}

/** A chat's messages in order; the head leaves in O(1), however many wait behind it. */
class JobFifo {
  private items: (Job | undefined)[] = [];
  private first = 0;

  get head(): Job | undefined {
    return this.items[this.first];
  }

  get size(): number {
    return this.items.length - this.first;
  }

  push(job: Job): void {
    this.items.push(job);
  }

  /** Removes `job`; returns where it was (0: the head), or -1 if it was not there. */
  remove(job: Job): number {
    if (this.items[this.first] === job) {
      this.items[this.first++] = undefined;
      if (this.first === this.items.length) {
        this.items = [];
        this.first = 0;
      } else if (this.first >= 64 && this.first * 2 >= this.items.length) {
        this.items.splice(0, this.first);
        this.first = 0;
      }
      return 0;
    }
    const at = this.items.indexOf(job, this.first);
    if (at < 0) return -1;
    this.items.splice(at, 1);
    return at - this.first;
  }

  forEach(visit: (job: Job) => void): void {
    for (let i = this.first; i < this.items.length; i++) {
      const job = this.items[i];
      if (job) visit(job);
    }
  }
}
