DROP INDEX "people_operator_district_idx";--> statement-breakpoint
-- Kecamatan codes are codes, not words: byte order lets the scope's prefix LIKE use an index.
ALTER TABLE "people" ALTER COLUMN "domicile_district_code" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
CREATE INDEX "people_operator_created_idx" ON "people" USING btree ("operator_id","created_at") WHERE "people"."status" <> 'merged';--> statement-breakpoint
CREATE INDEX "people_operator_district_idx" ON "people" USING btree ("operator_id","domicile_district_code","created_at") WHERE "people"."status" <> 'merged';