/**
 * Approvals: requests that wait for people other than the requester (four eyes), with the policy
 * that says how many approvers a request needs and when it expires kept in data ({@code
 * apr_approval_policy}). Owns {@code apr_*}. Knows no business document: what an approval does is
 * the business of the component that registered an {@code ApprovalHandler} for the request type.
 * Never lets a requester decide their own request, never changes a decided request.
 */
package com.ledgerline.approvals;
