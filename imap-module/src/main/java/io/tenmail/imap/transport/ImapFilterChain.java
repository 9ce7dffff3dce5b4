package io.tenmail.imap.transport;

import org.apache.mina.core.filterchain.DefaultIoFilterChainBuilder;
import org.apache.mina.filter.ssl.SslFilter;

import javax.net.ssl.SSLContext;

/**
 * The whole filter chain of an IMAP listener, in order: TLS (implicit TLS listeners only; STARTTLS
 * adds it later, first in the chain) and nothing else. Framing (the request reader) and the
 * ordered executor live in {@link ImapIoHandler}, because the reader may spool large literals to
 * disk, which must not happen on an I/O thread.
 */
public final class ImapFilterChain {

    private ImapFilterChain() {
    }

    public static DefaultIoFilterChainBuilder build(SSLContext tls, boolean implicitTls) {
        DefaultIoFilterChainBuilder chain = new DefaultIoFilterChainBuilder();
        if (implicitTls) chain.addFirst(MinaConnection.TLS_FILTER, new SslFilter(tls));
        return chain;
    }
}
