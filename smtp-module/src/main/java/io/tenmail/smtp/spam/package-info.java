/**
 * The spam-filter chain and mail authentication (issue 7), as James mailets for the container's
 * {@code spam} section: {@link io.tenmail.smtp.spam.SpfCheck} (RFC 7208, jSPF),
 * {@link io.tenmail.smtp.spam.DkimVerify} (RFC 6376, jDKIM), {@link io.tenmail.smtp.spam.DmarcCheck}
 * (RFC 7489), {@link io.tenmail.smtp.spam.GtubeCheck} and
 * {@link io.tenmail.smtp.spam.AuthenticationResultsStamp} (RFC 8601).
 *
 * <p>Checks <em>detect</em> (STYLE.md §5): they record their result in {@code tenmail.auth.*}
 * attributes and add points to {@code tenmail.spam.score} / {@code tenmail.spam.symbols}
 * ({@link io.tenmail.smtp.spam.SpamScore}); the IsSpam matcher decides and delivery acts. DNS goes
 * through {@link io.tenmail.smtp.spam.DnsLookups} (dnsjava, {@code tenmail.dns.resolvers}). No MINA
 * and no storage types here.
 */
package io.tenmail.smtp.spam;
