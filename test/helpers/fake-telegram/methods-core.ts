import { ApiError } from './api-error.ts';
import type { MethodHandler } from './context.ts';

/** getMe, getUpdates and the webhook calls a polling bot makes on start. */
export const coreMethods: Record<string, MethodHandler> = {
  getMe: ({ state }) => state.bot,

  getUpdates: ({ state, params, signal }) => {
    const allowed = params.json('allowed_updates');
    if (allowed !== undefined && (!Array.isArray(allowed) || !allowed.every((t) => typeof t === 'string'))) {
      throw ApiError.badRequest("can't parse allowed_updates");
    }
    const offset = params.optionalInt('offset');
    const limit = params.optionalInt('limit');
    const timeoutSeconds = params.optionalInt('timeout');
    return state.updates.poll({
      signal,
      ...(offset !== undefined ? { offset } : {}),
      ...(limit !== undefined ? { limit } : {}),
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
      ...(allowed !== undefined ? { allowedUpdates: allowed as string[] } : {}),
    });
  },

  deleteWebhook: ({ state, params }) => {
    if (params.bool('drop_pending_updates')) state.updates.dropPending();
    return true;
  },

  getWebhookInfo: ({ state }) => ({
    url: '',
    has_custom_certificate: false,
    pending_update_count: state.updates.pendingCount,
  }),

  // Menu changes are recorded too, so a test can wait for the one a role change causes.
  setMyCommands: ({ state, params }) => {
    const result = state.commands.set(params);
    state.log.record({ method: 'setMyCommands', at: Date.now(), params: params.raw });
    return result;
  },
  getMyCommands: ({ state, params }) => state.commands.get(params),
  deleteMyCommands: ({ state, params }) => {
    const result = state.commands.delete(params);
    state.log.record({ method: 'deleteMyCommands', at: Date.now(), params: params.raw });
    return result;
  },
};
