package io.tenmail.admin.api.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationFilterTest {
    @Test
    void theBearerSchemeIsCaseInsensitiveAndTheTokenIsTrimmed() {
        assertThat(AuthenticationFilter.bearerToken("Bearer abc")).isEqualTo("abc");
        assertThat(AuthenticationFilter.bearerToken("bearer   abc  ")).isEqualTo("abc");
        assertThat(AuthenticationFilter.bearerToken("BEARER abc")).isEqualTo("abc");
    }

    @Test
    void otherSchemesAndEmptyTokensAreNoToken() {
        assertThat(AuthenticationFilter.bearerToken(null)).isNull();
        assertThat(AuthenticationFilter.bearerToken("Basic YWxhZGRpbjpvcGVuc2VzYW1l")).isNull();
        assertThat(AuthenticationFilter.bearerToken("Bearer")).isNull();
        assertThat(AuthenticationFilter.bearerToken("Bearer    ")).isNull();
    }

    @Test
    void thePlatformTokenMatchesOnlyItself() {
        PlatformToken token = new PlatformToken("secret-token");
        assertThat(token.matches("secret-token")).isTrue();
        assertThat(token.matches(" secret-token\n")).isTrue();
        assertThat(token.matches("secret-token2")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }
}
