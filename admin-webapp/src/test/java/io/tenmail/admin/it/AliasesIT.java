package io.tenmail.admin.it;

import io.tenmail.admin.it.ApiFixture.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AliasesIT {
    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String newDomain() {
        String d = ApiFixture.uniqueDomain();
        api.createDomain(d);
        return d;
    }

    @Test
    void aliasIsCreatedReadUpdatedAndDeleted() {
        String domain = newDomain();
        api.createAccount("a@" + domain);
        api.createAccount("b@" + domain);
        String address = "info@" + domain;
        Reply created = api.post("/aliases", "{\"address\":\"" + address + "\",\"targets\":[\"a@" + domain + "\",\"ext@elsewhere.test\"]}");
        assertThat(created.status()).isEqualTo(201);
        JsonObject a = created.json();
        assertThat(a.keySet()).containsExactlyInAnyOrder("id", "tenant", "address", "targets");
        assertThat(a.getString("address")).isEqualTo(address);
        assertThat(a.getJsonArray("targets").getValuesAs(JsonString::getString)).containsExactly("a@" + domain, "ext@elsewhere.test");
        assertThat(created.header("Location")).endsWith("/api/v1/aliases/" + address);

        assertThat(api.get("/aliases/" + ApiFixture.encode(address)).json()).isEqualTo(a);

        Reply updated = api.put("/aliases/" + address, "{\"targets\":[\"b@" + domain + "\"]}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().getJsonArray("targets").getValuesAs(JsonString::getString)).containsExactly("b@" + domain);

        assertThat(api.delete("/aliases/" + address).status()).isEqualTo(204);
        assertThat(api.get("/aliases/" + address).status()).isEqualTo(404);
    }

    @Test
    void aliasesAreListedByDomain() {
        String domain = newDomain();
        String other = newDomain();
        api.createAccount("t@" + domain);
        api.createAccount("t@" + other);
        api.post("/aliases", "{\"address\":\"x@" + domain + "\",\"targets\":[\"t@" + domain + "\"]}");
        api.post("/aliases", "{\"address\":\"y@" + other + "\",\"targets\":[\"t@" + other + "\"]}");
        Reply list = api.get("/aliases?domain=" + domain);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.array().stream().map(v -> v.asJsonObject().getString("address"))).containsExactly("x@" + domain);
        assertThat(api.get("/aliases").array().stream().map(v -> v.asJsonObject().getString("address")))
                .contains("x@" + domain, "y@" + other);
    }

    @Test
    void aliasesAreListedByTenantAndADomainOfAnotherTenantIsNotFound() {
        String domain = ApiFixture.uniqueDomain();
        long tenant = api.createDomain(domain);
        String other = ApiFixture.uniqueDomain();
        long otherTenant = api.createDomain(other);
        api.createAccount("t@" + domain);
        api.post("/aliases", "{\"address\":\"x@" + domain + "\",\"targets\":[\"t@" + domain + "\"]}");
        assertThat(api.get("/aliases?tenant=" + tenant).array().stream().map(v -> v.asJsonObject().getString("address")))
                .containsExactly("x@" + domain);
        assertThat(api.get("/aliases?tenant=" + otherTenant).array()).isEmpty();
        assertThat(api.get("/aliases?domain=" + domain + "&tenant=" + otherTenant).status()).isEqualTo(404);
        assertThat(api.get("/groups?domain=" + domain + "&tenant=" + otherTenant).status()).isEqualTo(404);
    }

    @Test
    void badAliasRequestsAreRefusedNamingTheField() {
        String domain = newDomain();
        assertThat(api.post("/aliases", "{\"targets\":[\"t@" + domain + "\"]}").error()).startsWith("address:");
        assertThat(api.post("/aliases", "{\"address\":\"bad\",\"targets\":[\"t@" + domain + "\"]}").error()).startsWith("address:");
        assertThat(api.post("/aliases", "{\"address\":\"a@" + domain + "\"}").error()).startsWith("targets:");
        assertThat(api.post("/aliases", "{\"address\":\"a@" + domain + "\",\"targets\":[]}").error()).startsWith("targets:");
        assertThat(api.post("/aliases", "{\"address\":\"a@" + domain + "\",\"targets\":[\"ok@" + domain + "\",\"nope\"]}").error())
                .startsWith("targets[1]:");
    }

    @Test
    void aliasToAMissingAddressInItsOwnDomainsIsRefused() {
        // docs/directory.md: a typo in a local target would silently lose mail
        String domain = newDomain();
        Reply r = api.post("/aliases", "{\"address\":\"info@" + domain + "\",\"targets\":[\"nobody@" + domain + "\"]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("targets:").contains("nobody@" + domain);
    }

    @Test
    void aliasOnATakenAddressIsAConflict() {
        String domain = newDomain();
        api.createAccount("taken@" + domain);
        Reply r = api.post("/aliases", "{\"address\":\"taken@" + domain + "\",\"targets\":[\"t@" + domain + "\"]}");
        assertThat(r.status()).isEqualTo(409);
    }

    @Test
    void unknownAliasIsNotFound() {
        String domain = newDomain();
        api.createAccount("acct@" + domain);
        assertThat(api.get("/aliases/nobody@" + domain).status()).isEqualTo(404);
        assertThat(api.get("/aliases/acct@" + domain).status()).as("an account is not an alias").isEqualTo(404);
        assertThat(api.put("/aliases/nobody@" + domain, "{\"targets\":[\"t@" + domain + "\"]}").status()).isEqualTo(404);
        assertThat(api.delete("/aliases/nobody@" + domain).status()).isEqualTo(404);
        assertThat(api.post("/aliases", "{\"address\":\"a@" + ApiFixture.uniqueDomain() + "\",\"targets\":[\"t@x.test\"]}").status())
                .isEqualTo(404);
    }
}
