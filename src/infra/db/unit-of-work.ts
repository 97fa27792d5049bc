import type { Repositories, UnitOfWork } from '../../app/ports/repositories.port.ts';
import type { Db } from './client.ts';
import type { Tx } from './repositories/tx.ts';
import { opdRepository } from './repositories/opd.repository.ts';
import { userRepository } from './repositories/user.repository.ts';
import { invitationRepository } from './repositories/invitation.repository.ts';
import { joinRequestRepository } from './repositories/join-request.repository.ts';
import { reportRepository } from './repositories/report.repository.ts';
import { auditRepository, deliveryFailureRepository, processedUpdateRepository } from './repositories/misc.repository.ts';
import { holidayRepository, leaveRepository, settingRepository } from './repositories/calendar.repository.ts';
import { activityRepository, jobRunRepository, nudgeRepository } from './repositories/nudge.repository.ts';
import { outboxRepository } from './repositories/outbox.repository.ts';

function repositoriesFor(tx: Tx): Repositories {
  return {
    opds: opdRepository(tx),
    users: userRepository(tx),
    invitations: invitationRepository(tx),
    joinRequests: joinRequestRepository(tx),
    reports: reportRepository(tx),
    audit: auditRepository(tx),
    updates: processedUpdateRepository(tx),
    deliveryFailures: deliveryFailureRepository(tx),
    settings: settingRepository(tx),
    holidays: holidayRepository(tx),
    leaves: leaveRepository(tx),
    activity: activityRepository(tx),
    nudges: nudgeRepository(tx),
    jobRuns: jobRunRepository(tx),
    outbox: outboxRepository(tx),
  };
}

export function prismaUnitOfWork(db: Db): UnitOfWork {
  return {
    run: (work) => db.$transaction((tx) => work(repositoriesFor(tx)), { timeout: 15_000, maxWait: 15_000 }),
  };
}
