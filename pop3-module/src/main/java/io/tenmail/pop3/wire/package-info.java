/**
 * The POP3 grammar, bytes to values and back: the line assembler with its length limit, the
 * command-line parser, status lines and response codes ({@link io.tenmail.pop3.wire.Replies}
 * holds every one), multi-line responses, byte-stuffing of streamed messages and the UIDL format.
 * No MINA, no storage ports, no session state.
 */
package io.tenmail.pop3.wire;
