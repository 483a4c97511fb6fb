-- The sale lifecycle (DESIGN.md 4): DRAFT (editable, no effects) -> POSTED, or PENDING_APPROVAL when the
-- credit limit would be breached -> released (POSTED) or REJECTED (final); a draft may be DISCARDED
-- (final); a posted sale is amended by revisions and may be VOIDED while nothing was paid or credited.

-- ISO 4217 minor units (the exponent), as java.util.Currency reports them: the scale money is
-- rounded to. Used by the invariant checks that recompute a rounded figure in SQL.
CREATE FUNCTION shared_currency_scale(code char(3)) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN code IN ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX',
                      'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') THEN 0
        WHEN code IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 3
        WHEN code IN ('CLF', 'UYW') THEN 4
        ELSE 2
    END
$$;

-- Drafts and held sales have no invoice number yet (the gapless INV- number is taken at posting);
-- they are known by their own DRAFT- number. Their posting date is the one asked for (null = the day
-- they post).
ALTER TABLE sal_sale
    ALTER COLUMN sale_number DROP NOT NULL,
    ALTER COLUMN posting_date DROP NOT NULL,
    ALTER COLUMN due_date DROP NOT NULL,
    ADD COLUMN draft_number      varchar(30)  UNIQUE,
    -- the revision whose lines are the sale's current lines; the header totals are that revision's
    ADD COLUMN current_revision  integer      NOT NULL DEFAULT 1 CHECK (current_revision >= 1),
    -- snapshot of the jurisdiction's rounding mode next to its rounding policy
    ADD COLUMN rounding_mode     varchar(20),
    -- delivery: informative only, never moves stock
    ADD COLUMN delivery_address  varchar(500),
    ADD COLUMN delivery_date     date,
    ADD COLUMN delivery_notes    varchar(1000),
    ADD COLUMN delivery_status   varchar(20)  NOT NULL DEFAULT 'NOT_SHIPPED'
        CHECK (delivery_status IN ('NOT_SHIPPED', 'SHIPPED', 'DELIVERED')),
    -- who asked to post it (the requester of a held sale) and when
    ADD COLUMN submitted_by      varchar(100),
    ADD COLUMN submitted_at      timestamptz,
    -- why it was held, and the approver's decision
    ADD COLUMN hold_reason       varchar(400),
    ADD COLUMN decided_by        varchar(100),
    ADD COLUMN decided_at        timestamptz,
    ADD COLUMN decision          varchar(10)  CHECK (decision IN ('RELEASED', 'REJECTED')),
    ADD COLUMN decision_reason   varchar(400),
    ADD COLUMN posted_by         varchar(100),
    ADD COLUMN posted_at         timestamptz,
    ADD COLUMN voided_by         varchar(100),
    ADD COLUMN voided_at         timestamptz,
    ADD COLUMN void_reason       varchar(400);

UPDATE sal_sale s SET rounding_mode = j.rounding_mode, posted_by = s.created_by, posted_at = s.created_at
  FROM tax_jurisdiction j WHERE j.code = s.jurisdiction_code;
ALTER TABLE sal_sale ALTER COLUMN rounding_mode SET NOT NULL;

ALTER TABLE sal_sale DROP CONSTRAINT sal_sale_status_check;
ALTER TABLE sal_sale ADD CONSTRAINT sal_sale_status_check
    CHECK (status IN ('DRAFT', 'PENDING_APPROVAL', 'POSTED', 'VOIDED', 'REJECTED', 'DISCARDED'));
ALTER TABLE sal_sale ADD CONSTRAINT sal_sale_posted_has_number_and_dates
    CHECK (status NOT IN ('POSTED', 'VOIDED')
           OR (sale_number IS NOT NULL AND posting_date IS NOT NULL AND due_date IS NOT NULL));
ALTER TABLE sal_sale ADD CONSTRAINT sal_sale_unposted_has_no_invoice_number
    CHECK (status IN ('POSTED', 'VOIDED') OR sale_number IS NULL);
ALTER TABLE sal_sale ADD CONSTRAINT sal_sale_has_a_number
    CHECK (sale_number IS NOT NULL OR draft_number IS NOT NULL);
ALTER TABLE sal_sale ADD CONSTRAINT sal_sale_voided_with_reason
    CHECK (status <> 'VOIDED' OR (voided_by IS NOT NULL AND void_reason IS NOT NULL));
-- the work queues (drafts, sales waiting for an approver) are small: a partial index
CREATE INDEX sal_sale_unposted_status_idx ON sal_sale (status, id) WHERE status <> 'POSTED';

