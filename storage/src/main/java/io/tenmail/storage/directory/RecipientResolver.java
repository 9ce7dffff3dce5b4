package io.tenmail.storage.directory;

import io.tenmail.storage.directory.DirectoryLookup.AccountEntry;
import io.tenmail.storage.directory.DirectoryLookup.AliasEntry;
import io.tenmail.storage.directory.DirectoryLookup.Entry;
import io.tenmail.storage.directory.DirectoryLookup.GroupEntry;
import io.tenmail.storage.directory.DirectoryLookup.LocalDomain;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.Resolution;
import io.tenmail.storage.model.SendPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where mail for an address goes, and who may send as or post to what; the rules behind
 * {@code Directory.resolve}, {@code mayPost} and {@code maySendAs}, over a {@link DirectoryLookup}.
 *
 * <p>Expansion rules:
 * <ul>
 *   <li>a domain alias name is read as the domain's own name;</li>
 *   <li>an account receives the mail, unless it is disabled: then it receives nothing, and an
 *       address that leads only to disabled accounts is an unknown local recipient;</li>
 *   <li>an alias expands to its targets and a group to its members, recursively, both local and
 *       external; every group passed through is reported so the caller can check its policy;</li>
 *   <li>the domain's catch-all takes an address only when no account, alias or group answers to
 *       its local part (a disabled account still answers, so its mail does not leak to the
 *       catch-all);</li>
 *   <li>every address is visited once, which ends loops and removes duplicates; the depth of
 *       nesting and the number of addresses visited are bounded, so a pathological directory
 *       costs bounded work; what lies beyond a bound contributes nothing and is logged.</li>
 * </ul>
 * Not thread-safe by itself: use one per request, like its lookup.
 */
public final class RecipientResolver {
    private static final Logger log = LoggerFactory.getLogger(RecipientResolver.class);
    /** Nesting of aliases, groups and catch-all past which expansion stops. */
    public static final int MAX_DEPTH = 10;
    /** Addresses visited in one expansion past which it stops. */
    public static final int MAX_ADDRESSES = 10_000;

    private final DirectoryLookup lookup;

    public RecipientResolver(DirectoryLookup lookup) {
        this.lookup = lookup;
    }

    /** Expands {@code recipient}; see the class comment for the rules. */
    public Resolution resolve(EmailAddress recipient) {
        if (lookup.domain(recipient.domain()).isEmpty()) return Resolution.notLocal();
        Expansion x = new Expansion();
        x.address(recipient, 0);
        return x.resolution();
    }

    /**
     * Whether {@code sender} may post to {@code group}: anyone under ANYONE; under SAME_DOMAIN a
     * sender in the group's domain or one of its alias names; under MEMBERS an address listed in
     * the group (directly or through nested groups and aliases) or an account the group delivers to.
     */
    public boolean mayPost(GroupEntry group, EmailAddress sender) {
        if (group.policy() == SendPolicy.ANYONE) return true;
        Optional<LocalDomain> senderDomain = lookup.domain(sender.domain());
        if (group.policy() == SendPolicy.SAME_DOMAIN) {
            return senderDomain.isPresent() && senderDomain.get().name().equals(group.address().domain());
        }
        Expansion x = new Expansion();
        x.visited.add(group.address().key());
        x.entry(group, 0);
        if (senderDomain.isEmpty()) return x.external.containsKey(sender.key());
        String senderKey = DirectoryLookup.key(sender.localPart(), senderDomain.get().name());
        if (!senderKey.equals(group.address().key()) && x.visited.contains(senderKey)) return true;
        Optional<Entry> entry = lookup.entry(senderDomain.get(), sender.localPart());
        return entry.isPresent() && entry.get() instanceof AccountEntry a && x.accounts.contains(a.id());
    }

    /**
     * Whether {@code account} may use {@code from} as its sender: its own address (in any alias
     * name of its domain), an alias whose expansion delivers to it, or a group that delivers to it
     * and lets it post. A catch-all never counts: receiving stray mail is no licence to send as it.
     */
    public boolean maySendAs(AccountId account, EmailAddress from) {
        Optional<LocalDomain> domain = lookup.domain(from.domain());
        if (domain.isEmpty()) return false;
        Optional<Entry> entry = lookup.entry(domain.get(), from.localPart());
        if (entry.isEmpty()) return false;
        if (entry.get() instanceof AccountEntry a) return a.id().equals(account);
        Expansion x = new Expansion();
        x.visited.add(entry.get().address().key());
        x.entry(entry.get(), 0);
        if (!x.accounts.contains(account)) return false;
        if (entry.get() instanceof GroupEntry g) {
            Optional<AccountEntry> self = lookup.account(account);
            return self.isPresent() && mayPost(g, self.get().address());
        }
        return true;
    }

    /** One depth-first walk through the directory. */
    private final class Expansion {
        final Set<String> visited = new HashSet<>();
        final Set<AccountId> accounts = new LinkedHashSet<>();
        final Map<String, EmailAddress> external = new LinkedHashMap<>();
        final Set<GroupId> groups = new LinkedHashSet<>();

        void address(EmailAddress address, int depth) {
            if (depth > MAX_DEPTH) {
                log.warn("recipient expansion deeper than {} at {}; that branch is dropped", MAX_DEPTH, address);
                return;
            }
            Optional<LocalDomain> domain = lookup.domain(address.domain());
            if (domain.isEmpty()) {
                external.putIfAbsent(address.key(), address);
                return;
            }
            String key = DirectoryLookup.key(address.localPart(), domain.get().name());
            if (visited.contains(key)) return;
            if (visited.size() >= MAX_ADDRESSES) {
                log.warn("recipient expansion visited {} addresses; {} and the rest are dropped", MAX_ADDRESSES, address);
                return;
            }
            visited.add(key);
            Optional<Entry> entry = lookup.entry(domain.get(), address.localPart());
            if (entry.isPresent()) {
                entry(entry.get(), depth);
            } else if (domain.get().catchAll().isPresent()) {
                address(domain.get().catchAll().get(), depth + 1);
            }
        }

        void entry(Entry entry, int depth) {
            if (entry instanceof AccountEntry a) {
                if (a.enabled()) accounts.add(a.id());
            } else if (entry instanceof AliasEntry alias) {
                for (EmailAddress target : alias.targets()) address(target, depth + 1);
            } else if (entry instanceof GroupEntry group) {
                groups.add(group.id());
                for (EmailAddress member : group.members()) address(member, depth + 1);
            }
        }

        Resolution resolution() {
            if (accounts.isEmpty() && external.isEmpty()) return Resolution.unknownLocal();
            return new Resolution(Resolution.Kind.LOCAL, accounts, List.copyOf(external.values()), List.copyOf(groups));
        }
    }
}
