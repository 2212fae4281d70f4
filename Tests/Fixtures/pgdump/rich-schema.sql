--
-- PostgreSQL database dump
--

\restrict cQcjrBIdRCgleejNl1kv48fJtAoHVWId8kVJk3qdwCW9mvBTX9zp1mIta2h6zBr

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: app; Type: SCHEMA; Schema: -; Owner: app_owner
--

CREATE SCHEMA app;


ALTER SCHEMA app OWNER TO app_owner;

--
-- Name: SCHEMA app; Type: COMMENT; Schema: -; Owner: app_owner
--

COMMENT ON SCHEMA app IS 'Order management';


--
-- Name: citext; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;


--
-- Name: EXTENSION citext; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';


--
-- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;


--
-- Name: EXTENSION pgcrypto; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';


--
-- Name: email; Type: DOMAIN; Schema: app; Owner: app_owner
--

CREATE DOMAIN app.email AS public.citext
	CONSTRAINT email_has_at CHECK ((VALUE OPERATOR(public.~) '^[^@\s]+@[^@\s]+$'::public.citext));


ALTER DOMAIN app.email OWNER TO app_owner;

--
-- Name: money; Type: TYPE; Schema: app; Owner: app_owner
--

CREATE TYPE app.money AS (
	amount numeric(12,2),
	currency character(3)
);


ALTER TYPE app.money OWNER TO app_owner;

--
-- Name: order_status; Type: TYPE; Schema: app; Owner: app_owner
--

CREATE TYPE app.order_status AS ENUM (
    'draft',
    'placed',
    'shipped',
    'cancelled'
);


ALTER TYPE app.order_status OWNER TO app_owner;

--
-- Name: positive_amount; Type: DOMAIN; Schema: app; Owner: app_owner
--

CREATE DOMAIN app.positive_amount AS numeric(12,2) NOT NULL DEFAULT 0;


ALTER DOMAIN app.positive_amount OWNER TO app_owner;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: Order Items; Type: TABLE; Schema: app; Owner: app_owner
--

CREATE TABLE app."Order Items" (
    order_id integer NOT NULL,
    "select" smallint NOT NULL,
    sku text NOT NULL,
    quantity integer NOT NULL,
    CONSTRAINT "Order Items_quantity_check" CHECK ((quantity > 0))
);


ALTER TABLE app."Order Items" OWNER TO app_owner;

--
-- Name: orders; Type: TABLE; Schema: app; Owner: app_owner
--

CREATE TABLE app.orders (
    id integer NOT NULL,
    customer_id bigint NOT NULL,
    status app.order_status DEFAULT 'draft'::app.order_status NOT NULL,
    total app.positive_amount,
    price app.money,
    line_count integer NOT NULL,
    placed_at timestamp with time zone,
    notes text
);


ALTER TABLE app.orders OWNER TO app_owner;

--
-- Name: cancel_stale_orders(interval); Type: PROCEDURE; Schema: app; Owner: app_owner
--

CREATE PROCEDURE app.cancel_stale_orders(IN older_than interval)
    LANGUAGE sql
    BEGIN ATOMIC
 UPDATE app.orders SET status = 'cancelled'::app.order_status
   WHERE ((orders.status = 'draft'::app.order_status) AND (orders.id IN ( SELECT orders_1.id
            FROM app.orders orders_1
           WHERE (orders_1.placed_at < (now() - cancel_stale_orders.older_than)))));
 DELETE FROM app."Order Items"
   WHERE (NOT ("Order Items".order_id IN ( SELECT orders.id
            FROM app.orders)));
END;


ALTER PROCEDURE app.cancel_stale_orders(IN older_than interval) OWNER TO app_owner;

--
-- Name: customer_count(); Type: FUNCTION; Schema: app; Owner: app_owner
--

CREATE FUNCTION app.customer_count() RETURNS bigint
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$SELECT count(*) FROM app.customers$$;


ALTER FUNCTION app.customer_count() OWNER TO app_owner;

--
-- Name: order_total_with_tax(app.orders, numeric); Type: FUNCTION; Schema: app; Owner: app_owner
--

CREATE FUNCTION app.order_total_with_tax(o app.orders, rate numeric DEFAULT 0.2) RETURNS numeric
    LANGUAGE sql STABLE
    BEGIN ATOMIC
 SELECT round((((o).total)::numeric * ((1)::numeric + rate)), 2) AS round;
END;


ALTER FUNCTION app.order_total_with_tax(o app.orders, rate numeric) OWNER TO app_owner;

--
-- Name: touch_order(); Type: FUNCTION; Schema: app; Owner: app_owner
--

