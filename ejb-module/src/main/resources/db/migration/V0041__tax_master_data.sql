-- Tax master data: how a jurisdiction's prices are stated, more categories, rates that never
-- overlap, and the breakdown of a combined rate into the authorities that levy it.

-- Prices are declared tax-inclusive or tax-exclusive per jurisdiction (there are no price lists):
-- a variant's selling price, and a line's unit price, are read as gross where the sale's
-- jurisdiction says so. Existing jurisdictions keep exclusive prices (the Online Retail prices are
-- net of UK VAT).
ALTER TABLE tax_jurisdiction ADD COLUMN prices_include_tax boolean NOT NULL DEFAULT false;
ALTER TABLE tax_jurisdiction ADD COLUMN tax_type varchar(20) NOT NULL DEFAULT 'VAT'
    CHECK (tax_type IN ('VAT', 'GST', 'SALES_TAX'));

INSERT INTO tax_category (code, name) VALUES
    ('REDUCED',            'Reduced rate'),
    ('REDUCED_2',          'Second reduced rate'),
    ('SUPER_REDUCED',      'Super-reduced rate'),
    ('PARKING',            'Parking rate'),
    ('PRESS_PUBLICATIONS', 'Press publications'),
    ('EXEMPT',             'Exempt supplies');

-- No two rates of a jurisdiction and category are in force on the same day, stated in the store
-- (the boundary refuses an overlap with TAX_RATE_OVERLAPS first). btree_gist is a trusted
-- extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE tax_rate ADD CONSTRAINT tax_rate_no_overlap
    EXCLUDE USING gist (jurisdiction_code WITH =, category_code WITH =, daterange(valid_from, valid_to) WITH &&);
ALTER TABLE tax_rate ADD CONSTRAINT tax_rate_at_most_100_percent CHECK (rate_percent <= 100);

-- US-style sales tax: a jurisdiction is a tax area (e.g. a city: US-NY-NYC) whose rate is the
-- combined rate a sale there pays, one rate per line as everywhere else; its components name the
-- authorities (state, county, city, special district) and their shares for remittance. The
-- components of a rate add up to the rate exactly (checked on entry and by the invariant checks).
-- Canadian GST + PST is the same shape. A rate without components is levied by one authority.
CREATE TABLE tax_rate_component (
    tax_rate_id   bigint       NOT NULL REFERENCES tax_rate (id),
    line_number   integer      NOT NULL CHECK (line_number >= 1),
    authority     varchar(100) NOT NULL,
    rate_percent  numeric(7,4) NOT NULL CHECK (rate_percent >= 0),
    PRIMARY KEY (tax_rate_id, line_number),
    UNIQUE (tax_rate_id, authority)
);
