-- Bank reconciliation (issue 6, matching): the bank accounts reconciled, matching runs, matches
-- (append-only; an unmatch is a reversing row), discrepancies and their resolutions.

-- The accounts reconciliation posts to besides Bank (1010), Merchant fees (6100) and Rounding
-- differences (6900), which V0001 has.
INSERT INTO gl_account (code, name, account_type, normal_balance) VALUES
    ('2900', 'Suspense - unidentified receipts', 'LIABILITY', 'CREDIT'),
    ('6110', 'Bank charges',                     'EXPENSE',   'DEBIT');

-- A bank account (as the statements name it: IBAN or account number) and the general ledger account
-- it is kept in. Only statements of a registered account are reconciled. The card acquirer pays
-- its settlements into the account marked card_settlements (at most one per currency).
CREATE TABLE rec_bank_account (
    account_id        VARCHAR(64)  PRIMARY KEY,
    gl_account_code   VARCHAR(20)  NOT NULL REFERENCES gl_account (code),
    currency          CHAR(3)      NOT NULL,
    card_settlements  BOOLEAN      NOT NULL,
    registered_by     VARCHAR(100) NOT NULL,
    registered_at     TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX rec_bank_account_one_card_account ON rec_bank_account (currency)
    WHERE card_settlements;

-- A run's row is written last, with its counts (its id is taken first, hence the deferred keys).
CREATE TABLE rec_run (
    id                 BIGSERIAL    PRIMARY KEY,
    trigger            VARCHAR(16)  NOT NULL CHECK (trigger IN ('IMPORT', 'ON_DEMAND')),
    started_by         VARCHAR(100) NOT NULL,
    started_at         TIMESTAMPTZ  NOT NULL,
    lines_considered   INTEGER      NOT NULL CHECK (lines_considered >= 0),
    items_considered   INTEGER      NOT NULL CHECK (items_considered >= 0),
    matches_created    INTEGER      NOT NULL CHECK (matches_created >= 0),
    discrepancies_created INTEGER   NOT NULL CHECK (discrepancies_created >= 0),
    discrepancies_closed  INTEGER   NOT NULL CHECK (discrepancies_closed >= 0)
);

-- A match (kind MATCH) or the reversal of one (kind UNMATCH, reverses_id). Never updated.
CREATE TABLE rec_match (
    id                BIGSERIAL     PRIMARY KEY,
    kind              VARCHAR(8)    NOT NULL CHECK (kind IN ('MATCH', 'UNMATCH')),
    reverses_id       BIGINT        UNIQUE REFERENCES rec_match (id),
    run_id            BIGINT        REFERENCES rec_run (id) DEFERRABLE INITIALLY DEFERRED,
    rule              VARCHAR(20)   NOT NULL CHECK (rule IN ('EXACT_REFERENCE', 'AMOUNT_DATE',
                          'ONE_TO_MANY', 'MANY_TO_ONE', 'MANUAL', 'UNMATCH')),
    score             INTEGER       NOT NULL CHECK (score BETWEEN 0 AND 100),
    currency          CHAR(3)       NOT NULL,
    statement_amount  NUMERIC(19, 4) NOT NULL,
    book_amount       NUMERIC(19, 4) NOT NULL,
    fee_amount        NUMERIC(19, 4) NOT NULL CHECK (fee_amount >= 0),
    difference        NUMERIC(19, 4) NOT NULL,
    explanation       TEXT          NOT NULL,
    journal_entry_id  BIGINT        REFERENCES gl_journal_entry (id),
    created_by        VARCHAR(100)  NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    UNIQUE (id, kind),
    CHECK ((kind = 'UNMATCH') = (reverses_id IS NOT NULL)),
    CHECK ((kind = 'UNMATCH') = (rule = 'UNMATCH'))
);

-- What a match pairs: statement lines and book items. generation = how many times the line (or
-- item) was unmatched before: one MATCH and at most one UNMATCH per generation, so a line or a
-- book item is matched at most once net of unmatches (the trigger below keeps the count honest).
CREATE TABLE rec_match_item (
    id                 BIGSERIAL    PRIMARY KEY,
    match_id           BIGINT       NOT NULL,
    kind               VARCHAR(8)   NOT NULL,
    statement_line_id  BIGINT       REFERENCES rec_statement_line (id),
    book_item_key      VARCHAR(80),
    generation         INTEGER      NOT NULL CHECK (generation >= 0),
    amount             NUMERIC(19, 4) NOT NULL,
    FOREIGN KEY (match_id, kind) REFERENCES rec_match (id, kind),
    CHECK ((statement_line_id IS NULL) <> (book_item_key IS NULL))
);
CREATE UNIQUE INDEX rec_match_item_line_once ON rec_match_item (statement_line_id, generation, kind)
    WHERE statement_line_id IS NOT NULL;
CREATE UNIQUE INDEX rec_match_item_book_once ON rec_match_item (book_item_key, generation, kind)
    WHERE book_item_key IS NOT NULL;
CREATE INDEX rec_match_item_match ON rec_match_item (match_id);

CREATE FUNCTION rec_match_item_generation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unmatched integer;
BEGIN
    IF NEW.statement_line_id IS NOT NULL THEN
        SELECT count(*) INTO unmatched FROM rec_match_item
         WHERE statement_line_id = NEW.statement_line_id AND kind = 'UNMATCH';
    ELSE
        SELECT count(*) INTO unmatched FROM rec_match_item
         WHERE book_item_key = NEW.book_item_key AND kind = 'UNMATCH';
    END IF;
    IF NEW.generation <> unmatched THEN
        RAISE EXCEPTION 'rec_match_item: generation % of % is not its unmatch count %',
            NEW.generation, coalesce(NEW.statement_line_id::text, NEW.book_item_key), unmatched;
    END IF;
    IF NEW.kind = 'UNMATCH' AND NOT EXISTS (
        SELECT 1 FROM rec_match_item m JOIN rec_match r ON r.id = NEW.match_id
         WHERE m.match_id = r.reverses_id AND m.kind = 'MATCH' AND m.generation = NEW.generation
           AND m.statement_line_id IS NOT DISTINCT FROM NEW.statement_line_id
           AND m.book_item_key IS NOT DISTINCT FROM NEW.book_item_key) THEN
        RAISE EXCEPTION 'rec_match_item: an unmatch names what its match did not';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER rec_match_item_generation BEFORE INSERT ON rec_match_item
    FOR EACH ROW EXECUTE FUNCTION rec_match_item_generation();

CREATE TABLE rec_discrepancy (
    id                 BIGSERIAL    PRIMARY KEY,
    run_id             BIGINT       NOT NULL REFERENCES rec_run (id) DEFERRABLE INITIALLY DEFERRED,
    class              VARCHAR(20)  NOT NULL CHECK (class IN ('FEE', 'TIMING', 'MISSING_IN_BOOKS',
                           'MISSING_IN_BANK', 'DUPLICATE', 'ROUNDING', 'AMOUNT')),
    account_id         VARCHAR(64)  NOT NULL REFERENCES rec_bank_account (account_id),
    -- the month the discrepancy counts in (first day): the line's booking date, else the item's
    period            DATE         NOT NULL CHECK (extract(day FROM period) = 1),
    statement_line_id  BIGINT       REFERENCES rec_statement_line (id),
    book_item_key      VARCHAR(80),
    currency           CHAR(3)      NOT NULL,
    amount             NUMERIC(19, 4) NOT NULL,
    difference         NUMERIC(19, 4) NOT NULL,
    explanation        TEXT         NOT NULL,
    detected_at        TIMESTAMPTZ  NOT NULL,
    CHECK (statement_line_id IS NOT NULL OR book_item_key IS NOT NULL)
);
CREATE INDEX rec_discrepancy_line ON rec_discrepancy (statement_line_id);
CREATE INDEX rec_discrepancy_item ON rec_discrepancy (book_item_key);
CREATE INDEX rec_discrepancy_account_period ON rec_discrepancy (account_id, period);

-- A discrepancy's resolution: one at most (DISCREPANCY_ALREADY_RESOLVED), by finance or by a later
-- run that matched what was missing (AUTO_MATCHED) or found it otherwise (RECLASSIFIED).
CREATE TABLE rec_discrepancy_resolution (
    id                BIGSERIAL    PRIMARY KEY,
    discrepancy_id    BIGINT       NOT NULL UNIQUE REFERENCES rec_discrepancy (id),
    action            VARCHAR(20)  NOT NULL CHECK (action IN ('POST_BANK_CHARGE', 'POST_ROUNDING',
                          'RECORD_RECEIPT', 'MATCH_MANUALLY', 'MARK_DUPLICATE', 'ACCEPT_TIMING',
                          'AUTO_MATCHED', 'RECLASSIFIED')),
    reason            TEXT         NOT NULL,
    match_id          BIGINT       REFERENCES rec_match (id),
    journal_entry_id  BIGINT       REFERENCES gl_journal_entry (id),
    resolved_by       VARCHAR(100) NOT NULL,
    resolved_at       TIMESTAMPTZ  NOT NULL
);

CREATE TRIGGER rec_bank_account_immutable BEFORE UPDATE OR DELETE ON rec_bank_account
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER rec_run_immutable BEFORE UPDATE OR DELETE ON rec_run
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER rec_match_immutable BEFORE UPDATE OR DELETE ON rec_match
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER rec_match_item_immutable BEFORE UPDATE OR DELETE ON rec_match_item
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER rec_discrepancy_immutable BEFORE UPDATE OR DELETE ON rec_discrepancy
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER rec_discrepancy_resolution_immutable BEFORE UPDATE OR DELETE ON rec_discrepancy_resolution
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
