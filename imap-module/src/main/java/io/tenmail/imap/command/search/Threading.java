package io.tenmail.imap.command.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two threading algorithms of RFC 5256 §3, on the data stored at delivery. Pure functions of
 * their input; the input is in mailbox order.
 */
final class Threading {

    private Threading() {
    }

    /**
     * ORDEREDSUBJECT: messages grouped by base subject; in each group the earliest message (sent
     * date, then mailbox order) is the parent of all the others; groups ordered by their first
     * message.
     */
    static List<ThreadNode> orderedSubject(List<ThreadMessage> messages) {
        List<ThreadMessage> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.comparing((ThreadMessage m) -> m.subject().key(), Collation.ASCII_CASEMAP)
                .thenComparing(ThreadMessage::sentDate).thenComparingInt(ThreadMessage::seq));
        List<ThreadNode> roots = new ArrayList<>();
        ThreadNode current = null;
        for (ThreadMessage m : sorted) {
            ThreadNode node = new ThreadNode(m);
            if (current != null && current.message.subject().key().equals(m.subject().key())) {
                current.addChild(node);
            } else {
                current = node;
                roots.add(node);
            }
        }
        roots.sort(ThreadNode.BY_DATE);
        return roots;
    }

    /** REFERENCES: RFC 5256 §3 steps 1 to 7 (Jamie Zawinski's algorithm with the RFC's merge rules). */
    static List<ThreadNode> references(List<ThreadMessage> messages) {
        // (1) link messages and the ids they reference
        Map<String, ThreadNode> byId = new HashMap<>();
        List<ThreadNode> all = new ArrayList<>();
        for (ThreadMessage m : messages) {
            ThreadNode own;
            ThreadNode known = m.messageId() == null ? null : byId.get(m.messageId());
            if (m.messageId() == null || known != null && !known.isDummy()) {
                own = new ThreadNode(m);   // no id, or a duplicate: a unique id nobody references
                all.add(own);
            } else if (known != null) {
                own = known;
                own.message = m;
            } else {
                own = new ThreadNode(m);
                byId.put(m.messageId(), own);
                all.add(own);
            }
            // (1A) each reference is the parent of the next, unless already linked or a loop
            ThreadNode previous = null;
            for (String ref : m.references()) {
                ThreadNode node = byId.get(ref);
                if (node == null) {
                    node = new ThreadNode(null);
                    byId.put(ref, node);
                    all.add(node);
                }
                if (previous != null && node.parent == null && !previous.hasAncestorOrSelf(node)) previous.addChild(node);
                previous = node;
            }
            // (1B) the last reference is this message's parent, replacing an older link, unless a loop
            if (previous == null) {
                own.detach();
            } else if (!previous.hasAncestorOrSelf(own)) {
                own.detach();
                previous.addChild(own);
            }
        }
        // (2) the root set; (3) the id table is no longer needed
        List<ThreadNode> roots = new ArrayList<>();
        for (ThreadNode n : all) if (n.parent == null) roots.add(n);
        // (4) prune dummies
        roots = prune(roots, true);
        // (5) sort the root set by sent date, a dummy by its first child
        for (ThreadNode r : roots) if (r.isDummy()) r.children.sort(ThreadNode.BY_DATE);
        roots.sort(ThreadNode.BY_DATE);
        // (6) merge threads with the same base subject
        mergeBySubject(roots);
        // (7) sort every set of siblings
        ThreadNode.sortDeep(roots);
        return roots;
    }

    /** (4) drop childless dummies; promote a dummy's children unless that puts 2+ of them in the root set. */
    private static List<ThreadNode> prune(List<ThreadNode> siblings, boolean root) {
        List<ThreadNode> out = new ArrayList<>();
        for (ThreadNode n : siblings) {
            List<ThreadNode> kept = prune(new ArrayList<>(n.children), false);
            n.children.clear();
            for (ThreadNode c : kept) n.addChild(c);
            if (n.isDummy() && n.children.isEmpty()) continue;
            if (n.isDummy() && (!root || n.children.size() == 1)) {
                for (ThreadNode c : n.children) c.parent = n.parent;
                out.addAll(n.children);
                continue;
            }
            out.add(n);
        }
        return out;
    }

    private static void mergeBySubject(List<ThreadNode> roots) {
        // (6A, 6B) one thread per base subject: prefer a dummy, then a message that is no reply
        Map<String, ThreadNode> table = new LinkedHashMap<>();
        for (ThreadNode r : roots) {
            BaseSubject s = r.first().message.subject();
            if (s.text().isEmpty()) continue;
            ThreadNode old = table.get(s.key());
            if (old == null || !old.isDummy() && (r.isDummy()
                    || old.message.subject().replyOrForward() && !s.replyOrForward())) {
                table.put(s.key(), r);
            }
        }
        // (6C) merge each other thread into the table's
        for (ThreadNode r : new ArrayList<>(roots)) {
            if (r.parent != null) continue;   // already merged under a new dummy
            BaseSubject s = r.first().message.subject();
            if (s.text().isEmpty()) continue;
            ThreadNode t = table.get(s.key());
            if (t == null || t == r) continue;
            if (t.isDummy() && r.isDummy()) {
                for (ThreadNode c : new ArrayList<>(r.children)) t.addChild(c);
                r.children.clear();
                roots.remove(r);
            } else if (t.isDummy() || s.replyOrForward() && !t.message.subject().replyOrForward()) {
                roots.remove(r);
                t.addChild(r);
            } else {
                ThreadNode dummy = new ThreadNode(null);
                roots.set(roots.indexOf(t), dummy);
                roots.remove(r);
                dummy.addChild(t);
                dummy.addChild(r);
                table.put(s.key(), dummy);
            }
        }
    }
}
