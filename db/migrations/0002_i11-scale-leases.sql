CREATE TABLE "leases" (
	"scope" text NOT NULL,
	"key" integer NOT NULL,
	"owner" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leases_scope_key_pk" PRIMARY KEY("scope","key")
);
