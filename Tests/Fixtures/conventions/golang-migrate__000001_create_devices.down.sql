DROP TABLE IF EXISTS device_events;
DROP TABLE IF EXISTS devices;
DROP TYPE IF EXISTS device_state;
