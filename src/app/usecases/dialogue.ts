import type { AppDeps, Outcome } from '../deps.ts';
import { reply } from '../deps.ts';
import type { Catalogue } from '../messages/id.ts';
import type { DialogueRecord, Repositories } from '../ports/repositories.port.ts';
import type { Person } from '../../domain/model.ts';
import type { ActionResult } from './directives/results.ts';

/** A guided dialogue times out after this long without an answer. */
export const DIALOGUE_TIMEOUT_MS = 15 * 60_000;
/** callback_data prefix of every dialogue button: "dlg:<verb>[:<arg>]". */
export const DIALOGUE_PREFIX = 'dlg';

/**
 * One kind of guided dialogue (e.g. creating a meetup). Its state lives in the database
 * (`Dialogue`: one open dialogue per person), so it survives restarts and works with several
 * instances; nothing it collects is stored elsewhere until its last step.
 */
export interface DialogueFlow {
  readonly kind: string;
  /** How to start it again, e.g. "/kopdar baru" (shown after a timeout or a cancel). */
  restart(m: Catalogue): string;
  /** A plain private message while the dialogue is open (not expired). */
  answer(deps: AppDeps, actor: Person, dialogue: DialogueRecord, text: string): Promise<Outcome>;
  /** A tap on one of its buttons ("dlg:<verb>[:<arg>]"). */
  button(deps: AppDeps, actor: Person, dialogue: DialogueRecord, verb: string, arg: string | null): Promise<ActionResult>;
}

/** Opens (or replaces) a person's dialogue, or moves it to a step; the timeout starts again. */
export async function saveDialogue(deps: AppDeps, repos: Repositories, userId: number, kind: string, step: string, data: unknown): Promise<void> {
  await repos.dialogues.save({ userId, kind, step, data, expiresAt: new Date(deps.clock.now().getTime() + DIALOGUE_TIMEOUT_MS) });
}

function flowOf(flows: readonly DialogueFlow[], kind: string): DialogueFlow | undefined {
  return flows.find((f) => f.kind === kind);
}

type Open = { readonly state: 'none' } | { readonly state: 'expired'; readonly flow: DialogueFlow | undefined } | { readonly state: 'open'; readonly flow: DialogueFlow; readonly dialogue: DialogueRecord };

/** The person's dialogue; an expired one (or one of a kind no longer known) is closed here. */
async function openDialogue(deps: AppDeps, repos: Repositories, actor: Person, flows: readonly DialogueFlow[]): Promise<Open> {
  const dialogue = await repos.dialogues.find(actor.id);
  if (!dialogue) return { state: 'none' };
  const flow = flowOf(flows, dialogue.kind);
  if (!flow || dialogue.expiresAt.getTime() <= deps.clock.now().getTime()) {
    await repos.dialogues.remove(actor.id);
    return { state: 'expired', flow };
  }
  return { state: 'open', flow, dialogue };
}

function restartOf(deps: AppDeps, flow: DialogueFlow | undefined): string {
  return flow ? flow.restart(deps.messages) : '/bantuan';
}

/**
 * A plain private message: the answer to the person's open dialogue. null when no dialogue was
 * open (the caller answers as before); after a timeout, a polite "start again" and nothing stored.
 */
export async function continueDialogue(deps: AppDeps, actor: Person, text: string, flows: readonly DialogueFlow[]): Promise<Outcome | null> {
  return deps.uow.run(async (repos) => {
    const open = await openDialogue(deps, repos, actor, flows);
    if (open.state === 'none') return null;
    if (open.state === 'expired') return reply(deps.messages.dialogue.expired(restartOf(deps, open.flow)));
    return open.flow.answer(deps, actor, open.dialogue, text);
  });
}

/** /batal while a dialogue is open (or has just expired): closes it. null when none was open. */
export async function cancelDialogue(deps: AppDeps, actor: Person, flows: readonly DialogueFlow[]): Promise<Outcome | null> {
  return deps.uow.run(async (repos) => {
    const open = await openDialogue(deps, repos, actor, flows);
    if (open.state === 'none') return null;
    if (open.state === 'expired') return reply(deps.messages.dialogue.expired(restartOf(deps, open.flow)));
    await repos.dialogues.remove(actor.id);
    return reply(deps.messages.dialogue.cancelled(restartOf(deps, open.flow)));
  });
}

/** A tap on a dialogue button: handed to the open dialogue's flow, or told it has expired. */
export async function dialogueButton(deps: AppDeps, actor: Person, verb: string, arg: string | null, flows: readonly DialogueFlow[]): Promise<ActionResult> {
  return deps.uow.run(async (repos): Promise<ActionResult> => {
    const open = await openDialogue(deps, repos, actor, flows);
    // No dialogue at all: it was finished (a second tap on Publikasikan) or cancelled. The
    // message may be the published meetup itself, so it is left as it is.
    if (open.state === 'none') return { replies: [], answer: deps.messages.dialogue.closedButton };
    if (open.state === 'expired') {
      return { replies: [], answer: deps.messages.dialogue.expiredButton, editedText: deps.messages.dialogue.expired(restartOf(deps, open.flow)) };
    }
    return open.flow.button(deps, actor, open.dialogue, verb, arg);
  });
}
