import type { ResponseParameters } from './types.ts';

/** An error answer in Telegram's shape; the HTTP status equals error_code, as Telegram does. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }

  static badRequest(what: string): ApiError {
    return new ApiError(400, `Bad Request: ${what}`);
  }
}

/** The exact texts Telegram uses, so the app's error classification is tested for real. */
export const telegramErrors = {
  unauthorized: () => new ApiError(401, 'Unauthorized'),
  notFound: () => new ApiError(404, 'Not Found'),
  tooManyRequests: (retryAfter: number) =>
    new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter }),
  blocked: () => new ApiError(403, 'Forbidden: bot was blocked by the user'),
  kicked: () => new ApiError(403, 'Forbidden: bot was kicked from the group chat'),
  chatNotFound: () => ApiError.badRequest('chat not found'),
  migrated: (newChatId: number) =>
    new ApiError(400, 'Bad Request: group chat was upgraded to a supergroup chat', {
      migrate_to_chat_id: newChatId,
    }),
  conflict: () =>
    new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'),
};
