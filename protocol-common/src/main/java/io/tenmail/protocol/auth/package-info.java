/**
 * Defences around authentication that every protocol shares: throttling of failed logins per
 * client address and per account. No MINA types and no storage access here.
 */
package io.tenmail.protocol.auth;
