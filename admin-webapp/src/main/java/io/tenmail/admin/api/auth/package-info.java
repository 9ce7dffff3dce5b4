/**
 * Who is calling: {@link io.tenmail.admin.api.auth.BearerTokenFilter} checks the bearer token and
 * sets an {@link io.tenmail.admin.api.auth.AdminPrincipal} with its {@link io.tenmail.admin.api.auth.Role}.
 * Today the only caller is the platform administrator; domain administrators, users and console
 * sessions (issue 6) add roles and a second way to authenticate here, without touching resources
 * that only ask the security context.
 */
package io.tenmail.admin.api.auth;
