package io.tenmail.protocol.sasl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SaslLoginTest {

    @Test
    void challengesAreTheWellKnownBase64Prompts() {
        assertThat(SaslLogin.USERNAME_CHALLENGE).isEqualTo("VXNlcm5hbWU6");
        assertThat(SaslLogin.PASSWORD_CHALLENGE).isEqualTo("UGFzc3dvcmQ6");
    }

    @Test
    void exchangeAsksForUserNameThenPassword() throws Exception {
        SaslLogin login = SaslLogin.start(null);
        assertThat(login.challenge()).isEqualTo(SaslLogin.USERNAME_CHALLENGE);
        login.respond(SaslResponse.encodeBase64("alice@example.test"));
        assertThat(login.isComplete()).isFalse();
        assertThat(login.challenge()).isEqualTo(SaslLogin.PASSWORD_CHALLENGE);
        login.respond(SaslResponse.encodeBase64("s3cret"));
        assertThat(login.isComplete()).isTrue();
        assertThat(login.credentials()).isEqualTo(new SaslCredentials("", "alice@example.test", "s3cret"));
    }

    @Test
    void initialResponseCarriesTheUserName() throws Exception {
        SaslLogin login = SaslLogin.start(SaslResponse.encodeBase64("alice@example.test"));
        assertThat(login.challenge()).isEqualTo(SaslLogin.PASSWORD_CHALLENGE);
    }

    @Test
    void emptyAnswersAreRefused() throws Exception {
        SaslLogin login = SaslLogin.start(null);
        assertThatThrownBy(() -> login.respond("=")).hasMessage("LOGIN response has an empty user name");
        login.respond(SaslResponse.encodeBase64("alice"));
        assertThatThrownBy(() -> login.respond("")).hasMessage("LOGIN response has an empty password");
    }

    @Test
    void badBase64IsRefused() {
        assertThatThrownBy(() -> SaslLogin.start("???")).isInstanceOf(SaslResponseException.class)
                .hasMessage("LOGIN response is not valid base64");
    }

    @Test
    void credentialsBeforeTheEndAreAProgrammingError() throws Exception {
        SaslLogin login = SaslLogin.start(null);
        assertThatThrownBy(login::credentials).isInstanceOf(IllegalStateException.class);
    }
}
