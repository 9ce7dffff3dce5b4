/**
 * The admin REST API and the web console.
 */
package io.tenmail.admin;
