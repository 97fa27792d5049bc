/**
 * Wakes a waiting loop when something changed (a message queued, a send finished), so an idle
 * loop sleeps on a promise instead of polling. A notify that comes while nobody waits is kept,
 * so the next wait returns at once and no wake-up is lost.
 */
export class Notifier {
  private pending = false;
  private waiter: { promise: Promise<void>; resolve: () => void } | undefined;

  notify(): void {
    if (this.waiter) {
      const { resolve } = this.waiter;
      this.waiter = undefined;
      resolve();
    } else {
      this.pending = true;
    }
  }

  wait(): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    if (!this.waiter) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.waiter = { promise, resolve };
    }
    return this.waiter.promise;
  }
}
