CREATE TABLE "leases" (
	"scope" text NOT NULL,
	"key" integer NOT NULL,
	"owner" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leases_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "data_version" integer DEFAULT 0 NOT NULL;