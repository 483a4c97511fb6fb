/** Users, roles and authentication (Jakarta Security). Owns the role names in {@code Roles}. */
package com.ledgerline.security;
