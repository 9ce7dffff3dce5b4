package io.tenmail.smtp.spam;

import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.exceptions.TempFailException;

import java.util.List;

/** jDKIM's key look-up (RFC 6376 §3.6.2.2: TXT at selector._domainkey.domain) over {@link DnsLookups}. */
final class DkimKeyRetriever implements PublicKeyRecordRetriever {
    private final DnsLookups dns;

    DkimKeyRetriever(DnsLookups dns) {
        this.dns = dns;
    }

    @Override
    public List<String> getRecords(CharSequence methodAndOptions, CharSequence selector, CharSequence token)
            throws TempFailException, PermFailException {
        if (!"dns/txt".contentEquals(methodAndOptions)) {
            throw new PermFailException("only dns/txt is supported, not " + methodAndOptions);
        }
        try {
            return dns.txt(selector + "._domainkey." + token);
        } catch (DnsTemporaryFailure e) {
            throw new TempFailException(e.getMessage());
        }
    }
}
