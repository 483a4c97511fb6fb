-- Bank statements (issue 6, import): one row per imported file, its statements and their lines.
-- Append-only: a statement is what the bank said; nothing here is updated or deleted.

CREATE TABLE rec_statement_file (
    id              BIGSERIAL PRIMARY KEY,
    file_name       VARCHAR(255) NOT NULL,
    format          VARCHAR(16)  NOT NULL CHECK (format IN ('CAMT', 'MT940', 'CSV')),
    message_type    VARCHAR(40)  NOT NULL,
    -- SHA-256 of the bytes as received, hex: the same file twice is refused STATEMENT_ALREADY_IMPORTED
    content_digest  CHAR(64)     NOT NULL UNIQUE,
    channel         VARCHAR(16)  NOT NULL CHECK (channel IN ('REST', 'JMS')),
    imported_by     VARCHAR(100) NOT NULL,
    imported_at     TIMESTAMPTZ  NOT NULL
);

CREATE TABLE rec_bank_statement (
    id               BIGSERIAL PRIMARY KEY,
    file_id          BIGINT       NOT NULL REFERENCES rec_statement_file (id),
    position_in_file INTEGER      NOT NULL CHECK (position_in_file >= 1),
    account_id       VARCHAR(64)  NOT NULL,
    statement_id     VARCHAR(64)  NOT NULL,
    -- camt ElctrncSeqNb / LglSeqNb, MT940 :28C:; '' when the statement has none
    sequence_number  VARCHAR(32)  NOT NULL DEFAULT '',
    currency         CHAR(3)      NOT NULL,
    opening_date     DATE,
    opening_balance  NUMERIC(19, 5),
    closing_date     DATE,
    closing_balance  NUMERIC(19, 5),
    line_count       INTEGER      NOT NULL CHECK (line_count >= 0),
    UNIQUE (file_id, position_in_file),
    -- the same statement of the same account twice is refused STATEMENT_ALREADY_IMPORTED
    UNIQUE (account_id, statement_id, sequence_number),
    CHECK ((opening_balance IS NULL) = (opening_date IS NULL)),
    CHECK ((closing_balance IS NULL) = (closing_date IS NULL))
);

CREATE TABLE rec_statement_line (
    id                 BIGSERIAL PRIMARY KEY,
    statement_id       BIGINT        NOT NULL REFERENCES rec_bank_statement (id),
    line_number        INTEGER       NOT NULL CHECK (line_number >= 1),
    booking_date       DATE          NOT NULL,
    value_date         DATE,
    -- signed: credits to the account positive, debits negative; at the scale the bank gave
    amount             NUMERIC(19, 5) NOT NULL,
    currency           CHAR(3)       NOT NULL,
    bank_reference     TEXT,
    end_to_end_id      TEXT,
    remittance_info    TEXT,
    counterparty       TEXT,
    description        TEXT,
    UNIQUE (statement_id, line_number)
);

CREATE INDEX rec_statement_line_booking_date ON rec_statement_line (booking_date);

CREATE TRIGGER rec_statement_file_immutable BEFORE UPDATE OR DELETE ON rec_statement_file
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER rec_bank_statement_immutable BEFORE UPDATE OR DELETE ON rec_bank_statement
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER rec_statement_line_immutable BEFORE UPDATE OR DELETE ON rec_statement_line
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
