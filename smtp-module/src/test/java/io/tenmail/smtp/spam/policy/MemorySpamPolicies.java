package io.tenmail.smtp.spam.policy;

import io.tenmail.storage.SpamPolicies;
import io.tenmail.storage.model.SpamListEntry;
import io.tenmail.storage.model.SpamLists;
import io.tenmail.storage.model.SpamPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link SpamPolicies} in memory for the rules' unit tests: policies by domain, lists by recipient, greylisting as the JPA one. */
final class MemorySpamPolicies implements SpamPolicies {
    final Map<String, SpamPolicy> policies = new HashMap<>();
    final Map<String, List<SpamListEntry>> userLists = new HashMap<>();
    private final Map<String, Instant[]> greylist = new HashMap<>();

    MemorySpamPolicies policy(String domain, SpamPolicy policy) {
        policies.put(domain, policy);
        return this;
    }

    MemorySpamPolicies list(String recipient, SpamListEntry... entries) {
        userLists.put(recipient.toLowerCase(Locale.ROOT), List.of(entries));
        return this;
    }

    @Override
    public SpamPolicy policyFor(String domainName) {
        return policies.getOrDefault(domainName.toLowerCase(Locale.ROOT), SpamPolicy.DEFAULT);
    }

    @Override
    public SpamLists listsFor(String recipientAddress) {
        return new SpamLists(List.of(), userLists.getOrDefault(recipientAddress.toLowerCase(Locale.ROOT), List.of()));
    }

    @Override
    public synchronized Instant greylistSighting(String tripletKey, Instant now, Duration memory) {
        Instant[] seen = greylist.get(tripletKey);
        if (seen == null || seen[1].isBefore(now.minus(memory))) {
            greylist.put(tripletKey, new Instant[] {now, now});
            return now;
        }
        seen[1] = now;
        return seen[0];
    }

    @Override
    public synchronized long forgetGreylistBefore(Instant lastSeenBefore) {
        int before = greylist.size();
        greylist.values().removeIf(seen -> seen[1].isBefore(lastSeenBefore));
        return before - greylist.size();
    }

    static SpamPolicy with(boolean greylisting, boolean dmarc, double junk, double reject) {
        return new SpamPolicy(true, true, dmarc, true, true, true, greylisting, junk, reject);
    }
}
