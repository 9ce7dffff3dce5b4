package io.tenmail.admin.it;

import io.tenmail.admin.it.ApiFixture.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DomainsIT {
    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static long newTenant() {
        Reply r = api.post("/tenants", "{\"name\":\"" + ApiFixture.unique("org") + "\"}");
        assertThat(r.status()).isEqualTo(201);
        return r.json().getJsonNumber("id").longValue();
    }

    private static List<String> names(Reply list) {
        return list.array().stream().map(v -> v.asJsonObject().getString("name")).toList();
    }

    @Test
    void domainIsCreatedInTheGivenTenant() {
        long tenant = newTenant();
        String name = ApiFixture.uniqueDomain();
        Reply r = api.post("/domains", "{\"name\":\"" + name + "\",\"tenant\":" + tenant + "}");
        assertThat(r.status()).isEqualTo(201);
        JsonObject d = r.json();
        assertThat(d.keySet()).containsExactlyInAnyOrder("id", "tenant", "name", "aliases", "catchAll");
        assertThat(d.getJsonNumber("tenant").longValue()).isEqualTo(tenant);
        assertThat(d.getString("name")).isEqualTo(name);
        assertThat(d.getJsonArray("aliases")).isEmpty();
        assertThat(d.get("catchAll")).isEqualTo(JsonValue.NULL);
        assertThat(r.header("Location")).endsWith("/api/v1/domains/" + name);
    }

    @Test
    void domainWithoutTenantGetsANewTenantNamedAfterIt() {
        String name = ApiFixture.uniqueDomain();
        long tenant = api.createDomain(name);
        Reply t = api.get("/tenants/" + tenant);
        assertThat(t.status()).isEqualTo(200);
        assertThat(t.json().getString("name")).isEqualTo(name);
    }

    @Test
    void domainNameIsStoredLowerCaseAndFoundInAnyCase() {
        String name = ApiFixture.uniqueDomain();
        Reply r = api.post("/domains", "{\"name\":\"" + name.toUpperCase() + "\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getString("name")).isEqualTo(name);
        assertThat(api.get("/domains/" + name.toUpperCase()).json().getString("name")).isEqualTo(name);
    }

    @Test
    void duplicateDomainIsAConflictAndLeavesNoStrayTenant() {
        String name = ApiFixture.uniqueDomain();
        api.createDomain(name);
        int tenantsBefore = api.get("/tenants").array().size();
        Reply r = api.post("/domains", "{\"name\":\"" + name + "\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(api.get("/tenants").array()).hasSize(tenantsBefore);
        assertThat(api.post("/domains", "{\"name\":\"" + name + "\",\"tenant\":" + newTenant() + "}").status()).isEqualTo(409);
    }

    @Test
    void invalidOrMissingDomainNameIsRefusedNamingTheField() {
        Reply bad = api.post("/domains", "{\"name\":\"not a domain!\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).startsWith("name:");
        Reply missing = api.post("/domains", "{\"tenant\":1}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).startsWith("name:");
    }

    @Test
    void domainInAnUnknownTenantIsNotFound() {
        Reply r = api.post("/domains", "{\"name\":\"" + ApiFixture.uniqueDomain() + "\",\"tenant\":999997}");
        assertThat(r.status()).isEqualTo(404);
    }

    @Test
    void domainsAreListedPerTenantOrAll() {
        long tenant = newTenant();
        String a = ApiFixture.uniqueDomain();
        String b = ApiFixture.uniqueDomain();
        String elsewhere = ApiFixture.uniqueDomain();
        api.post("/domains", "{\"name\":\"" + a + "\",\"tenant\":" + tenant + "}");
        api.post("/domains", "{\"name\":\"" + b + "\",\"tenant\":" + tenant + "}");
        api.createDomain(elsewhere);
        assertThat(names(api.get("/domains?tenant=" + tenant))).containsExactlyInAnyOrder(a, b);
        assertThat(names(api.get("/domains"))).contains(a, b, elsewhere);
    }

    @Test
    void badTenantFilterIsRefusedNamingIt() {
        Reply r = api.get("/domains?tenant=abc");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("tenant:");
    }

    @Test
    void unknownDomainIsNotFound() {
        assertThat(api.get("/domains/" + ApiFixture.uniqueDomain()).status()).isEqualTo(404);
        assertThat(api.get("/domains/bad..name").status()).isEqualTo(404);
        assertThat(api.delete("/domains/" + ApiFixture.uniqueDomain()).status()).isEqualTo(404);
    }

    @Test
    void aliasDomainsAreAddedAndRemoved() {
        String name = ApiFixture.uniqueDomain();
        String alias = ApiFixture.uniqueDomain();
        api.createDomain(name);
        Reply added = api.post("/domains/" + name + "/aliases", "{\"name\":\"" + alias + "\"}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().getJsonArray("aliases").getValuesAs(JsonString::getString)).containsExactly(alias);

        Reply removed = api.delete("/domains/" + name + "/aliases/" + alias);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().getJsonArray("aliases")).isEmpty();
        assertThat(api.delete("/domains/" + name + "/aliases/" + alias).status()).isEqualTo(404);
    }

    @Test
    void aliasNameIsNotTheDomainItself() {
        String name = ApiFixture.uniqueDomain();
        String alias = ApiFixture.uniqueDomain();
        api.createDomain(name);
        api.post("/domains/" + name + "/aliases", "{\"name\":\"" + alias + "\"}");
        assertThat(api.get("/domains/" + alias).status()).isEqualTo(404);
        assertThat(api.delete("/domains/" + alias).status()).isEqualTo(404);
        assertThat(api.get("/domains/" + name).status()).isEqualTo(200);
    }

    @Test
    void aliasThatIsAlreadyADomainIsAConflict() {
        String name = ApiFixture.uniqueDomain();
        String other = ApiFixture.uniqueDomain();
        api.createDomain(name);
        api.createDomain(other);
        assertThat(api.post("/domains/" + name + "/aliases", "{\"name\":\"" + other + "\"}").status()).isEqualTo(409);
    }

    @Test
    void invalidAliasNameIsRefused() {
        String name = ApiFixture.uniqueDomain();
        api.createDomain(name);
        Reply r = api.post("/domains/" + name + "/aliases", "{\"name\":\"-bad-\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("name:");
    }

    @Test
    void catchAllIsSetAndRemoved() {
        String name = ApiFixture.uniqueDomain();
        api.createDomain(name);
        api.createAccount("postmaster@" + name);
        Reply set = api.put("/domains/" + name + "/catch-all", "{\"target\":\"postmaster@" + name + "\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().getString("catchAll")).isEqualTo("postmaster@" + name);
        Reply cleared = api.put("/domains/" + name + "/catch-all", "{\"target\":null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("catchAll")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void catchAllToAMissingAddressOfTheDomainIsRefused() {
        String name = ApiFixture.uniqueDomain();
        api.createDomain(name);
        Reply r = api.put("/domains/" + name + "/catch-all", "{\"target\":\"nobody@" + name + "\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("target:");
    }

    @Test
    void catchAllThatIsNoAddressIsRefused() {
        String name = ApiFixture.uniqueDomain();
        api.createDomain(name);
        Reply r = api.put("/domains/" + name + "/catch-all", "{\"target\":\"nobody\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("target:");
    }

    @Test
    void domainInUseCannotBeDeletedUntilEmptied() {
        String name = ApiFixture.uniqueDomain();
        api.createDomain(name);
        api.createAccount("user@" + name);
        assertThat(api.delete("/domains/" + name).status()).isEqualTo(409);
        assertThat(api.delete("/accounts/user@" + name).status()).isEqualTo(204);
        assertThat(api.delete("/domains/" + name).status()).isEqualTo(204);
        assertThat(api.get("/domains/" + name).status()).isEqualTo(404);
    }
}
