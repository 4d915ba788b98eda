CREATE TABLE "business_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"status" text NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text,
	"new_address" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "businesses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kbli" text,
	"product_type" text,
	"legal_form" text,
	"nib" text,
	"founded_on" date,
	"pre_venture" boolean DEFAULT false NOT NULL,
	"address" text,
	"village_code" text,
	"district_code" text,
	"latitude" double precision,
	"longitude" double precision,
	"employees_male" integer DEFAULT 0 NOT NULL,
	"employees_female" integer DEFAULT 0 NOT NULL,
	"monthly_revenue" bigint,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_since" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "distinct_pairs" (
	"operator_id" uuid NOT NULL,
	"person_a" uuid NOT NULL,
	"person_b" uuid NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distinct_pairs_uq" UNIQUE("person_a","person_b")
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"track_id" uuid NOT NULL,
	"status" text DEFAULT 'applicant' NOT NULL,
	"eligibility" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quota_override" boolean DEFAULT false NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrollments_person_track_uq" UNIQUE("person_id","track_id")
);
--> statement-breakpoint
CREATE TABLE "mentor_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"mentor_user_id" text NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"assigned_by" text
);
--> statement-breakpoint
CREATE TABLE "participant_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"business_id" uuid,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participant_stages" (
	"operator_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"stage" smallint NOT NULL,
	"status" text NOT NULL,
	"since" date NOT NULL,
	"updated_by" text,
	CONSTRAINT "participant_stages_pk" UNIQUE("person_id","stage")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"nik" text NOT NULL,
	"full_name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"phone" text,
	"email" text,
	"ktp_address" text,
	"domicile_address" text,
	"domicile_village_code" text NOT NULL,
	"domicile_district_code" text NOT NULL,
	"status" text DEFAULT 'applicant' NOT NULL,
	"source" text DEFAULT 'staff' NOT NULL,
	"consent_at" timestamp with time zone,
	"consent_version" text,
	"merged_into" uuid,
	"search_text" text DEFAULT '' NOT NULL,
	"registered_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_operator_nik_uq" UNIQUE("operator_id","nik")
);
--> statement-breakpoint
CREATE TABLE "saved_filters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_filters_user_name_uq" UNIQUE("user_id","name")
);
--> statement-breakpoint
CREATE TABLE "selection_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"notes" text,
	"decided_by" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"stage" smallint NOT NULL,
	"status" text NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_operator_name_uq" UNIQUE("operator_id","name")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"track_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"district_code" text,
	"target" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_track_year_district_uq" UNIQUE NULLS NOT DISTINCT("track_id","year","district_code")
);
--> statement-breakpoint
CREATE TABLE "tracks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"residency_prefix" text,
	"sex" text,
	"required_documents" text[] DEFAULT '{}'::text[] NOT NULL,
	"quota" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracks_program_code_uq" UNIQUE("program_id","code")
);
--> statement-breakpoint
ALTER TABLE "business_status_events" ADD CONSTRAINT "business_status_events_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "businesses" ADD CONSTRAINT "businesses_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "businesses" ADD CONSTRAINT "businesses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "businesses" ADD CONSTRAINT "businesses_village_code_regions_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_assignments" ADD CONSTRAINT "mentor_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_assignments" ADD CONSTRAINT "mentor_assignments_mentor_user_id_user_id_fk" FOREIGN KEY ("mentor_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_files" ADD CONSTRAINT "participant_files_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_files" ADD CONSTRAINT "participant_files_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_files" ADD CONSTRAINT "participant_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_stages" ADD CONSTRAINT "participant_stages_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_domicile_village_code_regions_code_fk" FOREIGN KEY ("domicile_village_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_filters" ADD CONSTRAINT "saved_filters_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_events" ADD CONSTRAINT "selection_events_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_events" ADD CONSTRAINT "stage_events_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracks" ADD CONSTRAINT "tracks_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracks" ADD CONSTRAINT "tracks_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_status_events_business_idx" ON "business_status_events" USING btree ("business_id","effective_on");--> statement-breakpoint
CREATE INDEX "businesses_person_idx" ON "businesses" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "businesses_operator_kbli_idx" ON "businesses" USING btree ("operator_id","kbli");--> statement-breakpoint
CREATE INDEX "enrollments_track_status_idx" ON "enrollments" USING btree ("track_id","status");--> statement-breakpoint
CREATE INDEX "mentor_assignments_person_idx" ON "mentor_assignments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "mentor_assignments_mentor_idx" ON "mentor_assignments" USING btree ("mentor_user_id");--> statement-breakpoint
CREATE INDEX "participant_files_person_idx" ON "participant_files" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "participant_stages_filter_idx" ON "participant_stages" USING btree ("operator_id","stage","status");--> statement-breakpoint
CREATE INDEX "people_operator_district_idx" ON "people" USING btree ("operator_id","domicile_district_code","created_at");--> statement-breakpoint
CREATE INDEX "people_operator_phone_idx" ON "people" USING btree ("operator_id","phone");--> statement-breakpoint
CREATE INDEX "people_operator_birth_idx" ON "people" USING btree ("operator_id","birth_date");--> statement-breakpoint
CREATE INDEX "people_search_trgm_idx" ON "people" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "selection_events_enrollment_idx" ON "selection_events" USING btree ("enrollment_id","decided_at");--> statement-breakpoint
CREATE INDEX "stage_events_person_idx" ON "stage_events" USING btree ("person_id","recorded_at");--> statement-breakpoint
CREATE INDEX "tracks_operator_idx" ON "tracks" USING btree ("operator_id");