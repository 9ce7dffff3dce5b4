/**
 * The admin REST API v1 (see docs/api.md): one resource per collection ({@code /tenants},
 * {@code /domains}, {@code /accounts}, {@code /aliases}, {@code /groups}, {@code /health}),
 * assembled without classpath scanning by {@link io.tenmail.admin.api.AdminApi}. Resources parse
 * and check input ({@link io.tenmail.admin.api.Input}), find the owning tenant
 * ({@link io.tenmail.admin.api.PlatformScope}) and call {@code DirectoryAdmin}; they never map
 * errors themselves (see {@code errors}). No JPA and no Jetty types here.
 */
package io.tenmail.admin.api;
