/**
 * Limits the protocol servers share: how many connections may be open, in total and per client.
 * No MINA types here; the transports call in when a connection opens and closes.
 */
package io.tenmail.protocol.limits;
