package io.tenmail.protocol.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Makes one {@link LoginThrottle} available to CDI, shared by every protocol server, so that
 * failures count per address and per account across SMTP, IMAP and POP3: a guesser gains nothing
 * by switching protocols.
 */
@ApplicationScoped
public class LoginThrottleProducer {

    // @Singleton: LoginThrottle is final and thread-safe; CDI cannot proxy it and need not
    @Produces
    @Singleton
    LoginThrottle loginThrottle() {
        return new LoginThrottle(LoginThrottle.PER_ADDRESS, LoginThrottle.PER_ACCOUNT, LoginThrottle.MAX_TRACKED_KEYS,
                Clock.systemUTC());
    }
}
