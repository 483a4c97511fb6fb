-- Customer master data: named payment terms, legal entity and tax ID, two separate contacts (billing
-- and technical) and two structured addresses (billing and shipping).

-- Payment terms are named data. A customer names its terms; cus_customer.payment_terms_days (which
-- sales use for due dates) is kept equal to the terms' days by a composite foreign key, so the two
-- can never disagree. Terms' days cannot change while a customer uses them (the same key refuses it).
CREATE TABLE cus_payment_terms (
    code  varchar(20)  PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]+$'),
    name  varchar(100) NOT NULL,
    days  integer      NOT NULL UNIQUE CHECK (days BETWEEN 0 AND 365),
    UNIQUE (code, days)
);

INSERT INTO cus_payment_terms (code, name, days) VALUES
    ('DUE_ON_RECEIPT', 'Due on receipt', 0),
    ('NET_7',          'Net 7',          7),
    ('NET_14',         'Net 14',        14),
    ('NET_30',         'Net 30',        30),
    ('NET_45',         'Net 45',        45),
    ('NET_60',         'Net 60',        60),
    ('NET_90',         'Net 90',        90);

-- Terms of customers registered before this version that the list above lacks.
INSERT INTO cus_payment_terms (code, name, days)
SELECT DISTINCT 'NET_' || c.payment_terms_days, 'Net ' || c.payment_terms_days, c.payment_terms_days
  FROM cus_customer c
 WHERE NOT EXISTS (SELECT 1 FROM cus_payment_terms t WHERE t.days = c.payment_terms_days);

ALTER TABLE cus_customer ADD COLUMN payment_terms_code varchar(20);
UPDATE cus_customer c SET payment_terms_code = t.code FROM cus_payment_terms t WHERE t.days = c.payment_terms_days;
ALTER TABLE cus_customer ALTER COLUMN payment_terms_code SET NOT NULL;
ALTER TABLE cus_customer ADD CONSTRAINT cus_customer_payment_terms_fk
    FOREIGN KEY (payment_terms_code, payment_terms_days) REFERENCES cus_payment_terms (code, days);

ALTER TABLE cus_customer
    ADD COLUMN legal_entity             varchar(200),
    ADD COLUMN tax_id                   varchar(40),
    ADD COLUMN billing_contact_name     varchar(200),
    ADD COLUMN billing_contact_email    varchar(254),
    ADD COLUMN billing_contact_phone    varchar(40),
    ADD COLUMN technical_contact_name   varchar(200),
    ADD COLUMN technical_contact_email  varchar(254),
    ADD COLUMN technical_contact_phone  varchar(40),
    ADD COLUMN billing_address_line1    varchar(200),
    ADD COLUMN billing_address_line2    varchar(200),
    ADD COLUMN billing_address_line3    varchar(200),
    ADD COLUMN billing_city             varchar(100),
    ADD COLUMN billing_postal_code      varchar(20),
    -- ISO 3166-1 alpha-2
    ADD COLUMN billing_country_code     char(2) CHECK (billing_country_code ~ '^[A-Z]{2}$'),
    ADD COLUMN shipping_address_line1   varchar(200),
    ADD COLUMN shipping_address_line2   varchar(200),
    ADD COLUMN shipping_address_line3   varchar(200),
    ADD COLUMN shipping_city            varchar(100),
    ADD COLUMN shipping_postal_code     varchar(20),
    ADD COLUMN shipping_country_code    char(2) CHECK (shipping_country_code ~ '^[A-Z]{2}$'),
    ADD COLUMN updated_at               timestamptz NOT NULL DEFAULT now(),
    -- an address is absent, or has at least its first line, its city and its country
    ADD CONSTRAINT cus_customer_billing_address_complete CHECK (
        num_nonnulls(billing_address_line1, billing_address_line2, billing_address_line3,
                     billing_city, billing_postal_code, billing_country_code) = 0
        OR (billing_address_line1 IS NOT NULL AND billing_city IS NOT NULL AND billing_country_code IS NOT NULL)),
    ADD CONSTRAINT cus_customer_shipping_address_complete CHECK (
        num_nonnulls(shipping_address_line1, shipping_address_line2, shipping_address_line3,
                     shipping_city, shipping_postal_code, shipping_country_code) = 0
        OR (shipping_address_line1 IS NOT NULL AND shipping_city IS NOT NULL AND shipping_country_code IS NOT NULL));

CREATE INDEX cus_customer_status_idx ON cus_customer (status, customer_number);
