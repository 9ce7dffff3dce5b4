/**
 * One small handler per POP3 verb ({@code <Verb>Command}), the {@link io.tenmail.pop3.command.Pop3Verb}
 * enum that says in which states each is valid, the {@link io.tenmail.pop3.command.CommandDispatcher}
 * (the only place that checks the state), the login procedure shared by PASS and AUTH, and the
 * mapping of store outcomes to replies ({@link io.tenmail.pop3.command.Pop3Errors}). Handlers call
 * the storage ports; they run on the transport's executor threads, never on I/O threads. No MINA.
 */
package io.tenmail.pop3.command;
