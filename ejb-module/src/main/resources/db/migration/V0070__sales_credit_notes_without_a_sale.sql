-- Credit notes not linked to a sale (issue 4; DESIGN.md 8: the Online Retail C invoices are returns
-- credited on their own). Such a note is the customer's own open item (its customer ledger
-- credit_note entry names no sale), prices its lines from the jurisdiction's rate in force on its
-- posting date and snapshots the jurisdiction's price basis, rounding policy and mode as a sale does;
-- restocked lines come back at the variant's moving-average cost on that date. Refunds pay it out
-- naming the note alone. A note linked to a sale keeps naming the sale and its line per line.

ALTER TABLE sal_credit_note
    ALTER COLUMN sale_id DROP NOT NULL,
    ALTER COLUMN sale_revision DROP NOT NULL,
    ADD COLUMN jurisdiction_code varchar(20) REFERENCES tax_jurisdiction (code),
    ADD COLUMN price_basis       varchar(20) CHECK (price_basis IN ('TAX_EXCLUSIVE', 'TAX_INCLUSIVE')),
    ADD COLUMN rounding_policy   varchar(20) CHECK (rounding_policy IN ('PER_LINE', 'PER_DOCUMENT')),
    ADD COLUMN rounding_mode     varchar(20) CHECK (rounding_mode IN ('HALF_UP', 'HALF_EVEN', 'DOWN', 'UP')),
    -- linked: the sale and its revision, the tax terms are the sale's; unlinked: its own tax terms
    ADD CONSTRAINT sal_credit_note_linked_or_own_terms CHECK (
        (sale_id IS NOT NULL AND sale_revision IS NOT NULL AND jurisdiction_code IS NULL
         AND price_basis IS NULL AND rounding_policy IS NULL AND rounding_mode IS NULL)
        OR (sale_id IS NULL AND sale_revision IS NULL AND jurisdiction_code IS NOT NULL
            AND price_basis IS NOT NULL AND rounding_policy IS NOT NULL AND rounding_mode IS NOT NULL));
CREATE INDEX sal_credit_note_unlinked_idx ON sal_credit_note (customer_id, id) WHERE sale_id IS NULL;

ALTER TABLE sal_credit_note_line ALTER COLUMN sale_line_id DROP NOT NULL;

-- A line names a sale line exactly when its note names a sale, and then a line of that sale.
CREATE FUNCTION sal_credit_note_line_follows_its_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    note_sale bigint;
    line_sale bigint;
BEGIN
    SELECT sale_id INTO note_sale FROM sal_credit_note WHERE id = NEW.credit_note_id;
    IF NEW.sale_line_id IS NOT NULL THEN
        SELECT sale_id INTO line_sale FROM sal_sale_line WHERE id = NEW.sale_line_id;
    END IF;
    IF note_sale IS DISTINCT FROM line_sale THEN
        RAISE EXCEPTION 'CREDIT_NOTE_LINE_OF_ANOTHER_SALE: line % of credit note % names sale line % (sale %), the note sale %',
            NEW.line_number, NEW.credit_note_id, NEW.sale_line_id, line_sale, note_sale
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER sal_credit_note_line_follows_its_note BEFORE INSERT ON sal_credit_note_line
    FOR EACH ROW EXECUTE FUNCTION sal_credit_note_line_follows_its_note();

-- A refund pays out a sale's credit, a credit note of it, or an unlinked credit note alone (then
-- all of it is taken from the note's open item: Dr Accounts receivable, nothing from deposits).
ALTER TABLE pay_refund
    ALTER COLUMN sale_id DROP NOT NULL,
    ADD CONSTRAINT pay_refund_of_a_sale_or_a_credit_note CHECK (
        sale_id IS NOT NULL OR (credit_note_id IS NOT NULL AND deposit_amount = 0));

-- V0069's rule, null-safe: a refund and the credit note it names agree on the sale (both none for
-- an unlinked note), customer and currency.
CREATE OR REPLACE FUNCTION pay_refund_within_credit_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    note     sal_credit_note%ROWTYPE;
    refunded numeric(19,4);
BEGIN
    IF NEW.credit_note_id IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT * INTO note FROM sal_credit_note WHERE id = NEW.credit_note_id FOR UPDATE;
    IF note.sale_id IS DISTINCT FROM NEW.sale_id OR note.customer_id <> NEW.customer_id
       OR note.currency <> NEW.currency THEN
        RAISE EXCEPTION 'CREDIT_NOTE_OF_ANOTHER_SALE: refund % names credit note % of another sale, customer or currency',
            NEW.refund_number, note.credit_note_number
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT coalesce(sum(amount), 0) INTO refunded FROM pay_refund WHERE credit_note_id = NEW.credit_note_id;
    IF refunded + NEW.amount > note.total THEN
        RAISE EXCEPTION 'REFUND_EXCEEDS_CREDIT_NOTE: refund % of % would take credit note % (total %) to % refunded',
            NEW.refund_number, NEW.amount, note.credit_note_number, note.total, refunded + NEW.amount
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
