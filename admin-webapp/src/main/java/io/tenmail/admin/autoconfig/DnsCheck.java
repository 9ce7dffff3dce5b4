package io.tenmail.admin.autoconfig;

import io.tenmail.protocol.dns.DnsLookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Compares the records a domain should publish ({@link DnsRecords}, plus its DKIM keys) with what
 * the configured resolvers find. A record is OK when one published value equals the expected one
 * (names compared without case, TXT without white space); DIFFERENT when the name publishes
 * something of that kind but not that value (for TXT, "of that kind" means the same {@code v=} tag,
 * so a domain's other TXT records, e.g. site verifications, do not count); MISSING when it publishes
 * nothing of the kind; LOOKUP_FAILED when the resolver did not answer. Look-ups run in parallel
 * (virtual threads), so a slow resolver costs one time-out, not one per record. Thread-safe.
 */
public final class DnsCheck {
    /** The outcome for one expected record. */
    public enum Status {
        OK, MISSING, DIFFERENT, LOOKUP_FAILED;

        /** As the API spells it: ok, missing, different, lookup-failed. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One expected record, what was found of its kind, and the verdict. */
    public record Checked(DnsRecords.Record expected, List<String> found, Status status) {
    }

    private final DnsLookup dns;

    public DnsCheck(DnsLookup dns) {
        this.dns = dns;
    }

    public List<Checked> check(List<DnsRecords.Record> expected) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Checked>> futures = new ArrayList<>();
            for (DnsRecords.Record r : expected) futures.add(threads.submit(() -> check(r)));
            List<Checked> out = new ArrayList<>();
            for (Future<Checked> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("DNS check failed: " + e.getCause(), e.getCause());
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking DNS", e);
        }
    }

    private Checked check(DnsRecords.Record r) {
        List<String> published;
        try {
            published = dns.lookup(r.name(), r.type());
        } catch (DnsLookup.LookupFailedException e) {
            return new Checked(r, List.of(), Status.LOOKUP_FAILED);
        }
        List<String> ofKind = published.stream().filter(v -> sameKind(r, v)).toList();
        if (ofKind.isEmpty()) return new Checked(r, List.of(), Status.MISSING);
        String want = normal(r.type(), r.value());
        boolean match = ofKind.stream().anyMatch(v -> normal(r.type(), v).equals(want));
        return new Checked(r, ofKind, match ? Status.OK : Status.DIFFERENT);
    }

    /** For TXT: the same "v=" tag (v=spf1, v=DMARC1, v=DKIM1); other types: any value. */
    private static boolean sameKind(DnsRecords.Record r, String value) {
        if (!r.type().equals("TXT")) return true;
        String tag = tag(r.value());
        return tag.isEmpty() || tag.equals(tag(value));
    }

    private static String tag(String txt) {
        String t = txt.strip().toLowerCase(Locale.ROOT);
        if (!t.startsWith("v=")) return "";
        int end = t.indexOf(t.startsWith("v=spf1") ? ' ' : ';');
        return (end < 0 ? t : t.substring(0, end)).strip();
    }

    private static String normal(String type, String value) {
        return type.equals("TXT") ? value.replaceAll("\\s+", "") : value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
