import type { Outcome } from '../../deps.ts';
import type { Button } from '../../reply.ts';

/** What a directive button produces: an answer on the button, maybe the tapped message edited. */
export interface ActionResult extends Outcome {
  readonly answer?: string;
  readonly editedText?: string;
  readonly editedButtons?: readonly (readonly Button[])[];
}
