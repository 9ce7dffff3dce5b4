/**
 * The POP3 server.
 */
package io.tenmail.pop3;
