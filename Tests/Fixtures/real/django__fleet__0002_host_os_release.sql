BEGIN;
--
-- Rename field name on group to title
--
ALTER TABLE "fleet_group" RENAME COLUMN "name" TO "title";
--
-- Add field os_release to host
--
ALTER TABLE "fleet_host" ADD COLUMN "os_release" varchar(50) DEFAULT 'unknown' NOT NULL;
ALTER TABLE "fleet_host" ALTER COLUMN "os_release" DROP DEFAULT;
--
-- Alter field display_name on host
--
ALTER TABLE "fleet_host" ALTER COLUMN "display_name" TYPE varchar(255);
--
-- Create constraint fleet_host_display_name_not_empty on model host
--
ALTER TABLE "fleet_host" ADD CONSTRAINT "fleet_host_display_name_not_empty" CHECK (NOT ("display_name" = ''));
COMMIT;
