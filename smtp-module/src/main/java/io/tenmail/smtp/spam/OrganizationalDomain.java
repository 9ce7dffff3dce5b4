package io.tenmail.smtp.spam;

import java.util.Locale;
import java.util.Set;

/**
 * The organisational domain of RFC 7489 §3.2: the public suffix plus one label. Instead of the
 * full Public Suffix List (a 200 kB file that changes weekly) this knows the generic rule (the last
 * label is the suffix) and the multi-label suffixes most mail comes from (second-level registries
 * such as co.uk, com.au, com.cn; a few hosting suffixes). A suffix it does not know makes two
 * unrelated domains under it look related for relaxed alignment only in that country's second
 * level, never across organisations within the generic TLDs.
 */
public final class OrganizationalDomain {
    private static final Set<String> MULTI_LABEL_SUFFIXES = Set.of(
            "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk", "sch.uk",
            "com.au", "net.au", "org.au", "edu.au", "gov.au", "asn.au", "id.au",
            "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn",
            "com.hk", "org.hk", "net.hk", "edu.hk", "gov.hk", "com.tw", "org.tw", "net.tw", "edu.tw",
            "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "co.kr", "or.kr", "ac.kr", "go.kr",
            "co.nz", "org.nz", "net.nz", "ac.nz", "govt.nz", "co.za", "org.za", "gov.za", "ac.za",
            "com.br", "net.br", "org.br", "gov.br", "com.mx", "org.mx", "gob.mx", "com.ar", "com.tr",
            "co.in", "net.in", "org.in", "ac.in", "gov.in", "co.id", "or.id", "ac.id", "go.id",
            "com.sg", "edu.sg", "gov.sg", "com.my", "com.ph", "com.vn", "co.th", "ac.th", "co.il",
            "ac.il", "com.ru", "com.ua", "com.pl", "co.at", "or.at", "com.es", "com.pt", "com.gr",
            "github.io", "herokuapp.com", "blogspot.com", "azurewebsites.net", "cloudfront.net", "amazonaws.com");

    private OrganizationalDomain() {
    }

    /** The organisational domain of {@code domain} (lower case, without a trailing dot). */
    public static String of(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) d = d.substring(0, d.length() - 1);
        String[] labels = d.split("\\.");
        if (labels.length <= 2) return d;
        String lastTwo = labels[labels.length - 2] + "." + labels[labels.length - 1];
        int keep = MULTI_LABEL_SUFFIXES.contains(lastTwo) ? 3 : 2;
        StringBuilder out = new StringBuilder();
        for (int i = labels.length - keep; i < labels.length; i++) {
            if (!out.isEmpty()) out.append('.');
            out.append(labels[i]);
        }
        return out.toString();
    }
}
