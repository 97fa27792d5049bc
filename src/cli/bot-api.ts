import { z } from 'zod';

const getMeAnswer = z.union([
  z.object({ ok: z.literal(true), result: z.object({ id: z.number(), username: z.string(), first_name: z.string() }) }),
  z.object({ ok: z.literal(false), error_code: z.number(), description: z.string() }),
]);

export type GetMeResult = { ok: true; username: string; name: string } | { ok: false; problem: string };

/** Asks the Bot API who the bot is: the operator CLI's check that the token works. */
export async function getMe(apiRoot: string, token: string, timeoutMs = 10_000): Promise<GetMeResult> {
  try {
    const response = await fetch(`${apiRoot}/bot${token}/getMe`, { signal: AbortSignal.timeout(timeoutMs) });
    const parsed = getMeAnswer.safeParse(await response.json());
    if (!parsed.success) return { ok: false, problem: `jawaban tidak dikenal dari ${apiRoot} (HTTP ${response.status})` };
    if (!parsed.data.ok) {
      return {
        ok: false,
        problem:
          parsed.data.error_code === 401
            ? 'token ditolak Telegram (401 Unauthorized): periksa BOT_TOKEN atau minta token baru ke @BotFather'
            : `Telegram menjawab ${parsed.data.error_code}: ${parsed.data.description}`,
      };
    }
    return { ok: true, username: parsed.data.result.username, name: parsed.data.result.first_name };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `server Bot API ${apiRoot} tidak dapat dihubungi (${reason.split(token).join('[redacted]')})` };
  }
}
