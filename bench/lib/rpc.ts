import { fork, type ChildProcess } from 'node:child_process';

/**
 * A tiny request/response protocol over Node's IPC channel, so that the fake Bot API server
 * (and other observers) can run in a separate process: the CPU and memory a benchmark measures
 * in its own process are then the bot's alone.
 */

/** An API is a set of one-argument functions; results must survive JSON (IPC serialization). */
export type RpcApi<A> = { [K in keyof A]: (params: never) => unknown };

type ParamsOf<F> = F extends (params: infer P) => unknown ? P : never;
type ResultOf<F> = F extends (params: never) => infer R ? Awaited<R> : never;

interface Request {
  readonly rpc: 'request';
  readonly id: number;
  readonly method: string;
  readonly params: unknown;
}

type Response =
  | { readonly rpc: 'response'; readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly rpc: 'response'; readonly id: number; readonly ok: false; readonly error: string };

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** The parent's end: forks `script` (with this process's loader flags, so .ts runs) and calls it. */
export class RpcClient<A extends RpcApi<A>> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private exited: Error | null = null;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: unknown) => this.onMessage(message));
    child.on('exit', (code, signal) => {
      this.exited = new Error(`child process ${child.pid ?? '?'} exited (code ${String(code)}, signal ${String(signal)})`);
      for (const [id, call] of this.pending) {
        clearTimeout(call.timer);
        call.reject(this.exited);
        this.pending.delete(id);
      }
    });
  }

  static spawn<A extends RpcApi<A>>(script: string): RpcClient<A> {
    const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new RpcClient<A>(child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  call<K extends keyof A & string>(method: K, params: ParamsOf<A[K]>, timeoutMs = 30_000): Promise<ResultOf<A[K]>> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise<ResultOf<A[K]>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`rpc ${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: (value) => resolve(value as ResultOf<A[K]>), reject, timer });
      const request: Request = { rpc: 'request', id, method, params };
      this.child.send(request);
    });
  }

  /** Resolves when the child has exited; kills it if it has not within `graceMs`. */
  async close(graceMs = 5_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    if (this.child.connected) this.child.disconnect();
    await exited;
    clearTimeout(timer);
  }

  private onMessage(message: unknown): void {
    if (!isResponse(message)) return;
    const call = this.pending.get(message.id);
    if (!call) return;
    this.pending.delete(message.id);
    clearTimeout(call.timer);
    if (message.ok) call.resolve(message.result);
    else call.reject(new Error(message.error));
  }
}

/** The child's end: answers requests with `handlers`; exits when the parent disconnects. */
export function serveRpc<A extends RpcApi<A>>(handlers: A, onDisconnect: () => Promise<void> | void = () => undefined): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('serveRpc: this process was not started with an IPC channel (use fork)');
  const table = handlers as unknown as Record<string, (params: unknown) => unknown>;
  process.on('message', (message: unknown) => {
    if (!isRequest(message)) return;
    const handler = table[message.method];
    void (async () => {
      let response: Response;
      try {
        if (!handler) throw new Error(`unknown rpc method ${message.method}`);
        response = { rpc: 'response', id: message.id, ok: true, result: (await handler(message.params)) ?? null };
      } catch (error) {
        response = { rpc: 'response', id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      }
      if (process.connected) send(response);
    })();
  });
  process.on('disconnect', () => {
    void (async () => {
      try {
        await onDisconnect();
      } finally {
        process.exit(0);
      }
    })();
  });
}

function isRequest(message: unknown): message is Request {
  return typeof message === 'object' && message !== null && (message as { rpc?: unknown }).rpc === 'request';
}

function isResponse(message: unknown): message is Response {
  return typeof message === 'object' && message !== null && (message as { rpc?: unknown }).rpc === 'response';
}
