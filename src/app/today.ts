import type { AppDeps } from './deps.ts';
import type { LocalDate } from '../domain/calendar/local-date.ts';
import { localDateKey } from '../domain/time/zoned.ts';

/** Today's date in APP_TIMEZONE, by the injected clock. */
export function todayIn(deps: AppDeps): LocalDate {
  return localDateKey(deps.clock.now(), deps.settings.timezone);
}
