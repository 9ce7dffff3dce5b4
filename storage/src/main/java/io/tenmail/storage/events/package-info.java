/**
 * Mailbox change events inside one process: {@link io.tenmail.storage.events.InMemoryMailboxEvents}.
 * A cross-node relay (PostgreSQL LISTEN/NOTIFY or a broker) would live here too.
 */
package io.tenmail.storage.events;
