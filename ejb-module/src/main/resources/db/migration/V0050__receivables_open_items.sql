-- Receivables: a maintained open-item summary of the customer ledger, so that a customer's account,
-- the aging report and the work queue read one row per open invoice instead of summing every entry.
--
-- One row per open-item key (V0008: an entry's applies_to_number, the invoice it belongs to; the
-- entry's own document number when it names none). Every figure is the sum (or min) of the customer
-- ledger entries with that key, kept by the trigger below in the same transaction as the entry
-- insert, whatever workflow posts it. The invariant check open_items_equal_sum_of_customer_ledger
-- (ledger/boundary/InvariantChecks) proves it against the entries (DESIGN.md principle 3).
--
--   open_amount          sum of the entries' signed amounts (+ owed by the customer, - a credit)
--   invoiced_amount      sum of the invoice and invoice_update entries (what was billed)
--   invoice_posting_date earliest posting date of an invoice entry (null: no invoice entry)
--   due_date             earliest coalesce(due_date, posting_date) of the invoice entries; without
--                        an invoice entry, the earliest of all entries (due on receipt)
--   last_posting_date    latest posting date of its entries: an item not touched after a date is
--                        open on that date by exactly its open_amount (aging as of a past date)
--
-- A settled invoice keeps its row with open_amount 0; the partial index covers the open ones only.
CREATE TABLE ar_open_item (
    item_number          varchar(40)   PRIMARY KEY,
    customer_id          bigint        NOT NULL REFERENCES cus_customer (id),
    currency             char(3)       NOT NULL,
    invoice_posting_date date,
    due_date             date          NOT NULL,
    invoiced_amount      numeric(19,4) NOT NULL,
    open_amount          numeric(19,4) NOT NULL,
    last_posting_date    date          NOT NULL
);

-- Open items by customer and due date, carrying what aging and the work queue add up, so that
-- those reads are index-only scans over the open items alone (settled invoices are not in it).
CREATE INDEX ar_open_item_open_idx ON ar_open_item (customer_id, due_date)
    INCLUDE (currency, open_amount, last_posting_date) WHERE open_amount <> 0;

-- Aging as of a past date: the items touched after the date (by their latest posting date) less
-- the entries posted after it (by posting date); everything else is as the summary says.
CREATE INDEX ar_open_item_last_posting_idx ON ar_open_item (last_posting_date);
CREATE INDEX ar_customer_ledger_posting_date_idx ON ar_customer_ledger_entry (posting_date);

-- Applies one customer ledger entry to its open item. Runs for every insert, so every posting path
-- (sales, amendments, payments, credit notes, refunds, write-offs, imports, present and future)
-- keeps the summary right without code of its own. Refuses an entry whose customer or currency
-- differs from its open item's: an invoice is settled only in its own currency by its own customer.
-- Lock order: the open item row is the last lock a posting takes (after the journal series).
CREATE FUNCTION ar_open_item_apply_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    item_key      varchar(40) := coalesce(NEW.applies_to_number, NEW.document_number);
    item_customer bigint;
    item_currency char(3);
BEGIN
    INSERT INTO ar_open_item AS o
        (item_number, customer_id, currency, invoice_posting_date, due_date, invoiced_amount,
         open_amount, last_posting_date)
    VALUES
        (item_key, NEW.customer_id, NEW.currency,
         CASE WHEN NEW.entry_type = 'invoice' THEN NEW.posting_date END,
         coalesce(NEW.due_date, NEW.posting_date),
         CASE WHEN NEW.entry_type IN ('invoice', 'invoice_update') THEN NEW.amount ELSE 0 END,
         NEW.amount, NEW.posting_date)
    ON CONFLICT (item_number) DO UPDATE SET
        open_amount = o.open_amount + EXCLUDED.open_amount,
        invoiced_amount = o.invoiced_amount + EXCLUDED.invoiced_amount,
        last_posting_date = greatest(o.last_posting_date, EXCLUDED.last_posting_date),
        -- least() ignores nulls
        invoice_posting_date = least(o.invoice_posting_date, EXCLUDED.invoice_posting_date),
        due_date = CASE
            -- the first invoice entry sets the due date, whatever arrived before it
            WHEN EXCLUDED.invoice_posting_date IS NOT NULL AND o.invoice_posting_date IS NULL
                THEN EXCLUDED.due_date
            -- another entry of an invoiced item leaves it
            WHEN EXCLUDED.invoice_posting_date IS NULL AND o.invoice_posting_date IS NOT NULL
                THEN o.due_date
            ELSE least(o.due_date, EXCLUDED.due_date)
        END
    RETURNING o.customer_id, o.currency INTO item_customer, item_currency;
    IF item_customer <> NEW.customer_id THEN
        RAISE EXCEPTION 'OPEN_ITEM_CUSTOMER_MISMATCH: entry % of customer % names %, an open item of customer %',
            NEW.document_number, NEW.customer_id, item_key, item_customer
            USING ERRCODE = 'check_violation';
    END IF;
    IF item_currency <> NEW.currency THEN
        RAISE EXCEPTION 'OPEN_ITEM_CURRENCY_MISMATCH: entry % in % names %, an open item in %',
            NEW.document_number, NEW.currency, item_key, item_currency
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER ar_customer_ledger_entry_open_item AFTER INSERT ON ar_customer_ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ar_open_item_apply_entry();

-- The summary of the entries posted before this version, by the same rules as the trigger.
INSERT INTO ar_open_item
    (item_number, customer_id, currency, invoice_posting_date, due_date, invoiced_amount, open_amount,
     last_posting_date)
SELECT coalesce(applies_to_number, document_number),
       min(customer_id),
       min(currency),
       min(posting_date) FILTER (WHERE entry_type = 'invoice'),
       coalesce(min(coalesce(due_date, posting_date)) FILTER (WHERE entry_type = 'invoice'),
                min(coalesce(due_date, posting_date))),
       coalesce(sum(amount) FILTER (WHERE entry_type IN ('invoice', 'invoice_update')), 0),
       sum(amount),
       max(posting_date)
  FROM ar_customer_ledger_entry
 GROUP BY coalesce(applies_to_number, document_number);

-- The summary is derived: only the trigger above writes it. A direct insert, update or delete (trigger
-- depth 1) is refused; a correction is a new customer ledger entry.
CREATE FUNCTION ar_open_item_refuse_direct_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'OPEN_ITEMS_ARE_DERIVED: % on ar_open_item is done by the customer ledger only', TG_OP
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER ar_open_item_derived_only BEFORE INSERT OR UPDATE OR DELETE ON ar_open_item
    FOR EACH ROW EXECUTE FUNCTION ar_open_item_refuse_direct_write();
