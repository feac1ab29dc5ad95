-- CreateEnum
CREATE TYPE "SentimentLabel" AS ENUM ('POSITIVE', 'NEGATIVE', 'NEUTRAL');

-- CreateTable
CREATE TABLE "DocumentCollection" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "documentCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentCollection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "collectionId" UUID NOT NULL,
    "externalId" TEXT,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "sentimentLabel" "SentimentLabel" NOT NULL,
    "sentiment" DOUBLE PRECISION NOT NULL,
    "analysis" JSONB NOT NULL,
    "signature" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentKeyword" (
    "documentId" UUID NOT NULL,
    "collectionId" UUID NOT NULL,
    "term" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "DocumentKeyword_pkey" PRIMARY KEY ("documentId","term")
);

-- CreateTable
CREATE TABLE "DocumentBand" (
    "collectionId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "documentId" UUID NOT NULL,

    CONSTRAINT "DocumentBand_pkey" PRIMARY KEY ("collectionId","key","documentId")
);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentCollection_name_key" ON "DocumentCollection"("name");

-- CreateIndex
CREATE INDEX "Document_collectionId_id_idx" ON "Document"("collectionId", "id");

-- CreateIndex
CREATE INDEX "Document_collectionId_language_id_idx" ON "Document"("collectionId", "language", "id");

-- CreateIndex
CREATE INDEX "Document_collectionId_sentimentLabel_id_idx" ON "Document"("collectionId", "sentimentLabel", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Document_collectionId_externalId_key" ON "Document"("collectionId", "externalId");

-- CreateIndex
CREATE INDEX "DocumentKeyword_collectionId_term_documentId_idx" ON "DocumentKeyword"("collectionId", "term", "documentId");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "DocumentCollection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentKeyword" ADD CONSTRAINT "DocumentKeyword_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentBand" ADD CONSTRAINT "DocumentBand_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "DocumentCollection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

