package com.ledgerline.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API root: every resource answers under {@code /api}. */
@ApplicationPath("api")
public class LedgerlineApi extends Application {}
