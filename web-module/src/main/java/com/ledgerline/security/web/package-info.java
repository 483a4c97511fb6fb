/**
 * Signing in over HTTP: the authentication mechanism and the database identity store of Jakarta
 * Security. The rules (hashing, the cache, disabled users) live in the EJB module's {@code
 * security.control}; this package only plugs them into the web container.
 */
package com.ledgerline.security.web;
