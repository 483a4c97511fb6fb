-- How an import run ended and the figures it is reconciled by. Every data row of the file is
-- accounted for: rows read = lines read + rows outside the range + unreadable rows; every invoice
-- and line in the range was posted now, posted before (duplicate) or not posted (with an issue row).
ALTER TABLE imp_import_run
    ADD COLUMN status                 varchar(20)   NOT NULL DEFAULT 'RUNNING'
        CHECK (status IN ('RUNNING', 'FINISHED', 'FAILED')),
    ADD COLUMN rows_read              integer       NOT NULL DEFAULT 0,
    ADD COLUMN rows_outside_range     integer       NOT NULL DEFAULT 0,
    ADD COLUMN rows_unreadable        integer       NOT NULL DEFAULT 0,
    ADD COLUMN lines_posted           integer       NOT NULL DEFAULT 0,
    ADD COLUMN duplicate_lines        integer       NOT NULL DEFAULT 0,
    ADD COLUMN customers_registered   integer       NOT NULL DEFAULT 0,
    ADD COLUMN variants_defined       integer       NOT NULL DEFAULT 0,
    ADD COLUMN opening_stock_receipts integer       NOT NULL DEFAULT 0,
    ADD COLUMN setup_issues           integer       NOT NULL DEFAULT 0,
    ADD COLUMN failure_detail         varchar(1000),
    ADD CONSTRAINT imp_import_run_finished_reconciles CHECK (
        status <> 'FINISHED' OR (
            rows_read = lines_read + rows_outside_range + rows_unreadable
            AND invoices_read = sales_posted + duplicates + invoices_not_posted
            AND lines_read = lines_posted + duplicate_lines + lines_not_posted));

ALTER TABLE imp_import_issue
    ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT imp_import_issue_line_count_not_negative CHECK (line_count >= 0);

