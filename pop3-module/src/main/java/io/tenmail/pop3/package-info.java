/**
 * The POP3 server (RFC 1939, with CAPA and response codes from RFC 2449 and RFC 3206, STLS from
 * RFC 2595 and SASL AUTH from RFC 5034): {@link io.tenmail.pop3.Pop3Server} binds port 110 (STLS)
 * and 995 (implicit TLS) from {@link io.tenmail.pop3.Pop3Settings}. A session logs in, takes an
 * exclusive lock on the account's maildrop (INBOX, optionally Junk) and sees the message list
 * fixed at login; DELE only marks, and QUIT removes the marked messages in one store call. A
 * dropped connection removes nothing.
 *
 * <p>{@code wire} holds the grammar, {@code command} one handler per verb and the dispatcher,
 * {@code session} the per-connection state and the maildrop, {@code transport} the MINA adapter
 * (the only package that imports {@code org.apache.mina}). See {@code docs/pop3.md}.
 */
package io.tenmail.pop3;
