import { z } from 'zod';
import { defineAction } from './spec.ts';
import { REPORT_BUTTON_DATA } from '../src/app/usecases/nudges.ts';

/** The "Lapor sekarang" button on a reminder: shows how to report, in the admin's chat. */
export const reportNow = defineAction({
  prefix: REPORT_BUTTON_DATA.split(':')[0] ?? 'nudge',
  roles: ['admin', 'superadmin'],
  data: z.literal(REPORT_BUTTON_DATA),
  run: async (_ctx, _args, deps) => ({ replies: [{ text: deps.messages.nudge.reportHowTo }], answer: deps.messages.nudge.reportHowToAnswer }),
});
