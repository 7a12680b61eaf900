ALTER TABLE "article_total_detail" ALTER COLUMN "title" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "article_total_detail" ALTER COLUMN "title" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "legacy_article_daily" ALTER COLUMN "title" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "legacy_article_daily" ALTER COLUMN "title" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "legacy_article_total" ALTER COLUMN "title" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "legacy_article_total" ALTER COLUMN "title" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "article_read" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "endpoint_state" ADD COLUMN "offline_since" date;--> statement-breakpoint
ALTER TABLE "endpoint_state" ADD COLUMN "offline_last" date;