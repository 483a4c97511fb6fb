-- Approval requests on the bus (issue 4). A payment deletion request, made on a screen, over REST or
-- by an ERP message, is first SUBMITTED: recorded with who asked and why, nothing decided yet. The
-- routing step (the approval.payment-deletion message on ledgerline.approvals, taken by its
-- message-driven bean) applies the policy in data: the request then AWAITS APPROVAL with the
-- approvers it needs and its expiry, both counted from the routing (routed_at), or is REFUSED
-- outright (refusal_code: the payment was reversed or reconciled meanwhile, no policy).
--
--   SUBMITTED -> AWAITING_APPROVAL -> APPROVED / REJECTED / EXPIRED
--   SUBMITTED -> REFUSED

-- Rows made before this migration were routed when they were made.
ALTER TABLE apr_approval_request DISABLE TRIGGER apr_approval_request_guard;
ALTER TABLE apr_approval_request
    ADD COLUMN routed_at    timestamptz,
    ADD COLUMN refusal_code varchar(60);
UPDATE apr_approval_request SET routed_at = requested_at;
ALTER TABLE apr_approval_request ENABLE TRIGGER apr_approval_request_guard;

ALTER TABLE apr_approval_request
    ALTER COLUMN approvals_required DROP NOT NULL,
    ALTER COLUMN expires_at DROP NOT NULL,
    DROP CONSTRAINT apr_approval_request_status_check,
    DROP CONSTRAINT apr_approval_request_check,
    DROP CONSTRAINT apr_approval_request_check1,
    DROP CONSTRAINT apr_approval_request_check2;

ALTER TABLE apr_approval_request
    ADD CONSTRAINT apr_approval_request_status_check CHECK (status IN
        ('SUBMITTED', 'AWAITING_APPROVAL', 'APPROVED', 'REJECTED', 'EXPIRED', 'REFUSED')),
    -- routed = the policy's figures are set; a submitted or refused request was never routed
    ADD CONSTRAINT apr_approval_request_routed_check CHECK (
        (status IN ('SUBMITTED', 'REFUSED')) = (routed_at IS NULL)
        AND (routed_at IS NULL) = (approvals_required IS NULL)
        AND (routed_at IS NULL) = (expires_at IS NULL)),
    ADD CONSTRAINT apr_approval_request_expiry_check CHECK (expires_at > routed_at AND routed_at >= requested_at),
    ADD CONSTRAINT apr_approval_request_decided_at_check CHECK (
        (status IN ('SUBMITTED', 'AWAITING_APPROVAL')) = (decided_at IS NULL)),
    ADD CONSTRAINT apr_approval_request_decided_by_check CHECK (
        (status IN ('SUBMITTED', 'AWAITING_APPROVAL')) = (decided_by IS NULL)),
    ADD CONSTRAINT apr_approval_request_refusal_check CHECK (
        (status = 'REFUSED') = (refusal_code IS NOT NULL));

-- at most one open (submitted or awaiting) request per document and type
DROP INDEX apr_approval_request_one_open_uq;
CREATE UNIQUE INDEX apr_approval_request_one_open_uq ON apr_approval_request (request_type, document_number)
    WHERE status IN ('SUBMITTED', 'AWAITING_APPROVAL');

-- A decided request never changes again; an open one moves only forward, and what was asked (the
-- document, amount, requester, reason, time) never changes.
CREATE OR REPLACE FUNCTION apr_approval_request_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status NOT IN ('SUBMITTED', 'AWAITING_APPROVAL') THEN
        RAISE EXCEPTION 'POSTED_DOCUMENTS_ARE_IMMUTABLE: % on decided approval request % is not allowed', TG_OP, OLD.request_number
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF (OLD.status = 'SUBMITTED' AND NEW.status NOT IN ('SUBMITTED', 'AWAITING_APPROVAL', 'REFUSED'))
       OR (OLD.status = 'AWAITING_APPROVAL' AND NEW.status NOT IN ('AWAITING_APPROVAL', 'APPROVED', 'REJECTED', 'EXPIRED'))
       OR (OLD.status = 'AWAITING_APPROVAL' AND (NEW.routed_at, NEW.approvals_required, NEW.expires_at)
               IS DISTINCT FROM (OLD.routed_at, OLD.approvals_required, OLD.expires_at))
       OR (NEW.request_number, NEW.request_type, NEW.document_type, NEW.document_number, NEW.amount,
           NEW.currency, NEW.reason, NEW.requested_by, NEW.requested_at)
          IS DISTINCT FROM (OLD.request_number, OLD.request_type, OLD.document_type, OLD.document_number,
           OLD.amount, OLD.currency, OLD.reason, OLD.requested_by, OLD.requested_at) THEN
        RAISE EXCEPTION 'APPROVAL_REQUEST_CHANGE_NOT_ALLOWED: approval request % may not go from % to % or change what was asked', OLD.request_number, OLD.status, NEW.status
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;

-- The application's own screens and REST API put the requests they record on the approvals queue
-- under this channel; its key is the request number.
ALTER TABLE chn_channel DROP CONSTRAINT chn_channel_kind_check,
    ADD CONSTRAINT chn_channel_kind_check CHECK (kind IN ('POS', 'ONLINE', 'ERP', 'BANK', 'INTERNAL'));
INSERT INTO chn_channel (code, name, kind) VALUES
    ('ledgerline', 'Ledgerline screens and REST (approval requests routed on the bus)', 'INTERNAL');
