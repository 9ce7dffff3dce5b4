package io.tenmail.smtp.transport;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoEvent;
import org.apache.mina.core.session.IoEventType;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.executor.IoEventQueueHandler;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds what one connection can have waiting for the executor: when a client sends faster than
 * its session is processed (a big message while the disk is slow), reading from its socket is
 * suspended above {@link #HIGH_WATER} queued octets and resumed below {@link #LOW_WATER}. TCP flow
 * control then slows the client down; nothing blocks an I/O thread.
 *
 * <p>Thread-safe: {@code offered} runs on I/O threads, {@code polled} on executor threads; the
 * count is atomic and suspending or resuming twice is harmless.
 */
final class ReadBackpressure implements IoEventQueueHandler {
    static final long HIGH_WATER = 1024 * 1024;
    static final long LOW_WATER = 256 * 1024;
    private static final AttributeKey QUEUED = new AttributeKey(ReadBackpressure.class, "queued");

    @Override
    public boolean accept(Object source, IoEvent event) {
        return true;
    }

    @Override
    public void offered(Object source, IoEvent event) {
        long size = size(event);
        if (size == 0) return;
        IoSession session = event.getSession();
        if (queued(session).addAndGet(size) > HIGH_WATER) session.suspendRead();
    }

    @Override
    public void polled(Object source, IoEvent event) {
        long size = size(event);
        if (size == 0) return;
        IoSession session = event.getSession();
        if (queued(session).addAndGet(-size) <= LOW_WATER && session.isReadSuspended()) session.resumeRead();
    }

    private static AtomicLong queued(IoSession session) {
        AtomicLong counter = (AtomicLong) session.getAttribute(QUEUED);
        if (counter == null) {
            AtomicLong fresh = new AtomicLong();
            counter = (AtomicLong) session.setAttributeIfAbsent(QUEUED, fresh);
            if (counter == null) counter = fresh;
        }
        return counter;
    }

    private static long size(IoEvent event) {
        if (event.getType() != IoEventType.MESSAGE_RECEIVED) return 0;
        Object message = event.getParameter();
        if (message instanceof TlsFilter.Decrypted decrypted) return decrypted.buffer().remaining();
        if (message instanceof IoBuffer buffer) return buffer.remaining();
        return 0;
    }
}
