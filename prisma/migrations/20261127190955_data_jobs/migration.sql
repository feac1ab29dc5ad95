-- AlterEnum
ALTER TYPE "DataSourceKind" ADD VALUE 'TABLE';
ALTER TYPE "DataSourceKind" ADD VALUE 'QUERY';

-- CreateEnum
CREATE TYPE "DataJobKind" AS ENUM ('INTEGRATE', 'TRANSFORM');

-- CreateEnum
CREATE TYPE "DataJobStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "DataJob" (
    "id" UUID NOT NULL,
    "kind" "DataJobKind" NOT NULL,
    "status" "DataJobStatus" NOT NULL DEFAULT 'RUNNING',
    "phase" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "rows" BIGINT NOT NULL DEFAULT 0,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT,
    "outputLocation" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "runnerId" TEXT NOT NULL,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DataJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DataJob_status_heartbeatAt_idx" ON "DataJob"("status", "heartbeatAt");
