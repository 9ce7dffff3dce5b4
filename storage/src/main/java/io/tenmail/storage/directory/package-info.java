/**
 * The directory's rules, free of any database: password hashing, app password secrets, client
 * network matching and recipient resolution. The {@code jpa} package feeds them rows through
 * {@link io.tenmail.storage.directory.DirectoryLookup}; nothing here imports jakarta.persistence,
 * so every rule is unit-tested without a database.
 */
package io.tenmail.storage.directory;
