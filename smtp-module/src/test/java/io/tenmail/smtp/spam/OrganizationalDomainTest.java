package io.tenmail.smtp.spam;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationalDomainTest {

    @Test
    void aGenericDomainKeepsTwoLabels() {
        assertThat(OrganizationalDomain.of("mail.Example.COM.")).isEqualTo("example.com");
        assertThat(OrganizationalDomain.of("example.com")).isEqualTo("example.com");
    }

    @Test
    void aKnownSecondLevelSuffixKeepsThreeLabels() {
        assertThat(OrganizationalDomain.of("smtp.mail.example.co.uk")).isEqualTo("example.co.uk");
        assertThat(OrganizationalDomain.of("a.b.example.com.cn")).isEqualTo("example.com.cn");
    }

    @Test
    void hostingSuffixesSeparateTheirCustomers() {
        assertThat(OrganizationalDomain.of("alice.github.io")).isNotEqualTo(OrganizationalDomain.of("mallory.github.io"));
    }

    @Test
    void relaxedAlignmentComparesOrganisationalDomains() {
        assertThat(DmarcCheck.aligned("bounces.example.com", "example.com", false)).isTrue();
        assertThat(DmarcCheck.aligned("bounces.example.com", "example.com", true)).isFalse();
        assertThat(DmarcCheck.aligned("example.co.uk", "other.co.uk", false)).isFalse();
    }
}
