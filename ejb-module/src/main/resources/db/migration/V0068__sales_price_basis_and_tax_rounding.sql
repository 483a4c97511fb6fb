-- Sales price from gross amounts where the jurisdiction's prices include tax.
--
-- A sale snapshots its jurisdiction's price basis next to its rounding policy and mode, so what its
-- unit prices mean never changes with the master data: TAX_EXCLUSIVE (quantity x unit price is the
-- net, tax is added on top) or TAX_INCLUSIVE (quantity x unit price is the gross, the tax inside it
-- is extracted, net = gross - tax). Sales posted before this version priced net of tax.
ALTER TABLE sal_sale ADD COLUMN price_basis varchar(20) NOT NULL DEFAULT 'TAX_EXCLUSIVE'
    CHECK (price_basis IN ('TAX_EXCLUSIVE', 'TAX_INCLUSIVE'));

-- The basis is part of a posted sale's identity, like its rounding policy and mode.
CREATE OR REPLACE FUNCTION sal_sale_guard_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
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
           OR NEW.price_basis IS DISTINCT FROM OLD.price_basis
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

-- numerator / denominator rounded to `scale` decimals with a java.math.RoundingMode the tax master
-- allows (HALF_UP, HALF_EVEN, DOWN, UP), exactly as BigDecimal.divide(denominator, scale, mode):
-- the quotient is never expanded into a truncated decimal first (div and the remainder are exact),
-- so 1/6 of a gross price rounds like TaxCalculator rounds it. The invariant checks recompute tax
-- with it.
CREATE FUNCTION shared_round_quotient(numerator numeric, denominator numeric, scale integer, mode varchar)
RETURNS numeric LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    unit   numeric := 1::numeric / 10::numeric ^ scale;
    step   numeric;
    whole  numeric;
    rest   numeric;
BEGIN
    IF mode NOT IN ('HALF_UP', 'HALF_EVEN', 'DOWN', 'UP') THEN
        RAISE EXCEPTION 'rounding mode % is not one a jurisdiction may declare', mode;
    END IF;
    IF denominator = 0 THEN
        RAISE EXCEPTION 'division by zero';
    END IF;
    step := abs(denominator) * unit;
    whole := div(abs(numerator), step);         -- minor units, truncated toward zero
    rest := abs(numerator) - whole * step;      -- 0 <= rest < step
    IF rest > 0 AND (mode = 'UP'
                     OR (mode = 'HALF_UP' AND 2 * rest >= step)
                     OR (mode = 'HALF_EVEN' AND (2 * rest > step OR (2 * rest = step AND mod(whole, 2) = 1)))) THEN
        whole := whole + 1;
    END IF;
    RETURN round(sign(numerator) * sign(denominator) * whole * unit, scale);
END $$;
