package com.ledgerline.sales.boundary;

/**
 * Why a user decides or corrects something (a release, a rejection, a void, a discarded draft).
 *
 * @param reason required where the rule says so; at most 400 characters
 */
public record Reason(String reason) {}
