package io.tenmail.admin.it;

import io.tenmail.admin.it.ApiFixture.As;
import io.tenmail.admin.it.ApiFixture.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static io.tenmail.admin.it.ApiFixture.PASSWORD;
import static io.tenmail.admin.it.ApiFixture.encode;
import static org.assertj.core.api.Assertions.assertThat;

/** Console login, logout, CSRF, login throttling and API tokens. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsAndTokensIT {
    private static final As ANONYMOUS = new As(null, null, null);
    private ApiFixture api;
    private String domain;

    @BeforeAll
    void start() {
        api = ApiFixture.start();
        domain = ApiFixture.uniqueDomain();
        api.createDomain(domain);
    }

    @AfterAll
    void stop() {
        if (api != null) api.close();
    }

    private String newAccount() {
        String address = ApiFixture.unique("s") + "@" + domain;
        api.createAccount(address);
        return address;
    }

    private Reply login(String address, String password) {
        return api.send(ANONYMOUS, "POST", "/session", "{\"address\":\"" + address + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void loginSetsAnHttpOnlyStrictSessionCookieAndAnswersWhoIsLoggedIn() {
        String address = newAccount();
        Reply r = login(address, PASSWORD);
        assertThat(r.status()).isEqualTo(200);
        String cookie = r.header("Set-Cookie");
        assertThat(cookie).startsWith("tenmail_session=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .containsIgnoringCase("Path=/");
        assertThat(cookie).as("plain HTTP: no Secure flag").doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
        JsonObject me = r.json();
        assertThat(me.getString("role")).isEqualTo("USER");
        assertThat(me.getString("address")).isEqualTo(address);
        assertThat(me.getString("via")).isEqualTo("SESSION");
        assertThat(me.getString("csrfToken")).hasSizeGreaterThan(30);

        As session = ApiFixture.loggedIn(r);
        JsonObject again = api.send(session, "GET", "/session", null).json();
        assertThat(again.getString("csrfToken")).isEqualTo(me.getString("csrfToken"));
        assertThat(api.send(session, "GET", "/self/logins", null).array())
                .anyMatch(l -> l.asJsonObject().getString("protocol").equals("WEB")
                        && l.asJsonObject().getString("clientAddress").equals("127.0.0.1"));
    }

    @Test
    void anUnsafeRequestWithTheCookieButWithoutTheCsrfTokenIsRefused() {
        As session = api.login(newAccount(), PASSWORD);
        Reply forged = api.send(session.withoutCsrf(), "POST", "/self/app-passwords", "{\"label\":\"forged\"}");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.error()).contains("CSRF");
        Reply wrong = api.send(new As(null, session.cookie(), "not-the-token"), "POST", "/self/app-passwords", "{\"label\":\"x\"}");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(api.send(session, "GET", "/self/app-passwords", null).array()).isEmpty();
        assertThat(api.send(session, "POST", "/self/app-passwords", "{\"label\":\"phone\"}").status()).isEqualTo(201);
    }

    @Test
    void logoutEndsTheSession() {
        As session = api.login(newAccount(), PASSWORD);
        Reply out = api.send(session, "DELETE", "/session", null);
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).startsWith("tenmail_session=;").containsIgnoringCase("Max-Age=0");
        assertThat(api.send(session, "GET", "/self", null).status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordAnAppPasswordAndAnUnknownAddressAllGetTheSame401() {
        String address = newAccount();
        String appSecret = api.post("/accounts/" + encode(address) + "/app-passwords", "{\"label\":\"x\"}").json().getString("secret");
        for (Reply r : new Reply[] {login(address, "wrong-password"), login(address, appSecret), login("nobody@" + domain, PASSWORD)}) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.error()).isEqualTo("wrong address or password, or the account is disabled");
            assertThat(r.header("Set-Cookie")).isNull();
        }
    }

    @Test
    void repeatedFailedLoginsAreThrottledWithRetryAfter() {
        String address = newAccount();
        int status = 0;
        Reply last = null;
        for (int i = 0; i < 12 && status != 429; i++) {
            last = login(address, "guess-" + i);
            status = last.status();
        }
        assertThat(status).as("refused once past the free failures").isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotNull();
        assertThat(login(address, PASSWORD).status()).as("even the right password waits").isEqualTo(429);
    }

    @Test
    void thePlatformTokenOpensAPlatformSession() {
        assertThat(api.send(ANONYMOUS, "POST", "/session", "{\"token\":\"wrong\"}").status()).isEqualTo(401);
        As platform = ApiFixture.loggedIn(api.send(ANONYMOUS, "POST", "/session", "{\"token\":\"" + ApiFixture.TOKEN + "\"}"));
        assertThat(api.send(platform, "GET", "/session", null).json().getString("role")).isEqualTo("PLATFORM_ADMIN");
        assertThat(api.send(platform, "POST", "/tenants", "{\"name\":\"" + ApiFixture.unique("viasession") + "\"}").status()).isEqualTo(201);
    }

    @Test
    void anApiTokenIsShownOnceWorksAsBearerAndStopsWhenRevoked() {
        As session = api.login(newAccount(), PASSWORD);
        Reply created = api.send(session, "POST", "/tokens", "{\"label\":\"backup\",\"expires\":\"2099-01-01T00:00:00Z\"}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().getString("secret");
        long id = created.json().getJsonObject("token").getJsonNumber("id").longValue();
        assertThat(created.json().getJsonObject("token").getString("role")).isEqualTo("USER");
        assertThat(secret).startsWith("tmk_");

        Reply listed = api.send(session, "GET", "/tokens", null);
        assertThat(listed.body()).doesNotContain(secret);
        assertThat(listed.array()).extracting(v -> v.asJsonObject().getString("label")).containsExactly("backup");

        As token = As.token(secret);
        assertThat(api.send(token, "GET", "/self", null).status()).isEqualTo(200);
        assertThat(api.send(token, "POST", "/tokens", "{\"label\":\"child\"}").status()).as("tokens cannot mint tokens").isEqualTo(403);
        assertThat(api.send(As.token(ApiFixture.TOKEN), "DELETE", "/tokens/" + id, null).status())
                .as("another owner's token is not found").isEqualTo(404);
        assertThat(api.send(session, "DELETE", "/tokens/" + id, null).status()).isEqualTo(204);
        Reply after = api.send(token, "GET", "/self", null);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void thePlatformAdministratorHasTokensOfItsOwn() {
        Reply created = api.post("/tokens", "{\"label\":\"ci\"}");
        assertThat(created.status()).isEqualTo(201);
        As token = As.token(created.json().getString("secret"));
        assertThat(api.send(token, "GET", "/tenants", null).status()).isEqualTo(200);
        assertThat(api.send(token, "GET", "/session", null).json().getString("via")).isEqualTo("API_TOKEN");
        long id = created.json().getJsonObject("token").getJsonNumber("id").longValue();
        assertThat(api.get("/tokens").array()).extracting(v -> v.asJsonObject().getJsonNumber("id").longValue()).contains(id);
        assertThat(api.delete("/tokens/" + id).status()).isEqualTo(204);
    }
}
