package io.tenmail.smtp.spam;

import org.apache.james.jdkim.api.PublicKeyRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DkimKeyCacheTest {
    @Test
    void theSameRecordTextIsParsedOnceAndItsKeyBuiltOnce() throws Exception {
        DkimKeyCache cache = new DkimKeyCache();
        String text = new DkimKeys().dnsRecord();
        PublicKeyRecord first = cache.record(text);
        PublicKeyRecord again = cache.record(text);
        assertThat(again).isSameAs(first);
        assertThat(again.getPublicKey()).isSameAs(first.getPublicKey());
    }

    @Test
    void aChangedRecordInDnsIsANewEntry() throws Exception {
        DkimKeyCache cache = new DkimKeyCache();
        PublicKeyRecord old = cache.record(new DkimKeys().dnsRecord());
        PublicKeyRecord rotated = cache.record(new DkimKeys().dnsRecord());
        assertThat(rotated.getPublicKey()).isNotEqualTo(old.getPublicKey());
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aRecordThatDoesNotParseIsNotKept() {
        DkimKeyCache cache = new DkimKeyCache();
        assertThatThrownBy(() -> cache.record("v=DKIM1; k=rsa; p")).isInstanceOf(IllegalStateException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheHoldsAtMostItsSize() throws Exception {
        DkimKeyCache cache = new DkimKeyCache();
        String text = new DkimKeys().dnsRecord();
        for (int i = 0; i <= DkimKeyCache.SIZE; i++) cache.record(text + "; n=" + i);
        assertThat(cache.size()).isEqualTo(DkimKeyCache.SIZE);
    }
}
