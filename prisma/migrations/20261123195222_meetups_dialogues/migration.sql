-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "editMessageId" INTEGER;

-- CreateTable
CREATE TABLE "Dialogue" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "expiresAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Meetup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "place" TEXT,
    "onlineUrl" TEXT,
    "agenda" TEXT,
    "capacity" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "cancelReason" TEXT,
    "checkInCode" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "groupOutboxId" INTEGER,
    "groupDirty" BOOLEAN NOT NULL DEFAULT false,
    "scheduledAt" DATETIME NOT NULL,
    "remindedDayAt" DATETIME,
    "remindedHourAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MeetupRsvp" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "meetupId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "opdId" INTEGER,
    "answer" TEXT NOT NULL,
    "waitlisted" BOOLEAN NOT NULL DEFAULT false,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MeetupAttendance" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "meetupId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "opdId" INTEGER,
    "at" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Dialogue_userId_key" ON "Dialogue"("userId");

-- CreateIndex
CREATE INDEX "Meetup_status_startsAt_idx" ON "Meetup"("status", "startsAt");

-- CreateIndex
CREATE INDEX "Meetup_checkInCode_idx" ON "Meetup"("checkInCode");

-- CreateIndex
CREATE INDEX "MeetupRsvp_meetupId_idx" ON "MeetupRsvp"("meetupId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetupRsvp_meetupId_userId_key" ON "MeetupRsvp"("meetupId", "userId");

-- CreateIndex
CREATE INDEX "MeetupAttendance_meetupId_idx" ON "MeetupAttendance"("meetupId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetupAttendance_meetupId_userId_key" ON "MeetupAttendance"("meetupId", "userId");
