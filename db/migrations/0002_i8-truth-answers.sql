ALTER TABLE "article_total_detail" ALTER COLUMN "title" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "article_total_detail" ALTER COLUMN "title" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "legacy_article_daily" ALTER COLUMN "title" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "legacy_article_daily" ALTER COLUMN "title" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "legacy_article_total" ALTER COLUMN "title" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "legacy_article_total" ALTER COLUMN "title" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "article_read" ADD COLUMN "title" text;