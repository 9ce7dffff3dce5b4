/**
 * Immutable records and enums the storage ports speak. No JPA, no I/O.
 */
package io.tenmail.storage.model;
