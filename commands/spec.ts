import type { z } from 'zod';
import type { AppDeps, Outcome } from '../src/app/deps.ts';
import type { Catalogue } from '../src/app/messages/id.ts';
import type { Button } from '../src/app/reply.ts';
import type { Person } from '../src/domain/model.ts';
import type { Role } from '../src/domain/roles.ts';

export type ChatKind = 'private' | 'group';

/** Who sent a command, and where. Built by a Telegram adapter from its own update type. */
export interface CommandContext {
  readonly actor: Person;
  readonly chat: { readonly id: bigint; readonly kind: ChatKind; readonly title?: string };
}

/** The raw words of a command, before its own schema validates them. */
export interface CommandRawInput {
  /** Everything after "/command" (or "/command@bot"), trimmed. */
  readonly text: string;
  /** The text or caption of the message this one replies to, if any. */
  readonly replyToText: string | null;
  /** URLs hidden behind text (text_link entities) in the message itself. */
  readonly hiddenLinks: readonly string[];
  /** URLs hidden behind text in the replied-to message. */
  readonly replyHiddenLinks: readonly string[];
  /** A photo, video or document in the replied-to message (Telegram's reusable file id). */
  readonly replyMedia?: { readonly kind: 'photo' | 'video' | 'document'; readonly fileId: string } | null;
}

export interface HelpEntry {
  readonly usage: string;
  readonly description: string;
}

export interface CommandSpec<Args> {
  readonly name: string;
  readonly roles: readonly Role[];
  readonly chats: readonly ChatKind[];
  readonly help: (m: Catalogue, role: Role) => HelpEntry;
  /** Validates and shapes the raw input; its issue messages are shown to the user. */
  readonly args: z.ZodType<Args>;
  /** Shown when the arguments are invalid. */
  readonly usage: (m: Catalogue) => string;
  readonly run: (ctx: CommandContext, args: Args, deps: AppDeps) => Promise<Outcome>;
}

/** A command with its argument type erased, as adapters see it. */
export interface Command {
  readonly name: string;
  readonly roles: readonly Role[];
  readonly chats: readonly ChatKind[];
  readonly help: (m: Catalogue, role: Role) => HelpEntry;
  execute(ctx: CommandContext, raw: CommandRawInput, deps: AppDeps): Promise<Outcome>;
}

export function defineCommand<Args>(spec: CommandSpec<Args>): Command {
  return {
    name: spec.name,
    roles: spec.roles,
    chats: spec.chats,
    help: spec.help,
    async execute(ctx, raw, deps) {
      const parsed = spec.args.safeParse(raw);
      if (!parsed.success) return { replies: [{ text: deps.messages.common.invalidInput(spec.usage(deps.messages)) }] };
      return spec.run(ctx, parsed.data, deps);
    },
  };
}

/** What tapping a button produces: a short answer on the button, maybe an edited message. */
export interface ActionOutcome extends Outcome {
  readonly answer?: string;
  readonly editedText?: string;
  readonly editedButtons?: readonly (readonly Button[])[];
  /** The tapped message is a photo/video/document: edit its caption, not its text. */
  readonly editedIsCaption?: boolean;
}

export interface ActionContext extends CommandContext {
  readonly messageId: number | null;
  /** The tapped message is a photo, video or document (its caption, not its text, is edited). */
  readonly messageIsMedia: boolean;
}

export interface ActionSpec<Args> {
  /** callback_data starts with "<prefix>:". */
  readonly prefix: string;
  readonly roles: readonly Role[];
  readonly data: z.ZodType<Args>;
  readonly run: (ctx: ActionContext, args: Args, deps: AppDeps) => Promise<ActionOutcome>;
}

export interface Action {
  readonly prefix: string;
  readonly roles: readonly Role[];
  execute(ctx: ActionContext, data: string, deps: AppDeps): Promise<ActionOutcome>;
}

export function defineAction<Args>(spec: ActionSpec<Args>): Action {
  return {
    prefix: spec.prefix,
    roles: spec.roles,
    async execute(ctx, data, deps) {
      const parsed = spec.data.safeParse(data);
      if (!parsed.success) return { replies: [], answer: deps.messages.common.buttonExpired };
      return spec.run(ctx, parsed.data, deps);
    },
  };
}
