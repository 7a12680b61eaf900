DROP INDEX "article_total_detail_publish";--> statement-breakpoint
DROP INDEX "legacy_article_total_send";--> statement-breakpoint
-- A group deleted before this constraint existed left its digests behind: they can no longer run.
DELETE FROM "digests" WHERE "group_id" IS NOT NULL AND "group_id" NOT IN (SELECT "id" FROM "client_groups");--> statement-breakpoint
ALTER TABLE "digests" ADD CONSTRAINT "digests_group_id_client_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."client_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_total_detail_publish" ON "article_total_detail" USING btree ("account_id","publish_date","msgid","stat_date","read_user","share_user","collection_user");--> statement-breakpoint
CREATE INDEX "legacy_article_total_send" ON "legacy_article_total" USING btree ("account_id","send_date","msgid","stat_date","int_page_read_user","share_user","add_to_fav_user");