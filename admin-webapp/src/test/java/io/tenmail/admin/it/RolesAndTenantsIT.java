package io.tenmail.admin.it;

import io.tenmail.admin.it.ApiFixture.As;
import io.tenmail.admin.it.ApiFixture.Reply;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import io.tenmail.admin.api.AdminApi;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.tenmail.admin.it.ApiFixture.PASSWORD;
import static io.tenmail.admin.it.ApiFixture.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint, called by every role across two tenants (issue 6): a domain administrator of
 * tenant A and a user of tenant A try everything on tenant B (and on platform-only endpoints), by
 * console session and by API token. Another tenant's things answer 404, exactly like missing ones;
 * what a role may not do at all answers 403; and afterwards tenant B is unchanged. Then the same
 * roles act within their own tenant, where the domain administrator succeeds and sees only A.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolesAndTenantsIT {
    private ApiFixture api;
    private long tenantA;
    private long tenantB;
    private String domainA;
    private String domainB;
    private String adminA;
    private String userA;
    private String userB;
    private long queueEntry;

    /** Callers of tenant A, by session and by API token. */
    private As adminASession;
    private As adminAToken;
    private As userASession;
    private As userAToken;
    private As platformSession;

    @BeforeAll
    void twoTenants() throws Exception {
        api = ApiFixture.start();
        domainA = ApiFixture.uniqueDomain();
        domainB = ApiFixture.uniqueDomain();
        tenantA = api.createDomain(domainA);
        tenantB = api.createDomain(domainB);
        adminA = "admin@" + domainA;
        userA = "user@" + domainA;
        userB = "user@" + domainB;
        api.createAccount(adminA);
        api.createAccount(userA);
        api.createAccount(userB);
        assertThat(api.put("/tenants/" + tenantA + "/domain-admins/" + encode(adminA), null).status()).isEqualTo(200);
        assertThat(api.post("/aliases", "{\"address\":\"info@" + domainB + "\",\"targets\":[\"" + userB + "\"]}").status()).isEqualTo(201);
        assertThat(api.post("/groups", "{\"address\":\"team@" + domainB + "\",\"members\":[\"" + userB + "\"]}").status()).isEqualTo(201);
        queueEntry = ApiFixture.mailQueue().enqueue(new QueuedMail(new BlobId("b".repeat(64)), 10,
                Optional.of(EmailAddress.parse(userB)), List.of(QueuedRecipient.pending(EmailAddress.parse(userB))), Map.of(),
                Instant.now())).value();

        adminASession = api.login(adminA, PASSWORD);
        userASession = api.login(userA, PASSWORD);
        adminAToken = As.token(newToken(adminASession));
        userAToken = As.token(newToken(userASession));
        platformSession = ApiFixture.loggedIn(api.send(new As(null, null, null), "POST", "/session",
                "{\"token\":\"" + ApiFixture.TOKEN + "\"}"));
    }

    private String newToken(As as) {
        Reply r = api.send(as, "POST", "/tokens", "{\"label\":\"matrix\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("secret");
    }

    @AfterAll
    void stop() {
        if (api != null) api.close();
    }

    /** A request and what a domain administrator and a user of tenant A must get for it. */
    record Case(String method, String path, String body, int domainAdmin, int user) {
    }

    /** Every admin endpoint aimed at tenant B, or at what only the platform administrator may do. */
    private List<Case> foreignCases() {
        String b = "/tenants/" + tenantB;
        String acc = "/accounts/" + encode(userB);
        String alias = "/aliases/" + encode("info@" + domainB);
        String group = "/groups/" + encode("team@" + domainB);
        String newInB = "{\"address\":\"new@" + domainB + "\",\"password\":\"" + PASSWORD + "\",\"targets\":[\"" + userB
                + "\"],\"members\":[]}";
        List<Case> cases = new ArrayList<>(List.of(
                new Case("POST", "/tenants", "{\"name\":\"evil\"}", 403, 403),
                new Case("GET", b, null, 404, 403),
                new Case("PUT", b, "{\"name\":\"x\",\"maxAccounts\":0,\"maxStorageBytes\":0,\"suspended\":true}", 404, 403),
                new Case("DELETE", b, null, 404, 403),
                new Case("GET", b + "/domain-admins", null, 404, 403),
                new Case("PUT", b + "/domain-admins/" + encode(userB), null, 404, 403),
                new Case("DELETE", b + "/domain-admins/" + encode(userB), null, 404, 403),
                new Case("GET", b + "/password-policy", null, 404, 403),
                new Case("PUT", b + "/password-policy", "{\"minLength\":30,\"minClasses\":4}", 404, 403),
                new Case("DELETE", b + "/password-policy", null, 404, 403),
                // a domain administrator may appoint nobody, not even in their own tenant
                new Case("PUT", "/tenants/" + tenantA + "/domain-admins/" + encode(userA), null, 403, 403),
                new Case("PUT", "/tenants/" + tenantA, "{\"name\":\"x\",\"maxAccounts\":0,\"maxStorageBytes\":0,\"suspended\":false}", 403, 403),

                new Case("GET", "/domains?tenant=" + tenantB, null, 404, 403),
                new Case("POST", "/domains", "{\"name\":\"" + ApiFixture.uniqueDomain() + "\",\"tenant\":" + tenantA + "}", 403, 403),
                new Case("GET", "/domains/" + domainB, null, 404, 403),
                new Case("GET", "/domains/" + domainB + "/dns", null, 404, 403),
                new Case("GET", "/domains/" + domainB + "/dns/check", null, 404, 403),
                new Case("GET", "/domains/" + domainB + "/dkim", null, 404, 403),
                new Case("POST", "/domains/" + domainB + "/dkim/rotate", null, 404, 403),
                new Case("DELETE", "/domains/" + domainB, null, 403, 403),
                new Case("POST", "/domains/" + domainB + "/aliases", "{\"name\":\"" + ApiFixture.uniqueDomain() + "\"}", 403, 403),
                new Case("DELETE", "/domains/" + domainB + "/aliases/x." + domainB, null, 404, 403),
                new Case("PUT", "/domains/" + domainB + "/catch-all", "{\"target\":\"" + userA + "\"}", 404, 403),
                new Case("GET", "/domains/" + domainB + "/spam-policy", null, 404, 403),
                new Case("PUT", "/domains/" + domainB + "/spam-policy", "{\"greylisting\":true}", 404, 403),
                new Case("GET", "/domains/" + domainB + "/spam-lists", null, 404, 403),
                new Case("PUT", "/domains/" + domainB + "/spam-lists", "{\"block\":[\"" + userA + "\"]}", 404, 403),

                new Case("GET", "/accounts?domain=" + domainB, null, 404, 403),
                new Case("GET", "/accounts?tenant=" + tenantB, null, 404, 403),
                new Case("POST", "/accounts", newInB, 404, 403),
                new Case("GET", acc, null, 404, 403),
                new Case("PATCH", acc, "{\"enabled\":false}", 404, 403),
                new Case("DELETE", acc, null, 404, 403),
                new Case("PUT", acc + "/password", "{\"password\":\"Taken-over-1\"}", 404, 403),
                new Case("GET", acc + "/app-passwords", null, 404, 403),
                new Case("POST", acc + "/app-passwords", "{\"label\":\"steal\"}", 404, 403),
                new Case("DELETE", acc + "/app-passwords/1", null, 404, 403),
                new Case("GET", acc + "/spam-lists", null, 404, 403),
                new Case("PUT", acc + "/spam-lists", "{\"allow\":[\"x@evil.example\"]}", 404, 403),

                new Case("GET", "/aliases?domain=" + domainB, null, 404, 403),
                new Case("POST", "/aliases", newInB, 404, 403),
                new Case("GET", alias, null, 404, 403),
                new Case("PUT", alias, "{\"targets\":[\"" + userA + "\"]}", 404, 403),
                new Case("DELETE", alias, null, 404, 403),

                new Case("GET", "/groups?tenant=" + tenantB, null, 404, 403),
                new Case("POST", "/groups", newInB, 404, 403),
                new Case("GET", group, null, 404, 403),
                new Case("PUT", group, "{\"displayName\":\"x\",\"members\":[\"" + userA + "\"],\"sendPolicy\":\"ANYONE\"}", 404, 403),
                new Case("DELETE", group, null, 404, 403),

                new Case("GET", "/queue", null, 403, 403),
                new Case("GET", "/queue?processor=error", null, 403, 403),
                new Case("POST", "/queue/" + queueEntry + "/retry", null, 403, 403),
                new Case("DELETE", "/queue/" + queueEntry, null, 403, 403),

                new Case("GET", "/audit?tenant=" + tenantB, null, 404, 403)));
        return cases;
    }

    @Test
    void domainAdministratorsAndUsersCannotReachAnotherTenantOrPlatformEndpoints() {
        for (Case c : foreignCases()) {
            for (As as : List.of(adminASession, adminAToken)) {
                Reply r = api.send(as, c.method(), c.path(), c.body());
                assertThat(r.status()).as("domain admin %s %s: %s", c.method(), c.path(), r.body()).isEqualTo(c.domainAdmin());
            }
            for (As as : List.of(userASession, userAToken)) {
                Reply r = api.send(as, c.method(), c.path(), c.body());
                assertThat(r.status()).as("user %s %s: %s", c.method(), c.path(), r.body()).isEqualTo(c.user());
            }
        }
        tenantBIsUnchanged();
    }

    /**
     * Guards the matrix: every endpoint the API serves is tried across tenants above, or is listed
     * here as one that names nothing of another tenant (the caller's own session, tokens and
     * account, and lists that a role filter narrows, which the tests below check).
     */
    @Test
    void theMatrixCoversEveryEndpointOfTheApi() {
        Set<String> callersOwn = Set.of("GET /health", "GET /session", "POST /session", "DELETE /session",
                "GET /self", "GET /self/logins", "GET /self/mobileconfig", "PUT /self/password", "GET /self/app-passwords", "POST /self/app-passwords",
                "DELETE /self/app-passwords/{id}",
                "GET /tokens", "POST /tokens", "DELETE /tokens/{id}",
                "GET /tenants", "GET /domains", "GET /accounts", "GET /aliases", "GET /groups", "GET /dashboard", "GET /audit");
        List<Case> cases = foreignCases();
        List<String> untried = new ArrayList<>();
        Set<String> served = new java.util.HashSet<>();
        for (Class<?> resource : AdminApi.RESOURCES) {
            String base = "/" + resource.getAnnotation(Path.class).value().replaceAll("^/+", "");
            for (Method m : resource.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                        : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(PATCH.class) ? "PATCH"
                        : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb == null) continue;
                String template = (base + (m.isAnnotationPresent(Path.class) ? "/" + m.getAnnotation(Path.class).value() : ""))
                        .replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                Pattern shape = Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
                boolean tried = cases.stream().anyMatch(c -> c.method().equals(verb)
                        && shape.matcher(c.path().replaceAll("\\?.*", "")).matches());
                served.add(verb + " " + template);
                if (!tried && !callersOwn.contains(verb + " " + template)) untried.add(verb + " " + template);
            }
        }
        assertThat(untried).as("endpoints missing from foreignCases()").isEmpty();
        assertThat(served).as("the caller's own endpoints are served").containsAll(callersOwn);
    }

    private void tenantBIsUnchanged() {
        JsonObject t = api.get("/tenants/" + tenantB).json();
        assertThat(t.getBoolean("suspended")).isFalse();
        assertThat(api.get("/accounts/" + encode(userB)).json().getBoolean("enabled")).isTrue();
        assertThat(api.get("/accounts/" + encode(userB) + "/app-passwords").array()).isEmpty();
        assertThat(api.get("/aliases/" + encode("info@" + domainB)).json().getJsonArray("targets").getString(0)).isEqualTo(userB);
        assertThat(api.get("/groups/" + encode("team@" + domainB)).json().getJsonArray("members")).hasSize(1);
        assertThat(api.get("/domains/" + domainB).json().get("catchAll")).isEqualTo(JsonValue.NULL);
        assertThat(api.get("/domains/" + domainB + "/spam-policy").json().getBoolean("greylisting")).isFalse();
        assertThat(api.get("/domains/" + domainB + "/spam-lists").json().getJsonArray("block")).isEmpty();
        assertThat(api.get("/accounts/" + encode(userB) + "/spam-lists").json().getJsonArray("allow")).isEmpty();
        assertThat(api.get("/tenants/" + tenantB + "/domain-admins").array()).isEmpty();
        assertThat(api.get("/tenants/" + tenantB + "/password-policy").json().get("tenant")).isEqualTo(JsonValue.NULL);
        assertThat(api.get("/accounts?tenant=" + tenantB).json().getInt("total")).isEqualTo(1);
        assertThat(api.get("/queue?limit=500").json().getJsonArray("items").stream()
                .anyMatch(e -> e.asJsonObject().getJsonNumber("id").longValue() == queueEntry)).isTrue();
        // and the login still works with the original password
        assertThat(api.send(new As(null, null, null), "POST", "/session",
                "{\"address\":\"" + userB + "\",\"password\":\"" + PASSWORD + "\"}").status()).isEqualTo(200);
    }

    @Test
    void aDomainAdministratorManagesOnlyTheirOwnTenant() {
        for (As as : List.of(adminASession, adminAToken)) {
            assertThat(api.send(as, "GET", "/tenants", null).array()).extracting(v -> v.asJsonObject().getJsonNumber("id").longValue())
                    .containsExactly(tenantA);
            assertThat(api.send(as, "GET", "/tenants/" + tenantA, null).status()).isEqualTo(200);
            assertThat(api.send(as, "GET", "/domains", null).array()).extracting(v -> v.asJsonObject().getString("name"))
                    .containsExactly(domainA);
            Reply accounts = api.send(as, "GET", "/accounts", null);
            assertThat(accounts.json().getJsonArray("items")).extracting(v -> v.asJsonObject().getString("address"))
                    .allMatch(a -> a.endsWith("@" + domainA));
            String someone = ApiFixture.unique("u") + "@" + domainA;
            assertThat(api.send(as, "POST", "/accounts", "{\"address\":\"" + someone + "\",\"password\":\"" + PASSWORD + "\"}").status())
                    .isEqualTo(201);
            assertThat(api.send(as, "PATCH", "/accounts/" + encode(someone), "{\"displayName\":\"Someone\"}").status()).isEqualTo(200);
            assertThat(api.send(as, "PUT", "/accounts/" + encode(someone) + "/password", "{\"password\":\"An0ther-pass\"}").status())
                    .isEqualTo(204);
            String alias = ApiFixture.unique("a") + "@" + domainA;
            assertThat(api.send(as, "POST", "/aliases", "{\"address\":\"" + alias + "\",\"targets\":[\"" + someone + "\"]}").status())
                    .isEqualTo(201);
            String group = ApiFixture.unique("g") + "@" + domainA;
            assertThat(api.send(as, "POST", "/groups", "{\"address\":\"" + group + "\",\"members\":[\"" + someone + "\"]}").status())
                    .isEqualTo(201);
            assertThat(api.send(as, "PUT", "/domains/" + domainA + "/catch-all", "{\"target\":\"" + someone + "\"}").status()).isEqualTo(200);
            assertThat(api.send(as, "PUT", "/domains/" + domainA + "/catch-all", "{\"target\":null}").status()).isEqualTo(200);
            assertThat(api.send(as, "DELETE", "/groups/" + encode(group), null).status()).isEqualTo(204);
            assertThat(api.send(as, "DELETE", "/aliases/" + encode(alias), null).status()).isEqualTo(204);
            assertThat(api.send(as, "DELETE", "/accounts/" + encode(someone), null).status()).isEqualTo(204);
            assertThat(api.send(as, "GET", "/tenants/" + tenantA + "/domain-admins", null).array()).hasSize(1);

            JsonObject dashboard = api.send(as, "GET", "/dashboard", null).json();
            assertThat(dashboard.getJsonArray("tenants")).hasSize(1);
            assertThat(dashboard.get("queue")).isEqualTo(JsonValue.NULL);

            Reply audit = api.send(as, "GET", "/audit?limit=500", null);
            assertThat(audit.status()).isEqualTo(200);
            assertThat(audit.json().getJsonArray("items")).isNotEmpty()
                    .allMatch(e -> e.asJsonObject().getJsonNumber("tenant").longValue() == tenantA);
        }
    }

    @Test
    void usersHaveSelfServiceOnly() {
        for (As as : List.of(userASession, userAToken)) {
            for (String path : List.of("/tenants", "/domains", "/accounts", "/aliases", "/groups", "/dashboard", "/audit", "/queue")) {
                assertThat(api.send(as, "GET", path, null).status()).as(path).isEqualTo(403);
            }
            JsonObject self = api.send(as, "GET", "/self", null).json();
            assertThat(self.getString("role")).isEqualTo("USER");
            assertThat(self.getJsonObject("account").getString("address")).isEqualTo(userA);
            assertThat(api.send(as, "GET", "/self/logins", null).status()).isEqualTo(200);
            assertThat(api.send(as, "GET", "/tokens", null).status()).isEqualTo(200);
            assertThat(api.send(as, "GET", "/session", null).json().getString("role")).isEqualTo("USER");
        }
    }

    @Test
    void thePlatformAdministratorSeesEveryTenantByTokenAndBySession() {
        for (As as : List.of(As.token(ApiFixture.TOKEN), platformSession)) {
            assertThat(api.send(as, "GET", "/tenants", null).array())
                    .extracting(v -> v.asJsonObject().getJsonNumber("id").longValue()).contains(tenantA, tenantB);
            assertThat(api.send(as, "GET", "/accounts/" + encode(userB), null).status()).isEqualTo(200);
            assertThat(api.send(as, "GET", "/queue", null).status()).isEqualTo(200);
            assertThat(api.send(as, "GET", "/dashboard", null).json().getJsonObject("queue").getJsonNumber("size").longValue())
                    .isPositive();
            assertThat(api.send(as, "GET", "/self", null).status()).as("the platform administrator has no account").isEqualTo(404);
            assertThat(api.send(as, "GET", "/session", null).json().getString("role")).isEqualTo("PLATFORM_ADMIN");
        }
    }

    @Test
    void aDismissedDomainAdministratorIsAUserAtTheNextRequest() {
        String admin = "second-admin@" + domainA;
        api.createAccount(admin);
        assertThat(api.put("/tenants/" + tenantA + "/domain-admins/" + encode(admin), null).status()).isEqualTo(200);
        As session = api.login(admin, PASSWORD);
        As token = As.token(newToken(session));
        assertThat(api.send(token, "GET", "/domains", null).status()).isEqualTo(200);
        assertThat(api.delete("/tenants/" + tenantA + "/domain-admins/" + encode(admin)).status()).isEqualTo(204);
        assertThat(api.send(session, "GET", "/domains", null).status()).isEqualTo(403);
        assertThat(api.send(token, "GET", "/domains", null).status()).isEqualTo(403);
        assertThat(api.send(token, "GET", "/self", null).json().getString("role")).isEqualTo("USER");
    }

    @Test
    void aDisabledAccountLosesItsSessionAndTokens() {
        String someone = ApiFixture.unique("gone") + "@" + domainA;
        api.createAccount(someone);
        As session = api.login(someone, PASSWORD);
        As token = As.token(newToken(session));
        assertThat(api.patch("/accounts/" + encode(someone), "{\"enabled\":false}").status()).isEqualTo(200);
        assertThat(api.send(session, "GET", "/self", null).status()).isEqualTo(401);
        assertThat(api.send(token, "GET", "/self", null).status()).isEqualTo(401);
    }
}
