package io.tenmail.smtp.spam;

import org.apache.mailet.Mail;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The attributes the authentication checks leave on a mail for the ones after them (DMARC reads
 * SPF's and DKIM's) and for {@link AuthenticationResultsStamp}. All values are strings.
 */
public final class AuthAttributes {
    /** The SPF result (RFC 7208 §2.6): none, neutral, pass, fail, softfail, temperror, permerror. */
    public static final String SPF_RESULT = "tenmail.auth.spf";
    /** The domain SPF checked: the MAIL FROM domain, or the HELO name for a null sender (RFC 7208 §2.4). */
    public static final String SPF_DOMAIN = "tenmail.auth.spf-domain";
    /** The summary DKIM result: none, pass, fail, temperror, permerror (RFC 8601 §2.7.1). */
    public static final String DKIM_RESULT = "tenmail.auth.dkim";
    /** The d= domains of the signatures that verified, comma-separated. */
    public static final String DKIM_PASS_DOMAINS = "tenmail.auth.dkim-pass-domains";
    /** The DMARC result: none, pass, fail, temperror, permerror (RFC 7489 §11.2). */
    public static final String DMARC_RESULT = "tenmail.auth.dmarc";
    /** The DMARC policy applied after pct: none, quarantine, reject (absent unless the result is fail). */
    public static final String DMARC_POLICY = "tenmail.auth.dmarc-policy";
    /** The resinfo clauses gathered for Authentication-Results, separated by {@link #CLAUSE_SEPARATOR}. */
    public static final String RESULTS = "tenmail.auth.results";
    static final String CLAUSE_SEPARATOR = "\n";

    private AuthAttributes() {
    }

    static Optional<String> get(Mail mail, String name) {
        return SpamScore.string(mail, name);
    }

    static void set(Mail mail, String name, String value) {
        SpamScore.set(mail, name, value);
    }

    /** Records one RFC 8601 resinfo ("spf=pass smtp.mailfrom=example.com"), replacing earlier ones of the same method. */
    static void addResult(Mail mail, String method, String resinfo) {
        addResults(mail, method, List.of(resinfo));
    }

    /** Records the resinfos of one method (DKIM has one per signature), replacing earlier ones of that method. */
    static void addResults(Mail mail, String method, List<String> resinfos) {
        List<String> all = new java.util.ArrayList<>(clauses(mail).stream().filter(c -> !c.startsWith(method + "=")).toList());
        all.addAll(resinfos);
        set(mail, RESULTS, String.join(CLAUSE_SEPARATOR, all));
    }

    static List<String> clauses(Mail mail) {
        return get(mail, RESULTS).filter(s -> !s.isBlank())
                .map(s -> Arrays.stream(s.split(CLAUSE_SEPARATOR)).filter(c -> !c.isBlank()).toList())
                .orElse(List.of());
    }

    /**
     * True for mail a logged-in user submitted, or that came from this host (a loopback client: a
     * local relay or web mail, as Postfix's mynetworks default trusts): it is ours to sign, not to
     * check.
     */
    public static boolean trusted(Mail mail) {
        if (get(mail, "tenmail.smtp.auth-user").filter(s -> !s.isBlank()).isPresent()) return true;
        String client = get(mail, "tenmail.smtp.client-address").orElse(mail.getRemoteAddr());
        if (client == null || client.isBlank()) return false;
        try {
            // a literal address: parsed without a DNS query
            return java.net.InetAddress.getByName(client).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
