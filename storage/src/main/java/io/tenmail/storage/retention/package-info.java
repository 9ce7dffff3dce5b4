/** Retention: deleting rows of tables that would otherwise grow for as long as the server runs. */
package io.tenmail.storage.retention;