-- A posted sale's identity and figures are stated once: only a new revision changes its totals,
-- its status only moves POSTED -> VOIDED, and a final status (VOIDED, REJECTED, DISCARDED) stays.
CREATE FUNCTION sal_sale_guard_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status IN ('VOIDED', 'REJECTED', 'DISCARDED') AND NEW.status <> OLD.status THEN
        RAISE EXCEPTION 'POSTED_DOCUMENTS_ARE_IMMUTABLE: sale % is % for good', coalesce(OLD.sale_number, OLD.draft_number), OLD.status
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF OLD.status IN ('POSTED', 'VOIDED') THEN
        IF NEW.status <> OLD.status AND NOT (OLD.status = 'POSTED' AND NEW.status = 'VOIDED') THEN
            RAISE EXCEPTION 'POSTED_DOCUMENTS_ARE_IMMUTABLE: sale % cannot go from % to %', OLD.sale_number, OLD.status, NEW.status
                USING ERRCODE = 'restrict_violation';
        END IF;
        IF NEW.sale_number IS DISTINCT FROM OLD.sale_number
           OR NEW.draft_number IS DISTINCT FROM OLD.draft_number
           OR NEW.customer_id IS DISTINCT FROM OLD.customer_id
           OR NEW.currency IS DISTINCT FROM OLD.currency
           OR NEW.jurisdiction_code IS DISTINCT FROM OLD.jurisdiction_code
           OR NEW.rounding_policy IS DISTINCT FROM OLD.rounding_policy
           OR NEW.rounding_mode IS DISTINCT FROM OLD.rounding_mode
           OR NEW.posting_date IS DISTINCT FROM OLD.posting_date
           OR NEW.due_date IS DISTINCT FROM OLD.due_date
           OR NEW.channel IS DISTINCT FROM OLD.channel
           OR NEW.external_reference IS DISTINCT FROM OLD.external_reference
           OR NEW.created_by IS DISTINCT FROM OLD.created_by
           OR NEW.posted_by IS DISTINCT FROM OLD.posted_by THEN
            RAISE EXCEPTION 'POSTED_DOCUMENTS_ARE_IMMUTABLE: the identity of posted sale % cannot change', OLD.sale_number
                USING ERRCODE = 'restrict_violation';
        END IF;
        IF NEW.current_revision < OLD.current_revision
           OR (OLD.status = 'VOIDED' AND NEW.current_revision <> OLD.current_revision)
           OR (NEW.current_revision = OLD.current_revision
               AND (NEW.subtotal, NEW.tax_total, NEW.total) IS DISTINCT FROM (OLD.subtotal, OLD.tax_total, OLD.total)) THEN
            RAISE EXCEPTION 'POSTED_DOCUMENTS_ARE_IMMUTABLE: the totals of sale % change only with a new revision', OLD.sale_number
                USING ERRCODE = 'restrict_violation';
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER sal_sale_lifecycle BEFORE UPDATE ON sal_sale
    FOR EACH ROW EXECUTE FUNCTION sal_sale_guard_lifecycle();
CREATE TRIGGER sal_sale_never_deleted BEFORE DELETE ON sal_sale
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();

-- Revisions: a posted sale's lines are immutable rows; an amendment writes the full set of lines again
-- under the next revision number, so every revision stays readable. Lines posted before this version
-- are revision 1.
ALTER TABLE sal_sale_line ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE sal_sale_line DROP CONSTRAINT sal_sale_line_sale_id_line_number_key;
ALTER TABLE sal_sale_line ADD CONSTRAINT sal_sale_line_revision_line_uq UNIQUE (sale_id, revision, line_number);

-- One row per revision: when, by whom, why, its totals and the journal entry that posted it (the
-- full entry for revision 1, the delta entry for an amendment; null when nothing moved).
CREATE TABLE sal_sale_revision (
    id                bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    sale_id           bigint        NOT NULL REFERENCES sal_sale (id),
    revision          integer       NOT NULL CHECK (revision >= 1),
    posting_date      date          NOT NULL,
    subtotal          numeric(19,4) NOT NULL,
    tax_total         numeric(19,4) NOT NULL,
    total             numeric(19,4) NOT NULL,
    journal_entry_id  bigint        REFERENCES gl_journal_entry (id),
    reason            varchar(400),
    created_at        timestamptz   NOT NULL DEFAULT now(),
    created_by        varchar(100)  NOT NULL,
    UNIQUE (sale_id, revision),
    CHECK (total = subtotal + tax_total),
    CHECK (revision = 1 OR reason IS NOT NULL)
);
INSERT INTO sal_sale_revision (sale_id, revision, posting_date, subtotal, tax_total, total, journal_entry_id, created_at, created_by)
SELECT s.id, 1, s.posting_date, s.subtotal, s.tax_total, s.total,
       (SELECT min(e.id) FROM gl_journal_entry e
         WHERE e.document_type = 'SALE_INVOICE' AND e.document_number = s.sale_number),
       s.created_at, s.created_by
  FROM sal_sale s WHERE s.status IN ('POSTED', 'VOIDED');
CREATE TRIGGER sal_sale_revision_immutable BEFORE UPDATE OR DELETE ON sal_sale_revision
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();

-- The lines of a draft (and of a sale waiting for approval): what will be posted, with preview
-- figures at the price and rate known when the draft was saved. Editable only while the sale is a
-- draft; posting writes the immutable sal_sale_line rows of revision 1.
CREATE TABLE sal_sale_draft_line (
    id                 bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    sale_id            bigint        NOT NULL REFERENCES sal_sale (id),
    line_number        integer       NOT NULL,
    variant_id         bigint        NOT NULL REFERENCES cat_variant (id),
    sku                varchar(40)   NOT NULL,
    description        varchar(300)  NOT NULL,
    quantity           numeric(19,4) NOT NULL CHECK (quantity > 0),
    unit_price         numeric(19,6) NOT NULL CHECK (unit_price >= 0),
    net_amount         numeric(19,4) NOT NULL,
    tax_rate_percent   numeric(7,4)  NOT NULL,
    tax_amount         numeric(19,4) NOT NULL
);
CREATE INDEX sal_sale_draft_line_sale_idx ON sal_sale_draft_line (sale_id, line_number);

CREATE FUNCTION sal_draft_line_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT status FROM sal_sale WHERE id = OLD.sale_id) <> 'DRAFT' THEN
        RAISE EXCEPTION 'SALE_NOT_DRAFT: the lines of sale % change only while it is a draft', OLD.sale_id
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER sal_sale_draft_line_only_while_draft BEFORE UPDATE OR DELETE ON sal_sale_draft_line
    FOR EACH ROW EXECUTE FUNCTION sal_draft_line_guard();

INSERT INTO doc_number_series (series_code, prefix, digits, next_number) VALUES
    ('SALE_DRAFT', 'DRAFT-', 8, 1);
