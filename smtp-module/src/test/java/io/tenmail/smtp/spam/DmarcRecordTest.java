package io.tenmail.smtp.spam;

import io.tenmail.smtp.spam.DmarcRecord.Policy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DmarcRecordTest {

    @Test
    void theRfcExampleParses() {
        // RFC 7489 §6.3 / appendix B.2.1
        DmarcRecord r = DmarcRecord.parse("v=DMARC1; p=none; rua=mailto:dmarc-feedback@example.com").orElseThrow();
        assertThat(r).isEqualTo(new DmarcRecord(Policy.NONE, Policy.NONE, 100, false, false));
    }

    @Test
    void everyDecidingTagIsRead() {
        DmarcRecord r = DmarcRecord.parse("v=DMARC1;p=reject;sp=quarantine;pct=20;adkim=s;aspf=s").orElseThrow();
        assertThat(r).isEqualTo(new DmarcRecord(Policy.REJECT, Policy.QUARANTINE, 20, true, true));
    }

    @Test
    void withoutSpThePolicyCoversSubdomains() {
        assertThat(DmarcRecord.parse("v=DMARC1; p=quarantine").orElseThrow().subdomainPolicy()).isEqualTo(Policy.QUARANTINE);
    }

    @Test
    void aRecordNotStartingWithTheVersionIsIgnored() {
        assertThat(DmarcRecord.parse("p=reject; v=DMARC1")).isEmpty();
        assertThat(DmarcRecord.parse("v=spf1 -all")).isEmpty();
    }

    @Test
    void aRecordWithoutValidPolicyIsIgnoredUnlessItAsksForReports() {
        assertThat(DmarcRecord.parse("v=DMARC1; p=block")).isEmpty();
        assertThat(DmarcRecord.parse("v=DMARC1; rua=mailto:d@example.test").orElseThrow().policy()).isEqualTo(Policy.NONE);
    }

    @Test
    void anInvalidPercentageMeansAllMail() {
        assertThat(DmarcRecord.parse("v=DMARC1; p=reject; pct=lots").orElseThrow().percent()).isEqualTo(100);
        assertThat(DmarcRecord.parse("v=DMARC1; p=reject; pct=250").orElseThrow().percent()).isEqualTo(100);
    }

    @Test
    void theNextWeakerPolicyStepsDownToNone() {
        assertThat(Policy.REJECT.weaker()).isEqualTo(Policy.QUARANTINE);
        assertThat(Policy.QUARANTINE.weaker()).isEqualTo(Policy.NONE);
        assertThat(Policy.NONE.weaker()).isEqualTo(Policy.NONE);
    }
}