CREATE FUNCTION app.touch_order() RETURNS trigger
    LANGUAGE plpgsql
    AS $_$
DECLARE
    marker text := '$$';
BEGIN
    IF NEW.status = 'placed' AND NEW.placed_at IS NULL THEN
        NEW.placed_at := now();
    END IF;
    EXECUTE format($fmt$SELECT %L::text$fmt$, marker);
    RETURN NEW;
END;
$_$;


ALTER FUNCTION app.touch_order() OWNER TO app_owner;

--
-- Name: FUNCTION touch_order(); Type: COMMENT; Schema: app; Owner: app_owner
--

COMMENT ON FUNCTION app.touch_order() IS 'Stamps placed_at when an order is placed';


--
-- Name: Order Items_select_seq; Type: SEQUENCE; Schema: app; Owner: app_owner
--

CREATE SEQUENCE app."Order Items_select_seq"
    AS smallint
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE app."Order Items_select_seq" OWNER TO app_owner;

--
-- Name: Order Items_select_seq; Type: SEQUENCE OWNED BY; Schema: app; Owner: app_owner
--

ALTER SEQUENCE app."Order Items_select_seq" OWNED BY app."Order Items"."select";


--
-- Name: bookings; Type: TABLE; Schema: app; Owner: app_owner
--

CREATE TABLE app.bookings (
    id bigint NOT NULL,
    room text NOT NULL,
    during tstzrange NOT NULL
);


ALTER TABLE app.bookings OWNER TO app_owner;

--
-- Name: bookings_id_seq; Type: SEQUENCE; Schema: app; Owner: app_owner
--

CREATE SEQUENCE app.bookings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE app.bookings_id_seq OWNER TO app_owner;

--
-- Name: bookings_id_seq; Type: SEQUENCE OWNED BY; Schema: app; Owner: app_owner
--

ALTER SEQUENCE app.bookings_id_seq OWNED BY app.bookings.id;


--
-- Name: customers; Type: TABLE; Schema: app; Owner: app_owner
--

