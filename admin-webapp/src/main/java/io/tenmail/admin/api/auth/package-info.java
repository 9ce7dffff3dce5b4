/**
 * Who is calling: {@link io.tenmail.admin.api.auth.AuthenticationFilter} accepts the platform
 * token, API tokens and console sessions (with their CSRF token) and sets an
 * {@link io.tenmail.admin.api.auth.AdminPrincipal} with its {@link io.tenmail.admin.api.auth.Role},
 * tenant and account. What a principal may see is decided in the service layer
 * ({@code io.tenmail.admin.api.Scope}), not here. No resources and no storage writes here.
 */
package io.tenmail.admin.api.auth;
