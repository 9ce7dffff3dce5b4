/**
 * The browser console: static HTML, CSS and JavaScript modules served from the class path
 * ({@code resources/io/tenmail/admin/console/}) by {@link io.tenmail.admin.console.ConsoleServlet}.
 * No server-side rendering and no data here: the console is a client of the admin API, like the
 * CLI. See docs/console.md.
 */
package io.tenmail.admin.console;
