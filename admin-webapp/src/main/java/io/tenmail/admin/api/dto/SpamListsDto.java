package io.tenmail.admin.api.dto;

import io.tenmail.storage.model.SpamListEntry;

import java.util.List;

/**
 * {@code SpamLists}: the senders an allow or block list names, each an address
 * ({@code boss@partner.example}) or a whole domain ({@code *@spam.example}); also the body of PUT,
 * which replaces both lists (a list left out is emptied).
 */
public record SpamListsDto(List<String> allow, List<String> block) {
    public static SpamListsDto from(List<SpamListEntry> entries) {
        return new SpamListsDto(patterns(entries, SpamListEntry.Kind.ALLOW), patterns(entries, SpamListEntry.Kind.BLOCK));
    }

    private static List<String> patterns(List<SpamListEntry> entries, SpamListEntry.Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).map(SpamListEntry::pattern).toList();
    }
}
