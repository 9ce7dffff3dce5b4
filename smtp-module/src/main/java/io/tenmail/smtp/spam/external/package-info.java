/**
 * Clients of external filters, used only when configured: ClamAV's clamd (INSTREAM) and
 * SpamAssassin's spamd (SPAMC/1.5 CHECK). Each speaks its daemon's wire protocol over TCP with
 * timeouts; a daemon that does not answer never stops mail (the check adds nothing and logs).
 */
package io.tenmail.smtp.spam.external;
