/**
 * OpenJPA entities (*Entity) and the Jpa* port implementations. The only package that imports
 * jakarta.persistence; nothing outside storage references it.
 */
package io.tenmail.storage.jpa;
