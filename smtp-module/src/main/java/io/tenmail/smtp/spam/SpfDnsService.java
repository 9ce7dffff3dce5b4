package io.tenmail.smtp.spam;

import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.exceptions.TimeoutException;
import org.apache.james.jspf.impl.DNSServiceXBillImpl;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * jSPF's DNS service over {@link DnsLookups}: our resolvers and our cache instead of dnsjava's
 * JVM-wide ones. A look-up that DNS does not answer becomes jSPF's TimeoutException, which jSPF
 * turns into "temperror" (RFC 7208 §2.6.6).
 */
final class SpfDnsService extends DNSServiceXBillImpl {
    private final DnsLookups dns;

    SpfDnsService(DnsLookups dns) {
        super(dns.resolver());
        this.dns = dns;
    }

    @Override
    public List<String> getRecords(DNSRequest request) throws TimeoutException {
        int type = switch (request.getRecordType()) {
            case DNSRequest.A -> Type.A;
            case DNSRequest.AAAA -> Type.AAAA;
            case DNSRequest.MX -> Type.MX;
            case DNSRequest.PTR -> Type.PTR;
            case DNSRequest.TXT -> Type.TXT;
            case DNSRequest.SPF -> Type.SPF;
            default -> throw new IllegalArgumentException("record type " + request.getRecordType());
        };
        try {
            // jSPF reads null as "no records"
            return convertRecordsToList(dns.records(request.getHostname(), type).toArray(Record[]::new));
        } catch (DnsTemporaryFailure e) {
            throw new TimeoutException(e.getMessage());
        }
    }

    @Override
    public CompletionStage<List<String>> getRecordsAsync(DNSRequest request) {
        try {
            return CompletableFuture.completedFuture(getRecords(request));
        } catch (TimeoutException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
