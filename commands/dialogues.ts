import type { DialogueFlow } from '../src/app/usecases/dialogue.ts';
import { meetupDialogue } from '../src/app/usecases/meetups/create.ts';

/** Every guided dialogue: plain private messages and /batal go to the person's open one. */
export const dialogues: readonly DialogueFlow[] = [meetupDialogue];
