/**
 * The admin REST API (and later the web console): {@link io.tenmail.admin.AdminServer} runs Jetty
 * 12 with Jersey on one port. Sub-packages: {@code api} (a resource per collection), {@code api.dto}
 * (JSON records), {@code api.errors} (exception mappers), {@code api.auth} (authentication).
 * No JPA types here: everything goes through the storage ports.
 */
package io.tenmail.admin;
