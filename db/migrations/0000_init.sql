CREATE TABLE "access_tokens" (
	"cache_key" text PRIMARY KEY NOT NULL,
	"token_enc" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"appid" text NOT NULL,
	"auth_type" text DEFAULT 'classic' NOT NULL,
	"secret_enc" text,
	"component_appid" text,
	"component_secret_enc" text,
	"component_verify_ticket_enc" text,
	"authorizer_refresh_token_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_appid_unique" UNIQUE("appid")
);
--> statement-breakpoint
CREATE TABLE "article_read" (
	"account_id" integer NOT NULL,
	"ref_date" date NOT NULL,
	"msgid" text NOT NULL,
	"read_user" integer DEFAULT 0 NOT NULL,
	"read_user_source" jsonb NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "article_read_account_id_ref_date_msgid_pk" PRIMARY KEY("account_id","ref_date","msgid")
);
--> statement-breakpoint
CREATE TABLE "article_share" (
	"account_id" integer NOT NULL,
	"ref_date" date NOT NULL,
	"msgid" text NOT NULL,
	"share_user" integer DEFAULT 0 NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "article_share_account_id_ref_date_msgid_pk" PRIMARY KEY("account_id","ref_date","msgid")
);
--> statement-breakpoint
CREATE TABLE "article_total_detail" (
	"account_id" integer NOT NULL,
	"msgid" text NOT NULL,
	"stat_date" date NOT NULL,
	"publish_date" date NOT NULL,
	"publish_type" smallint DEFAULT 0 NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"content_url" text,
	"read_user" integer DEFAULT 0 NOT NULL,
	"read_user_source" jsonb NOT NULL,
	"share_user" integer DEFAULT 0 NOT NULL,
	"zaikan_user" integer DEFAULT 0 NOT NULL,
	"like_user" integer DEFAULT 0 NOT NULL,
	"comment_count" integer DEFAULT 0 NOT NULL,
	"collection_user" integer DEFAULT 0 NOT NULL,
	"praise_money" integer DEFAULT 0 NOT NULL,
	"read_subscribe_user" integer DEFAULT 0 NOT NULL,
	"read_delivery_rate" double precision,
	"read_finish_rate" double precision,
	"read_avg_activetime" double precision,
	"read_jump_position" jsonb NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "article_total_detail_account_id_msgid_stat_date_pk" PRIMARY KEY("account_id","msgid","stat_date")
);
--> statement-breakpoint
CREATE TABLE "biz_summary" (
	"account_id" integer NOT NULL,
	"ref_date" date NOT NULL,
	"read_user" integer DEFAULT 0 NOT NULL,
	"read_user_source" jsonb NOT NULL,
	"share_user" integer DEFAULT 0 NOT NULL,
	"zaikan_user" integer DEFAULT 0 NOT NULL,
	"like_user" integer DEFAULT 0 NOT NULL,
	"comment_count" integer DEFAULT 0 NOT NULL,
	"collection_user" integer DEFAULT 0 NOT NULL,
	"redirect_ori_page_user" integer DEFAULT 0 NOT NULL,
	"send_page_count" integer DEFAULT 0 NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "biz_summary_account_id_ref_date_pk" PRIMARY KEY("account_id","ref_date")
);
--> statement-breakpoint
CREATE TABLE "endpoint_state" (
	"account_id" integer NOT NULL,
	"endpoint" text NOT NULL,
	"retired_at" timestamp with time zone,
	"quota_blocked_on" date,
	CONSTRAINT "endpoint_state_account_id_endpoint_pk" PRIMARY KEY("account_id","endpoint")
);
--> statement-breakpoint
CREATE TABLE "fetch_ledger" (
	"account_id" integer NOT NULL,
	"endpoint" text NOT NULL,
	"begin_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text NOT NULL,
	"errcode" integer,
	"error" text,
	"row_count" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fetch_ledger_account_id_endpoint_begin_date_end_date_pk" PRIMARY KEY("account_id","endpoint","begin_date","end_date")
);
--> statement-breakpoint
CREATE TABLE "legacy_article_daily" (
	"account_id" integer NOT NULL,
	"ref_date" date NOT NULL,
	"msgid" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"int_page_read_user" integer DEFAULT 0 NOT NULL,
	"int_page_read_count" integer DEFAULT 0 NOT NULL,
	"ori_page_read_user" integer DEFAULT 0 NOT NULL,
	"ori_page_read_count" integer DEFAULT 0 NOT NULL,
	"share_user" integer DEFAULT 0 NOT NULL,
	"share_count" integer DEFAULT 0 NOT NULL,
	"add_to_fav_user" integer DEFAULT 0 NOT NULL,
	"add_to_fav_count" integer DEFAULT 0 NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "legacy_article_daily_account_id_ref_date_msgid_pk" PRIMARY KEY("account_id","ref_date","msgid")
);
--> statement-breakpoint
CREATE TABLE "legacy_article_total" (
	"account_id" integer NOT NULL,
	"msgid" text NOT NULL,
	"stat_date" date NOT NULL,
	"send_date" date NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"target_user" integer DEFAULT 0 NOT NULL,
	"int_page_read_user" integer DEFAULT 0 NOT NULL,
	"int_page_read_count" integer DEFAULT 0 NOT NULL,
	"ori_page_read_user" integer DEFAULT 0 NOT NULL,
	"ori_page_read_count" integer DEFAULT 0 NOT NULL,
	"share_user" integer DEFAULT 0 NOT NULL,
	"share_count" integer DEFAULT 0 NOT NULL,
	"add_to_fav_user" integer DEFAULT 0 NOT NULL,
	"add_to_fav_count" integer DEFAULT 0 NOT NULL,
	"breakdown" jsonb NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "legacy_article_total_account_id_msgid_stat_date_pk" PRIMARY KEY("account_id","msgid","stat_date")
);
--> statement-breakpoint
CREATE TABLE "legacy_user_read" (
	"account_id" integer NOT NULL,
	"ref_date" date NOT NULL,
	"user_source" integer NOT NULL,
	"int_page_read_user" integer DEFAULT 0 NOT NULL,
	"int_page_read_count" integer DEFAULT 0 NOT NULL,
	"ori_page_read_user" integer DEFAULT 0 NOT NULL,
	"ori_page_read_count" integer DEFAULT 0 NOT NULL,
	"share_user" integer DEFAULT 0 NOT NULL,
	"share_count" integer DEFAULT 0 NOT NULL,
	"add_to_fav_user" integer DEFAULT 0 NOT NULL,
	"add_to_fav_count" integer DEFAULT 0 NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "legacy_user_read_account_id_ref_date_user_source_pk" PRIMARY KEY("account_id","ref_date","user_source")
);
--> statement-breakpoint
CREATE TABLE "legacy_user_read_hour" (
	"account_id" integer NOT NULL,
	"ref_date" date NOT NULL,
	"hour" smallint NOT NULL,
	"user_source" integer NOT NULL,
	"int_page_read_user" integer DEFAULT 0 NOT NULL,
	"int_page_read_count" integer DEFAULT 0 NOT NULL,
	"ori_page_read_user" integer DEFAULT 0 NOT NULL,
	"ori_page_read_count" integer DEFAULT 0 NOT NULL,
	"share_user" integer DEFAULT 0 NOT NULL,
	"share_count" integer DEFAULT 0 NOT NULL,
	"add_to_fav_user" integer DEFAULT 0 NOT NULL,
	"add_to_fav_count" integer DEFAULT 0 NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "legacy_user_read_hour_account_id_ref_date_hour_user_source_pk" PRIMARY KEY("account_id","ref_date","hour","user_source")
);
--> statement-breakpoint
CREATE TABLE "legacy_user_share" (
	"account_id" integer NOT NULL,
	"ref_date" date NOT NULL,
	"share_scene" integer NOT NULL,
	"share_count" integer DEFAULT 0 NOT NULL,
	"share_user" integer DEFAULT 0 NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "legacy_user_share_account_id_ref_date_share_scene_pk" PRIMARY KEY("account_id","ref_date","share_scene")
);
--> statement-breakpoint
CREATE TABLE "legacy_user_share_hour" (
	"account_id" integer NOT NULL,
	"ref_date" date NOT NULL,
	"hour" smallint NOT NULL,
	"share_scene" integer NOT NULL,
	"share_count" integer DEFAULT 0 NOT NULL,
	"share_user" integer DEFAULT 0 NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "legacy_user_share_hour_account_id_ref_date_hour_share_scene_pk" PRIMARY KEY("account_id","ref_date","hour","share_scene")
);
--> statement-breakpoint
CREATE TABLE "raw_responses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"endpoint" text NOT NULL,
	"begin_date" date NOT NULL,
	"end_date" date NOT NULL,
	"http_status" smallint,
	"errcode" integer,
	"body_gzip" "bytea" NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"windows_total" integer DEFAULT 0 NOT NULL,
	"windows_done" integer DEFAULT 0 NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"summary" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "article_read" ADD CONSTRAINT "article_read_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_share" ADD CONSTRAINT "article_share_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_total_detail" ADD CONSTRAINT "article_total_detail_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "biz_summary" ADD CONSTRAINT "biz_summary_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endpoint_state" ADD CONSTRAINT "endpoint_state_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fetch_ledger" ADD CONSTRAINT "fetch_ledger_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legacy_article_daily" ADD CONSTRAINT "legacy_article_daily_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legacy_article_total" ADD CONSTRAINT "legacy_article_total_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legacy_user_read" ADD CONSTRAINT "legacy_user_read_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legacy_user_read_hour" ADD CONSTRAINT "legacy_user_read_hour_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legacy_user_share" ADD CONSTRAINT "legacy_user_share_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legacy_user_share_hour" ADD CONSTRAINT "legacy_user_share_hour_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raw_responses" ADD CONSTRAINT "raw_responses_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_total_detail_publish" ON "article_total_detail" USING btree ("account_id","publish_date");--> statement-breakpoint
CREATE INDEX "legacy_article_total_send" ON "legacy_article_total" USING btree ("account_id","send_date");--> statement-breakpoint
CREATE INDEX "raw_responses_window" ON "raw_responses" USING btree ("account_id","endpoint","begin_date");--> statement-breakpoint
CREATE INDEX "sync_runs_account" ON "sync_runs" USING btree ("account_id","started_at");