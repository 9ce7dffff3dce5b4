/**
 * Who may do what: AUTH availability, the envelope sender (MAIL), recipients and relaying (RCPT).
 * Decisions only, as {@link io.tenmail.smtp.policy.Verdict}s with a reason for the log; the
 * commands reply and change the session. No MINA here.
 */
package io.tenmail.smtp.policy;
