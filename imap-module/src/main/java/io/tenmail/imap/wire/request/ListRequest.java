package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.ListPattern;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * LIST (RFC 9051 §6.3.9) with LIST-EXTENDED (RFC 5258), LIST-STATUS (RFC 5819) and SPECIAL-USE
 * (RFC 6154 §5). Reference and patterns are decoded to Unicode.
 *
 * @param selection     selection options; RECURSIVEMATCH never alone (RFC 5258 §3)
 * @param patterns      one or more (several only in the extended syntax)
 * @param returns       return options; {@link ReturnOption#STATUS} comes with {@code statusItems}
 * @param statusItems   the items of {@code RETURN (STATUS (...))}, in the order asked
 * @param extended      the extended syntax was used (selection options, return options, or a
 *                      parenthesised pattern list): RFC 5258 §3 then asks for more in the responses
 */
public record ListRequest(String tag, Set<SelectionOption> selection, String reference, List<String> patterns,
                          Set<ReturnOption> returns, List<StatusItem> statusItems, boolean extended)
        implements ImapRequest {

    /** RFC 5258 §3.1 list-select-opt, RFC 6154 §5. */
    public enum SelectionOption { SUBSCRIBED, REMOTE, RECURSIVEMATCH, SPECIAL_USE }

    /** RFC 5258 §3.2 return-option, RFC 5819, RFC 6154 §5. */
    public enum ReturnOption { SUBSCRIBED, CHILDREN, SPECIAL_USE, STATUS }

    public ListRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(reference, "reference");
        selection = selection.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(selection));
        returns = returns.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(returns));
        patterns = List.copyOf(patterns);
        statusItems = List.copyOf(statusItems);
        if (patterns.isEmpty()) throw new IllegalArgumentException("LIST needs a pattern");
        if (returns.contains(ReturnOption.STATUS) == statusItems.isEmpty()) {
            throw new IllegalArgumentException("STATUS return option and status items go together");
        }
    }

    /** The matchers for reference + each pattern. */
    public List<ListPattern> matchers() {
        return patterns.stream().map(p -> ListPattern.of(reference, p)).toList();
    }

    /**
     * RFC 9051 §6.3.9: {@code LIST "" ""} asks only for the hierarchy delimiter and root name.
     */
    public boolean asksForDelimiter() {
        return !extended && patterns.size() == 1 && patterns.get(0).isEmpty();
    }

    @Override
    public String name() {
        return "LIST";
    }
}
