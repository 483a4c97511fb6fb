-- Gapless document numbering: one row per series, locked (SELECT ... FOR UPDATE) by the posting
-- transaction and incremented in it. A rolled-back posting releases its number with the lock, so
-- numbers have no gaps and concurrent postings queue on the row instead of retrying.
CREATE TABLE doc_number_series (
    series_code   varchar(20) PRIMARY KEY,
    prefix        varchar(20) NOT NULL,
    digits        integer     NOT NULL CHECK (digits BETWEEN 4 AND 12),
    next_number   bigint      NOT NULL CHECK (next_number >= 1)
);

INSERT INTO doc_number_series (series_code, prefix, digits, next_number) VALUES
    ('SALE_INVOICE',  'INV-', 8, 1),
    ('JOURNAL_ENTRY', 'JE-',  8, 1),
    ('STOCK_RECEIPT', 'GRN-', 8, 1),
    ('PAYMENT',       'PAY-', 8, 1);
