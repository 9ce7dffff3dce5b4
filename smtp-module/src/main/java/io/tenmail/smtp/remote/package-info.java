/**
 * Remote delivery: the {@link io.tenmail.smtp.remote.RemoteDelivery} mailet and what it needs to
 * hand mail to other servers. Next hops come from the static {@link io.tenmail.smtp.remote.RouteTable}
 * (domain routes and the {@code *} smart host) or from DNS ({@link io.tenmail.smtp.remote.MxResolver},
 * dnsjava with a configurable resolver); the outbound SMTP client ({@link
 * io.tenmail.smtp.remote.SmtpClientConnection}, {@link io.tenmail.smtp.remote.SessionOpener},
 * {@link io.tenmail.smtp.remote.MailTransaction}) speaks RFC 5321 over plain blocking sockets with
 * opportunistic or required STARTTLS; {@link io.tenmail.smtp.remote.RetrySchedule} decides when a
 * deferred mail is tried again and when it expires.
 *
 * <p>No MINA here: these are client connections in a bounded worker pool, not acceptors. No
 * storage either: the mailet container persists deferrals (see the mailet contract).
 */
package io.tenmail.smtp.remote;