CREATE TABLE app.customers (
    id bigint NOT NULL,
    email app.email NOT NULL,
    full_name text NOT NULL,
    full_name_lower text GENERATED ALWAYS AS (lower(full_name)) STORED,
    api_key bytea DEFAULT public.gen_random_bytes(16) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE app.customers OWNER TO app_owner;

--
-- Name: TABLE customers; Type: COMMENT; Schema: app; Owner: app_owner
--

COMMENT ON TABLE app.customers IS 'People who place orders; ''email'' is unique, case-insensitive';


--
-- Name: COLUMN customers.full_name_lower; Type: COMMENT; Schema: app; Owner: app_owner
--

COMMENT ON COLUMN app.customers.full_name_lower IS 'Generated: lower(full_name), for searching — « accents » kept';


--
-- Name: customer_orders; Type: VIEW; Schema: app; Owner: app_owner
--

CREATE VIEW app.customer_orders AS
 SELECT c.id AS customer_id,
    c.email,
    count(o.id) AS order_count,
    sum((o.total)::numeric) AS spent
   FROM (app.customers c
     LEFT JOIN app.orders o ON ((o.customer_id = c.id)))
  GROUP BY c.id, c.email;


ALTER TABLE app.customer_orders OWNER TO app_owner;

--
-- Name: VIEW customer_orders; Type: COMMENT; Schema: app; Owner: app_owner
--

COMMENT ON VIEW app.customer_orders IS 'One row per customer';


--
-- Name: customers_id_seq; Type: SEQUENCE; Schema: app; Owner: app_owner
--

ALTER TABLE app.customers ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.customers_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: daily_totals; Type: MATERIALIZED VIEW; Schema: app; Owner: app_owner
--

CREATE MATERIALIZED VIEW app.daily_totals AS
 SELECT date_trunc('day'::text, orders.placed_at) AS day,
    sum((orders.total)::numeric) AS total
   FROM app.orders
  WHERE (orders.status <> 'cancelled'::app.order_status)
  GROUP BY (date_trunc('day'::text, orders.placed_at))
  WITH NO DATA;


ALTER TABLE app.daily_totals OWNER TO app_owner;

--
-- Name: events; Type: TABLE; Schema: app; Owner: app_owner
--

CREATE TABLE app.events (
    occurred_at timestamp with time zone NOT NULL,
    kind text NOT NULL,
    payload jsonb
)
PARTITION BY RANGE (occurred_at);


ALTER TABLE app.events OWNER TO app_owner;

--
-- Name: events_2024; Type: TABLE; Schema: app; Owner: app_owner
--

CREATE TABLE app.events_2024 (
    occurred_at timestamp with time zone NOT NULL,
    kind text NOT NULL,
    payload jsonb
);


ALTER TABLE app.events_2024 OWNER TO app_owner;

--
-- Name: events_default; Type: TABLE; Schema: app; Owner: app_owner
--

CREATE TABLE app.events_default (
    occurred_at timestamp with time zone NOT NULL,
    kind text NOT NULL,
    payload jsonb
);


ALTER TABLE app.events_default OWNER TO app_owner;

--
-- Name: invoice_number_seq; Type: SEQUENCE; Schema: app; Owner: app_owner
--

CREATE SEQUENCE app.invoice_number_seq
    START WITH 1000
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 20;


ALTER TABLE app.invoice_number_seq OWNER TO app_owner;

--
-- Name: orders_id_seq; Type: SEQUENCE; Schema: app; Owner: app_owner
--

CREATE SEQUENCE app.orders_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE app.orders_id_seq OWNER TO app_owner;

--
-- Name: orders_id_seq; Type: SEQUENCE OWNED BY; Schema: app; Owner: app_owner
--

ALTER SEQUENCE app.orders_id_seq OWNED BY app.orders.id;


--
-- Name: orders_line_count_seq; Type: SEQUENCE; Schema: app; Owner: app_owner
--

ALTER TABLE app.orders ALTER COLUMN line_count ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME app.orders_line_count_seq
    START WITH 10
    INCREMENT BY 10
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: events_2024; Type: TABLE ATTACH; Schema: app; Owner: app_owner
--

ALTER TABLE ONLY app.events ATTACH PARTITION app.events_2024 FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');


--
-- Name: events_default; Type: TABLE ATTACH; Schema: app; Owner: app_owner
--

ALTER TABLE ONLY app.events ATTACH PARTITION app.events_default DEFAULT;


--
-- Name: Order Items select; Type: DEFAULT; Schema: app; Owner: app_owner
--

ALTER TABLE ONLY app."Order Items" ALTER COLUMN "select" SET DEFAULT nextval('app."Order Items_select_seq"'::regclass);


--
-- Name: bookings id; Type: DEFAULT; Schema: app; Owner: app_owner
--

ALTER TABLE ONLY app.bookings ALTER COLUMN id SET DEFAULT nextval('app.bookings_id_seq'::regclass);


--
-- Name: orders id; Type: DEFAULT; Schema: app; Owner: app_owner
--

ALTER TABLE ONLY app.orders ALTER COLUMN id SET DEFAULT nextval('app.orders_id_seq'::regclass);


--
-- Name: Order Items Order Items_pkey; Type: CONSTRAINT; Schema: app; Owner: app_owner
--

ALTER TABLE ONLY app."Order Items"
    ADD CONSTRAINT "Order Items_pkey" PRIMARY KEY (order_id, "select");


--
-- Name: bookings bookings_no_overlap; Type: CONSTRAINT; Schema: app; Owner: app_owner
--

ALTER TABLE ONLY app.bookings
    ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&);


--
-- Name: bookings bookings_pkey; Type: CONSTRAINT; Schema: app; Owner: app_owner
--

ALTER TABLE ONLY app.bookings
    ADD CONSTRAINT bookings_pkey PRIMARY KEY (id);


--
-- Name: customers customers_email_key; Type: CONSTRAINT; Schema: app; Owner: app_owner
--

ALTER TABLE ONLY app.customers
    ADD CONSTRAINT customers_email_key UNIQUE (email);


--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: app; Owner: app_owner
--

ALTER TABLE ONLY app.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: app; Owner: app_owner
--

ALTER TABLE ONLY app.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: orders orders_placed_has_time; Type: CHECK CONSTRAINT; Schema: app; Owner: app_owner
--

ALTER TABLE app.orders
    ADD CONSTRAINT orders_placed_has_time CHECK (((status = 'draft'::app.order_status) OR (placed_at IS NOT NULL))) NOT VALID;


--
-- Name: positive_amount positive_amount_check; Type: CHECK CONSTRAINT; Schema: app; Owner: app_owner
--

ALTER DOMAIN app.positive_amount
    ADD CONSTRAINT positive_amount_check CHECK ((VALUE >= (0)::numeric)) NOT VALID;


--
-- Name: customers_name_lower_idx; Type: INDEX; Schema: app; Owner: app_owner
--

CREATE INDEX customers_name_lower_idx ON app.customers USING btree (full_name_lower text_pattern_ops);


--
-- Name: orders_customer_status_idx; Type: INDEX; Schema: app; Owner: app_owner
--

