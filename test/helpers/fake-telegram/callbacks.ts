import { ApiError } from './api-error.ts';
import type { CallbackQuery, Message, User } from './types.ts';

/** Callback queries the fake has issued (clickButton), so answers can be checked. */
export class CallbackRegistry {
  private readonly queries = new Map<string, { query: CallbackQuery; answered: boolean }>();
  private counter = 0;

  create(from: User, message: Message, data: string): CallbackQuery {
    // Telegram's ids are long digit strings; chat_instance is stable per chat.
    const id = String(4_000_000_000_000_000n + BigInt(++this.counter));
    const query: CallbackQuery = { id, from, message, chat_instance: String(-4_000_000_000n - BigInt(message.chat.id)), data };
    this.queries.set(id, { query, answered: false });
    return query;
  }

  /** Marks the query answered; an unknown or already answered one is refused as Telegram does. */
  answer(id: string): CallbackQuery {
    const entry = this.queries.get(id);
    if (!entry || entry.answered) {
      throw ApiError.badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    entry.answered = true;
    return entry.query;
  }
}
