/**
 * The IMAP4rev1 and IMAP4rev2 server.
 */
package io.tenmail.imap;
