-- DropTable
DROP TABLE "IndeedGraphqlHit";

-- CreateTable
CREATE TABLE "IndeedGraphqlHits" (
    "clientId" UUID NOT NULL,
    "second" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "IndeedGraphqlHits_pkey" PRIMARY KEY ("clientId","second")
);
