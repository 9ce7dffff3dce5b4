package io.tenmail.storage.model;

import java.util.List;
import java.util.Optional;

/**
 * The allow and block lists that apply to one recipient: its tenant's and its own account's.
 * The decision for a sender ({@link #verdictFor}) follows from specificity:
 * <ol>
 *   <li>the user's own list before the tenant's (a user may allow what the tenant blocks);
 *   <li>within one list, an exact address before a whole domain ({@code boss@partner.example}
 *       allowed inside a blocked {@code *@partner.example});
 *   <li>at equal specificity, block before allow.
 * </ol>
 */
public record SpamLists(List<SpamListEntry> tenant, List<SpamListEntry> user) {
    public static final SpamLists NONE = new SpamLists(List.of(), List.of());

    public SpamLists {
        tenant = List.copyOf(tenant);
        user = List.copyOf(user);
    }

    /** Allow, block, or empty when no entry covers the sender (the null sender {@code <>} never matches). */
    public Optional<SpamListEntry.Kind> verdictFor(String sender) {
        Optional<SpamListEntry.Kind> own = decide(user, sender);
        return own.isPresent() ? own : decide(tenant, sender);
    }

    private static Optional<SpamListEntry.Kind> decide(List<SpamListEntry> entries, String sender) {
        Optional<SpamListEntry.Kind> exact = strongest(entries, sender, false);
        return exact.isPresent() ? exact : strongest(entries, sender, true);
    }

    private static Optional<SpamListEntry.Kind> strongest(List<SpamListEntry> entries, String sender, boolean domain) {
        List<SpamListEntry> hits = entries.stream().filter(e -> e.isDomain() == domain && e.matches(sender)).toList();
        if (hits.isEmpty()) return Optional.empty();
        return Optional.of(hits.stream().anyMatch(e -> e.kind() == SpamListEntry.Kind.BLOCK) ? SpamListEntry.Kind.BLOCK : SpamListEntry.Kind.ALLOW);
    }
}
