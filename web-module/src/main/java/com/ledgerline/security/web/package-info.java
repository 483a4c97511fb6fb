/**
 * Signing in over HTTP: the one authentication mechanism of Jakarta Security (HTTP Basic for {@code
 * /api}, a login form with a session for the screens) and the database identity store. The rules
 * (hashing, the cache, disabled users) live in the EJB module's {@code security.control}; this
 * package only plugs them into the web container.
 */
package com.ledgerline.security.web;
