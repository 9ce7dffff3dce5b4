/**
 * What the SMTP, IMAP and POP3 servers share: the {@link io.tenmail.protocol.ProtocolServer} SPI
 * that the composition root starts, listener descriptions ({@link io.tenmail.protocol.ListenerSpec})
 * and their bind errors, and files for secrets. Sub-packages hold TLS ({@code tls}), SASL decoding
 * ({@code sasl}), login throttling ({@code auth}) and the MINA bootstrap ({@code transport}, the
 * only package here that imports {@code org.apache.mina}).
 */
package io.tenmail.protocol;
