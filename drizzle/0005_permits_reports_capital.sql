CREATE TABLE "capital_application_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capital_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"amount_requested" bigint NOT NULL,
	"purpose" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_on" date,
	"amount_approved" bigint,
	"approved_on" date,
	"amount_disbursed" bigint,
	"disbursed_on" date,
	"decision_note" text,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capital_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"min_amount" bigint,
	"max_amount" bigint,
	"interest_rate" numeric(5, 2),
	"max_tenor_months" integer,
	"collateral" text,
	"requirements" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_classes" (
	"operator_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"month" date NOT NULL,
	"class" text NOT NULL,
	"rank" smallint NOT NULL,
	"annual_revenue" bigint NOT NULL,
	"months_counted" smallint NOT NULL,
	"moved_up" boolean DEFAULT false NOT NULL,
	CONSTRAINT "business_classes_business_month_uq" UNIQUE("business_id","month")
);
--> statement-breakpoint
CREATE TABLE "monthly_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"month" date NOT NULL,
	"revenue" bigint NOT NULL,
	"costs" bigint DEFAULT 0 NOT NULL,
	"profit" bigint DEFAULT 0 NOT NULL,
	"employees_male_paid" integer DEFAULT 0 NOT NULL,
	"employees_male_unpaid" integer DEFAULT 0 NOT NULL,
	"employees_female_paid" integer DEFAULT 0 NOT NULL,
	"employees_female_unpaid" integer DEFAULT 0 NOT NULL,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"entered_as" text NOT NULL,
	"entered_by" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monthly_reports_business_month_uq" UNIQUE("business_id","month")
);
--> statement-breakpoint
CREATE TABLE "partner_users" (
	"partner_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_users_uq" UNIQUE("partner_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"address" text,
	"region_code" text,
	"notes" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_operator_name_uq" UNIQUE("operator_id","name")
);
--> statement-breakpoint
CREATE TABLE "permit_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"permit_id" uuid NOT NULL,
	"step" text NOT NULL,
	"note" text,
	"from_status" text,
	"to_status" text,
	"occurred_on" date NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"type" text NOT NULL,
	"number" text,
	"issuer" text,
	"issued_on" date,
	"expires_on" date,
	"status" text DEFAULT 'needed' NOT NULL,
	"file_id" uuid,
	"helped_by" text,
	"notes" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "kind" text DEFAULT 'participants' NOT NULL;--> statement-breakpoint
ALTER TABLE "operators" ADD COLUMN "settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "capital_application_events" ADD CONSTRAINT "capital_application_events_application_id_capital_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."capital_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capital_applications" ADD CONSTRAINT "capital_applications_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capital_applications" ADD CONSTRAINT "capital_applications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capital_applications" ADD CONSTRAINT "capital_applications_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capital_applications" ADD CONSTRAINT "capital_applications_product_id_capital_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."capital_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capital_applications" ADD CONSTRAINT "capital_applications_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capital_products" ADD CONSTRAINT "capital_products_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capital_products" ADD CONSTRAINT "capital_products_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_classes" ADD CONSTRAINT "business_classes_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_users" ADD CONSTRAINT "partner_users_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_users" ADD CONSTRAINT "partner_users_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_steps" ADD CONSTRAINT "permit_steps_permit_id_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_helped_by_user_id_fk" FOREIGN KEY ("helped_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capital_application_events_app_idx" ON "capital_application_events" USING btree ("application_id","recorded_at");--> statement-breakpoint
CREATE INDEX "capital_applications_business_idx" ON "capital_applications" USING btree ("business_id");--> statement-breakpoint
CREATE INDEX "capital_applications_person_idx" ON "capital_applications" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "capital_applications_partner_idx" ON "capital_applications" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "capital_applications_operator_status_idx" ON "capital_applications" USING btree ("operator_id","status");--> statement-breakpoint
CREATE INDEX "capital_products_partner_idx" ON "capital_products" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "business_classes_operator_month_idx" ON "business_classes" USING btree ("operator_id","month");--> statement-breakpoint
CREATE INDEX "monthly_reports_operator_month_idx" ON "monthly_reports" USING btree ("operator_id","month");--> statement-breakpoint
CREATE INDEX "monthly_reports_person_idx" ON "monthly_reports" USING btree ("person_id","month");--> statement-breakpoint
CREATE INDEX "partner_users_user_idx" ON "partner_users" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "permit_steps_permit_idx" ON "permit_steps" USING btree ("permit_id","recorded_at");--> statement-breakpoint
CREATE INDEX "permits_business_idx" ON "permits" USING btree ("business_id");--> statement-breakpoint
CREATE INDEX "permits_person_idx" ON "permits" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "permits_operator_expiry_idx" ON "permits" USING btree ("operator_id","expires_on");--> statement-breakpoint
CREATE INDEX "permits_operator_status_idx" ON "permits" USING btree ("operator_id","status");