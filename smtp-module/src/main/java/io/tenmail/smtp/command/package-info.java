/**
 * One small class per SMTP verb ({@code <Verb>Command}) and the {@link
 * io.tenmail.smtp.command.CommandDispatcher} that runs them: the only place that checks whether a
 * verb is allowed in the session's state, and the one place that turns failures into replies.
 * What DATA and BDAT share (queuing the message, trace headers) lives beside them. No MINA here.
 */
package io.tenmail.smtp.command;
