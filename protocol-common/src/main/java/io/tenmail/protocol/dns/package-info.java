/** DNS look-ups any module may make through the configured resolvers (the admin console's DNS check). */
package io.tenmail.protocol.dns;
