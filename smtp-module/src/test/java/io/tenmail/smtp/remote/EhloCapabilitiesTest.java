package io.tenmail.smtp.remote;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EhloCapabilitiesTest {

    @Test
    void keywordsSizeAndAuthMechanismsAreRead() {
        EhloCapabilities c = EhloCapabilities.parse(List.of("mx.example.com greets you", "pipelining", "SIZE 35882577",
                "8BITMIME", "AUTH PLAIN LOGIN", "AUTH=XOAUTH2", "STARTTLS", "ENHANCEDSTATUSCODES", "DSN", "SMTPUTF8"));
        assertThat(c.offers("PIPELINING")).isTrue();
        assertThat(c.offers("STARTTLS")).isTrue();
        assertThat(c.offers("CHUNKING")).isFalse();
        assertThat(c.maxMessageOctets()).isEqualTo(35882577);
        assertThat(c.authMechanisms()).containsExactlyInAnyOrder("PLAIN", "LOGIN", "XOAUTH2");
    }

    @Test
    void theGreetingLineIsNoExtensionAndSizeWithoutLimitIsNone() {
        EhloCapabilities c = EhloCapabilities.parse(List.of("STARTTLS is just my name", "SIZE", "SIZE"));
        assertThat(c.offers("STARTTLS")).isFalse();
        assertThat(c.offers("SIZE")).isTrue();
        assertThat(c.maxMessageOctets()).isZero();
    }
}
