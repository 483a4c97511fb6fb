-- Refunds paid out against a credit note (issue 3; DESIGN.md 5 "refund paid out"). A refund may name
-- the credit note whose credit it pays out; over all refunds naming it, a credit note is never
-- refunded beyond its total. The refund's customer ledger entry names the sale (the open item the
-- credit note's own entry applies to), so that open item closes.
ALTER TABLE pay_refund
    ADD COLUMN credit_note_id bigint REFERENCES sal_credit_note (id);
CREATE INDEX pay_refund_credit_note_idx ON pay_refund (credit_note_id) WHERE credit_note_id IS NOT NULL;

-- The rule stated a second time, in the store: a refund naming a credit note belongs to the credit
-- note's sale, customer and currency, and the refunds of one credit note add up to at most its
-- total. The credit note row is locked first, so two refunds of one credit note are checked one after
-- the other (the application takes the same lock, after the sale's, before the refund series).
CREATE FUNCTION pay_refund_within_credit_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    note     sal_credit_note%ROWTYPE;
    refunded numeric(19,4);
BEGIN
    IF NEW.credit_note_id IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT * INTO note FROM sal_credit_note WHERE id = NEW.credit_note_id FOR UPDATE;
    IF note.sale_id <> NEW.sale_id OR note.customer_id <> NEW.customer_id
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

CREATE TRIGGER pay_refund_within_credit_note BEFORE INSERT ON pay_refund
    FOR EACH ROW EXECUTE FUNCTION pay_refund_within_credit_note();
