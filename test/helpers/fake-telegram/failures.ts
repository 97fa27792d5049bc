import { ApiError } from './api-error.ts';
import type { FailNextOptions } from './types.ts';

interface Injection {
  readonly method: string;
  readonly chatId: number | undefined;
  remaining: number;
  readonly error: ApiError;
}

/** Errors a test asked for (failNext), consumed by the next matching calls in order. */
export class FailureInjector {
  private readonly injections: Injection[] = [];

  add(method: string, options: FailNextOptions): void {
    const { error_code, description, parameters } = options.error;
    this.injections.push({
      method: method.toLowerCase(),
      chatId: options.chatId === undefined ? undefined : Number(options.chatId),
      remaining: options.times ?? 1,
      error: new ApiError(error_code, description, parameters),
    });
  }

  /** The injected error for this call, if any (and uses it up). */
  take(method: string, chatId: number | undefined): ApiError | undefined {
    const lower = method.toLowerCase();
    const index = this.injections.findIndex(
      (i) => i.method === lower && (i.chatId === undefined || i.chatId === chatId),
    );
    const injection = this.injections[index];
    if (!injection) return undefined;
    if (--injection.remaining <= 0) this.injections.splice(index, 1);
    return injection.error;
  }
}
