/**
 * The MINA bootstrap the protocol modules share: {@link io.tenmail.protocol.transport.MinaListener}
 * binds one acceptor per listener. With the protocol modules' own {@code transport} packages, the
 * only code that imports {@code org.apache.mina}.
 */
package io.tenmail.protocol.transport;
