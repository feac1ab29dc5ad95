-- CreateEnum
CREATE TYPE "ModelFramework" AS ENUM ('ONNX', 'PYTORCH', 'TENSORFLOW', 'SAFETENSORS', 'OTHER');

-- CreateEnum
CREATE TYPE "ModelVersionStatus" AS ENUM ('READY', 'ARCHIVED');

-- CreateTable
CREATE TABLE "Model" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "description" TEXT,
    "task" TEXT,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "versionCounter" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelVersion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "modelId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "framework" "ModelFramework" NOT NULL,
    "status" "ModelVersionStatus" NOT NULL DEFAULT 'READY',
    "sha256" CHAR(64) NOT NULL,
    "size" BIGINT NOT NULL,
    "storageUri" TEXT NOT NULL,
    "signature" JSONB,
    "metrics" JSONB NOT NULL DEFAULT '{}',
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "description" TEXT,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "sourceRun" TEXT,
    "parentVersion" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelAlias" (
    "modelId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelAlias_pkey" PRIMARY KEY ("modelId","name")
);

-- CreateTable
CREATE TABLE "ModelAliasEvent" (
    "id" BIGSERIAL NOT NULL,
    "modelId" UUID NOT NULL,
    "alias" TEXT NOT NULL,
    "fromVersion" INTEGER,
    "toVersion" INTEGER,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ModelAliasEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Model_name_key" ON "Model"("name");

-- CreateIndex
CREATE INDEX "Model_task_idx" ON "Model"("task");

-- CreateIndex
CREATE INDEX "ModelVersion_sha256_idx" ON "ModelVersion"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "ModelVersion_modelId_version_key" ON "ModelVersion"("modelId", "version");

-- CreateIndex
CREATE INDEX "ModelAliasEvent_modelId_alias_createdAt_idx" ON "ModelAliasEvent"("modelId", "alias", "createdAt");

-- AddForeignKey
ALTER TABLE "ModelVersion" ADD CONSTRAINT "ModelVersion_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelAlias" ADD CONSTRAINT "ModelAlias_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelAlias" ADD CONSTRAINT "ModelAlias_modelId_version_fkey" FOREIGN KEY ("modelId", "version") REFERENCES "ModelVersion"("modelId", "version") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelAliasEvent" ADD CONSTRAINT "ModelAliasEvent_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

