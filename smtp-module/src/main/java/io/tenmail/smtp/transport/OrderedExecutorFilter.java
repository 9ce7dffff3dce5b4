package io.tenmail.smtp.transport;

import org.apache.mina.core.filterchain.IoFilterEvent;
import org.apache.mina.core.session.IoEventType;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.executor.ExecutorFilter;
import org.apache.mina.filter.executor.OrderedThreadPoolExecutor;

/**
 * MINA's {@link ExecutorFilter}, with the end of the client's input routed through the ordered
 * executor too. MINA passes {@code inputClosed} straight through on the I/O thread, where the
 * default handler closes the connection at once: a client that pipelines a whole transaction and
 * then shuts its sending side (a script piping into {@code nc}) would lose the replies to commands
 * still waiting in the queue, although its message may already be committed. Queued behind those
 * commands, the event arrives after they have been answered.
 */
final class OrderedExecutorFilter extends ExecutorFilter {

    OrderedExecutorFilter(OrderedThreadPoolExecutor executor) {
        super(executor);
    }

    @Override
    public void inputClosed(NextFilter next, IoSession session) {
        fireEvent(new IoFilterEvent(next, IoEventType.INPUT_CLOSED, session, null));
    }
}
