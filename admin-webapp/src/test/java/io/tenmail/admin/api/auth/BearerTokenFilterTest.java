package io.tenmail.admin.api.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenFilterTest {

    @Test
    void tokenIsTakenFromTheBearerScheme() {
        assertThat(BearerTokenFilter.bearerToken("Bearer abc")).isEqualTo("abc");
        assertThat(BearerTokenFilter.bearerToken("bearer   abc ")).isEqualTo("abc");
        assertThat(BearerTokenFilter.bearerToken("BEARER abc")).isEqualTo("abc");
    }

    @Test
    void otherSchemesAndEmptyTokensGiveNoToken() {
        assertThat(BearerTokenFilter.bearerToken(null)).isNull();
        assertThat(BearerTokenFilter.bearerToken("Basic YTpi")).isNull();
        assertThat(BearerTokenFilter.bearerToken("Bearer")).isNull();
        assertThat(BearerTokenFilter.bearerToken("Bearer ")).isNull();
        assertThat(BearerTokenFilter.bearerToken("Bearerabc")).isNull();
    }
}
