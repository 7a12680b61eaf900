CREATE TABLE "follower_cumulate" (
	"account_id" integer NOT NULL,
	"ref_date" date NOT NULL,
	"cumulate_user" integer DEFAULT 0 NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "follower_cumulate_account_id_ref_date_pk" PRIMARY KEY("account_id","ref_date")
);
--> statement-breakpoint
CREATE TABLE "follower_summary" (
	"account_id" integer NOT NULL,
	"ref_date" date NOT NULL,
	"user_source" integer NOT NULL,
	"new_user" integer DEFAULT 0 NOT NULL,
	"cancel_user" integer DEFAULT 0 NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "follower_summary_account_id_ref_date_user_source_pk" PRIMARY KEY("account_id","ref_date","user_source")
);
--> statement-breakpoint
ALTER TABLE "follower_cumulate" ADD CONSTRAINT "follower_cumulate_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follower_summary" ADD CONSTRAINT "follower_summary_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;