CREATE INDEX orders_customer_status_idx ON app.orders USING btree (customer_id, status) WHERE (status <> 'cancelled'::app.order_status);


--
-- Name: orders orders_touch; Type: TRIGGER; Schema: app; Owner: app_owner
--

CREATE TRIGGER orders_touch BEFORE INSERT OR UPDATE OF status ON app.orders FOR EACH ROW EXECUTE FUNCTION app.touch_order();


--
-- Name: orders orders_customer_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: app_owner
--

ALTER TABLE ONLY app.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES app.customers(id) NOT VALID;


--
-- Name: orders; Type: ROW SECURITY; Schema: app; Owner: app_owner
--

ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;

--
-- Name: orders orders_own; Type: POLICY; Schema: app; Owner: app_owner
--

CREATE POLICY orders_own ON app.orders FOR SELECT TO app_reader USING ((customer_id = (current_setting('app.customer_id'::text, true))::bigint));


--
-- Name: app_pub; Type: PUBLICATION; Schema: -; Owner: postgres
--

CREATE PUBLICATION app_pub WITH (publish = 'insert, update');


ALTER PUBLICATION app_pub OWNER TO postgres;

--
-- Name: app_pub app; Type: PUBLICATION TABLES IN SCHEMA; Schema: app; Owner: postgres
--

ALTER PUBLICATION app_pub ADD TABLES IN SCHEMA app;


--
-- Name: SCHEMA app; Type: ACL; Schema: -; Owner: app_owner
--

GRANT USAGE ON SCHEMA app TO app_reader;
GRANT USAGE ON SCHEMA app TO app_writer;


--
-- Name: TABLE "Order Items"; Type: ACL; Schema: app; Owner: app_owner
--

GRANT SELECT ON TABLE app."Order Items" TO app_reader;


--
-- Name: TABLE orders; Type: ACL; Schema: app; Owner: app_owner
--

GRANT SELECT ON TABLE app.orders TO app_reader;
GRANT SELECT,INSERT,UPDATE ON TABLE app.orders TO app_writer;


--
-- Name: FUNCTION customer_count(); Type: ACL; Schema: app; Owner: app_owner
--

REVOKE ALL ON FUNCTION app.customer_count() FROM PUBLIC;
GRANT ALL ON FUNCTION app.customer_count() TO app_reader;


--
-- Name: TABLE bookings; Type: ACL; Schema: app; Owner: app_owner
--

GRANT SELECT ON TABLE app.bookings TO app_reader;


--
-- Name: TABLE customers; Type: ACL; Schema: app; Owner: app_owner
--

GRANT SELECT ON TABLE app.customers TO app_reader;


--
-- Name: COLUMN customers.id; Type: ACL; Schema: app; Owner: app_owner
--

GRANT SELECT(id) ON TABLE app.customers TO app_writer;


--
-- Name: COLUMN customers.email; Type: ACL; Schema: app; Owner: app_owner
--

GRANT SELECT(email) ON TABLE app.customers TO app_writer;


--
-- Name: COLUMN customers.full_name; Type: ACL; Schema: app; Owner: app_owner
--

GRANT UPDATE(full_name) ON TABLE app.customers TO app_writer;


--
-- Name: TABLE customer_orders; Type: ACL; Schema: app; Owner: app_owner
--

GRANT SELECT ON TABLE app.customer_orders TO app_reader;


--
-- Name: TABLE daily_totals; Type: ACL; Schema: app; Owner: app_owner
--

GRANT SELECT ON TABLE app.daily_totals TO app_reader;


--
-- Name: TABLE events; Type: ACL; Schema: app; Owner: app_owner
--

GRANT SELECT ON TABLE app.events TO app_reader;


--
-- Name: TABLE events_2024; Type: ACL; Schema: app; Owner: app_owner
--

GRANT SELECT ON TABLE app.events_2024 TO app_reader;


--
-- Name: TABLE events_default; Type: ACL; Schema: app; Owner: app_owner
--

GRANT SELECT ON TABLE app.events_default TO app_reader;


--
-- Name: SEQUENCE invoice_number_seq; Type: ACL; Schema: app; Owner: app_owner
--

GRANT USAGE ON SEQUENCE app.invoice_number_seq TO app_writer;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: app; Owner: app_owner
--

ALTER DEFAULT PRIVILEGES FOR ROLE app_owner IN SCHEMA app GRANT SELECT ON TABLES  TO app_reader;


--
-- PostgreSQL database dump complete
--

\unrestrict cQcjrBIdRCgleejNl1kv48fJtAoHVWId8kVJk3qdwCW9mvBTX9zp1mIta2h6zBr

