package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.ImapSyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * LIST (RFC 9051 §6.3.9, LIST-EXTENDED RFC 5258, LIST-STATUS RFC 5819, SPECIAL-USE RFC 6154 §5),
 * LSUB (RFC 3501 §6.3.9) and the status item list shared with STATUS.
 */
final class ListParser {

    private ListParser() {
    }

    /**
     * RFC 9051 §6.3.9 and RFC 5258 §3:
     * "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts].
     */
    static ListRequest list(ArgumentReader r, String tag) throws ImapSyntaxException {
        r.sp();
        boolean extended = false;
        Set<ListRequest.SelectionOption> selection = EnumSet.noneOf(ListRequest.SelectionOption.class);
        if (r.tryConsume('(')) {
            extended = true;
            if (!r.tryConsume(')')) {
                do {
                    String option = r.keyword("selection option");
                    selection.add(switch (option) {
                        case "SUBSCRIBED" -> ListRequest.SelectionOption.SUBSCRIBED;
                        case "REMOTE" -> ListRequest.SelectionOption.REMOTE;
                        case "RECURSIVEMATCH" -> ListRequest.SelectionOption.RECURSIVEMATCH;
                        case "SPECIAL-USE" -> ListRequest.SelectionOption.SPECIAL_USE;
                        // RFC 5258 §3: unrecognised selection options are a BAD
                        default -> throw r.error("Unknown selection option " + option);
                    });
                } while (r.trySp());
                r.expect(')');
            }
            r.sp();
            // RFC 5258 §3: RECURSIVEMATCH modifies SUBSCRIBED (or SPECIAL-USE), never stands alone
            if (selection.contains(ListRequest.SelectionOption.RECURSIVEMATCH)
                    && !selection.contains(ListRequest.SelectionOption.SUBSCRIBED)
                    && !selection.contains(ListRequest.SelectionOption.SPECIAL_USE)) {
                throw r.error("RECURSIVEMATCH needs SUBSCRIBED or SPECIAL-USE");
            }
        }
        String reference = r.pattern(r.astring("reference name"));
        r.sp();
        List<String> patterns = new ArrayList<>();
        if (r.tryConsume('(')) {
            extended = true;
            do {
                patterns.add(r.pattern(r.listMailbox("mailbox pattern")));
            } while (r.trySp());
            r.expect(')');
        } else {
            patterns.add(r.pattern(r.listMailbox("mailbox pattern")));
        }
        Set<ListRequest.ReturnOption> returns = EnumSet.noneOf(ListRequest.ReturnOption.class);
        List<StatusItem> statusItems = List.of();
        if (r.trySp()) {
            if (!r.tryWord("RETURN")) throw r.error("Expected RETURN at " + r.describeRest());
            extended = true;
            r.sp();
            r.expect('(');
            if (!r.tryConsume(')')) {
                do {
                    String option = r.keyword("return option");
                    switch (option) {
                        case "SUBSCRIBED" -> returns.add(ListRequest.ReturnOption.SUBSCRIBED);
                        case "CHILDREN" -> returns.add(ListRequest.ReturnOption.CHILDREN);
                        case "SPECIAL-USE" -> returns.add(ListRequest.ReturnOption.SPECIAL_USE);
                        case "STATUS" -> {
                            if (!statusItems.isEmpty()) throw r.error("STATUS given twice");
                            r.sp();
                            statusItems = statusItems(r);
                            returns.add(ListRequest.ReturnOption.STATUS);
                        }
                        // RFC 5258 §3: unrecognised return options are a BAD
                        default -> throw r.error("Unknown return option " + option);
                    }
                } while (r.trySp());
                r.expect(')');
            }
        }
        return new ListRequest(tag, selection, reference, patterns, returns, statusItems, extended);
    }

    static LsubRequest lsub(ArgumentReader r, String tag) throws ImapSyntaxException {
        r.sp();
        String reference = r.pattern(r.astring("reference name"));
        r.sp();
        String pattern = r.pattern(r.listMailbox("mailbox pattern"));
        return new LsubRequest(tag, reference, pattern);
    }

    /** "(" status-att *(SP status-att) ")". */
    static List<StatusItem> statusItems(ArgumentReader r) throws ImapSyntaxException {
        r.expect('(');
        Set<StatusItem> items = new LinkedHashSet<>();
        do {
            String name = r.keyword("status item");
            items.add(StatusItem.lookup(name).orElseThrow(() -> r.error("Unknown status item " + name)));
        } while (r.trySp());
        r.expect(')');
        return List.copyOf(items);
    }
}
