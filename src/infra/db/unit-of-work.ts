import { AsyncLocalStorage } from 'node:async_hooks';
import type { Repositories, UnitOfWork } from '../../app/ports/repositories.port.ts';
import type { Db } from './client.ts';
import type { FastSql, FastSqlSource } from './fast-sql.ts';
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
import { directiveRepository } from './repositories/directive.repository.ts';
import { recapRepository } from './repositories/recap.repository.ts';
import { officialAccountRepository } from './repositories/official-account.repository.ts';
import { handoverRepository } from './repositories/handover.repository.ts';
import { dialogueRepository, meetupRepository } from './repositories/meetup.repository.ts';

function repositoriesFor(tx: Tx, sql: FastSql): Repositories {
  return {
    opds: opdRepository(tx, sql),
    users: userRepository(tx, sql),
    invitations: invitationRepository(tx),
    joinRequests: joinRequestRepository(tx),
    reports: reportRepository(tx, sql),
    audit: auditRepository(tx),
    updates: processedUpdateRepository(tx, sql),
    deliveryFailures: deliveryFailureRepository(tx),
    settings: settingRepository(tx),
    holidays: holidayRepository(tx),
    leaves: leaveRepository(tx),
    activity: activityRepository(tx),
    nudges: nudgeRepository(tx),
    jobRuns: jobRunRepository(tx),
    outbox: outboxRepository(tx),
    directives: directiveRepository(tx),
    recaps: recapRepository(tx),
    accounts: officialAccountRepository(tx),
    handovers: handoverRepository(tx),
    dialogues: dialogueRepository(tx),
    meetups: meetupRepository(tx),
  };
}

/**
 * Transactions nest by joining: a run() inside another run() (same async context) uses the outer
 * transaction. So the bot can handle a whole update — mark, identify, command — in one
 * transaction, while each use case still states its own boundary when called alone.
 */
export function prismaUnitOfWork(db: Db, sql: FastSqlSource): UnitOfWork {
  const current = new AsyncLocalStorage<Repositories>();
  return {
    run: (work) => {
      const outer = current.getStore();
      if (outer) return work(outer);
      return db.$transaction(
        (tx) => {
          const repos = repositoriesFor(tx, sql.forCurrentTransaction());
          return current.run(repos, () => work(repos));
        },
        { timeout: 15_000, maxWait: 15_000 },
      );
    },
  };
}
