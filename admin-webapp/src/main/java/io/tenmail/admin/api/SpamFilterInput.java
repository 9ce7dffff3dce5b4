package io.tenmail.admin.api;

import io.tenmail.admin.api.dto.SpamListsDto;
import io.tenmail.admin.api.dto.SpamPolicyDto;
import io.tenmail.admin.api.errors.InvalidInputException;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.model.SpamListEntry;
import io.tenmail.storage.model.SpamPolicy;

import java.util.ArrayList;
import java.util.List;

/** Checks the bodies of the spam-filter endpoints; a bad field is a 400 naming it. */
final class SpamFilterInput {

    private SpamFilterInput() {
    }

    static SpamPolicy policy(SpamPolicyDto body, SpamPolicy current) {
        Input.required("body", body);
        try {
            return body.applyTo(current);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage() != null && e.getMessage().startsWith("rejectThreshold") ? "rejectThreshold" : "junkThreshold";
            throw new InvalidInputException(field, e.getMessage());
        }
    }

    static List<SpamListEntry> lists(SpamListsDto body) {
        Input.required("body", body);
        List<SpamListEntry> entries = new ArrayList<>();
        add(entries, "allow", body.allow(), SpamListEntry.Kind.ALLOW);
        add(entries, "block", body.block(), SpamListEntry.Kind.BLOCK);
        if (entries.size() > DirectoryAdmin.MAX_SPAM_LIST) {
            throw new InvalidInputException("block", "at most " + DirectoryAdmin.MAX_SPAM_LIST + " entries in all");
        }
        return entries;
    }

    private static void add(List<SpamListEntry> entries, String field, List<String> patterns, SpamListEntry.Kind kind) {
        if (patterns == null) return;
        for (String p : patterns) {
            try {
                entries.add(new SpamListEntry(kind, p));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field, e.getMessage());
            }
        }
    }
}
