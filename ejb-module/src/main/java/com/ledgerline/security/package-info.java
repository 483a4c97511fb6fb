/**
 * Users, roles and authentication (Jakarta Security). Owns {@code sec_user} and {@code
 * sec_user_role}, the role names in {@code Roles}, how passwords are hashed ({@code
 * control.PasswordHashing}: PBKDF2 with HMAC-SHA-256, 600,000 iterations) and how a sign-in is
 * checked ({@code control.CredentialValidation}). Never stores or logs a password in clear text;
 * never deletes a user (the audit trail names them).
 */
package com.ledgerline.security;
