import type { MethodHandler } from './context.ts';
import { coreMethods } from './methods-core.ts';
import { messageMethods } from './methods-messages.ts';

/** Bot API method names are case-insensitive; handlers are looked up by lower-case name. */
export const methods = new Map<string, MethodHandler>(
  Object.entries({ ...coreMethods, ...messageMethods }).map(([name, handler]) => [name.toLowerCase(), handler]),
);

/**
 * Calls Telegram rate-limits (and the fake counts against its limits). Pins count too: in a
 * group each one posts a service message, so the fake treats them like a message (strict).
 */
export const limitedMethods = new Set([
  'sendmessage', 'editmessagetext', 'editmessagereplymarkup',
  'sendphoto', 'sendvideo', 'senddocument', 'editmessagecaption',
  'pinchatmessage', 'unpinchatmessage',
]);
