/**
 * The admin REST API and the web console: {@link io.tenmail.admin.AdminServer} runs Jetty 12 with
 * Jersey on one port. Sub-packages: {@code api} (a resource per collection), {@code api.dto}
 * (JSON records), {@code api.errors} (exception mappers), {@code api.auth} (authentication),
 * {@code console} (the console's static files), {@code autoconfig} (mail client configuration).
 * No JPA types here: everything goes through the storage ports.
 */
package io.tenmail.admin;
