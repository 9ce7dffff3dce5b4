package io.tenmail.imap.command.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A node of a thread tree (RFC 5256 §3): a message, or a dummy standing for a message that is
 * referenced but not in the result. Renders itself as the {@code thread-list} of RFC 5256 §4.
 */
final class ThreadNode {
    /** By sent date, then by position in the mailbox; a dummy sorts as its first child (§3 step 5, 7). */
    static final Comparator<ThreadNode> BY_DATE = Comparator
            .comparing((ThreadNode n) -> n.first().message.sentDate())
            .thenComparingInt(n -> n.first().message.seq());

    ThreadMessage message;
    ThreadNode parent;
    final List<ThreadNode> children = new ArrayList<>();

    ThreadNode(ThreadMessage message) {
        this.message = message;
    }

    boolean isDummy() {
        return message == null;
    }

    /** The first real message at or under this node (children sorted first). */
    ThreadNode first() {
        ThreadNode n = this;
        while (n.isDummy() && !n.children.isEmpty()) n = n.children.get(0);
        return n;
    }

    void addChild(ThreadNode child) {
        child.parent = this;
        children.add(child);
    }

    void detach() {
        if (parent != null) parent.children.remove(this);
        parent = null;
    }

    /** True if {@code other} is this node or one of its ancestors. */
    boolean hasAncestorOrSelf(ThreadNode other) {
        for (ThreadNode n = this; n != null; n = n.parent) {
            if (n == other) return true;
        }
        return false;
    }

    /** Sorts every level below these nodes by {@link #BY_DATE}, deepest first. */
    static void sortDeep(List<ThreadNode> nodes) {
        for (ThreadNode n : nodes) sortDeep(n.children);
        nodes.sort(BY_DATE);
    }

    /** RFC 5256 §4: {@code (2)(3 6 (4 23)(44 7 96))}; empty for no threads. */
    static String render(List<ThreadNode> roots) {
        StringBuilder sb = new StringBuilder();
        for (ThreadNode r : roots) {
            sb.append('(');
            r.members(sb);
            sb.append(')');
        }
        return sb.toString();
    }

    /** thread-members: a chain of single children written flat, then 2*thread-list for a fork. */
    private void members(StringBuilder sb) {
        if (isDummy()) {
            nested(sb, children);
            return;
        }
        sb.append(message.number());
        ThreadNode n = this;
        while (n.children.size() == 1 && !n.children.get(0).isDummy()) {
            n = n.children.get(0);
            sb.append(' ').append(n.message.number());
        }
        if (!n.children.isEmpty()) {
            sb.append(' ');
            nested(sb, n.children);
        }
    }

    private static void nested(StringBuilder sb, List<ThreadNode> nodes) {
        if (nodes.size() == 1) {
            nodes.get(0).members(sb);
            return;
        }
        for (ThreadNode c : nodes) {
            sb.append('(');
            c.members(sb);
            sb.append(')');
        }
    }
}
