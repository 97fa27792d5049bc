/** A binary min-heap under `before` (true when a must come out ahead of b). */
export class Heap<T> {
  private readonly items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    let at = items.length;
    items.push(item);
    while (at > 0) {
      const up = (at - 1) >> 1;
      const parent = items[up] as T;
      if (!this.before(item, parent)) break;
      items[at] = parent;
      at = up;
    }
    items[at] = item;
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    // Sift the last item down from the root.
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= items.length) break;
      const right = left + 1;
      let child = left;
      if (right < items.length && this.before(items[right] as T, items[left] as T)) child = right;
      const next = items[child] as T;
      if (!this.before(next, last)) break;
      items[at] = next;
      at = child;
    }
    items[at] = last;
    return top;
  }

  /** Empties the heap and hands back what it held (in no particular order). */
  drain(): T[] {
    return this.items.splice(0);
  }
}
