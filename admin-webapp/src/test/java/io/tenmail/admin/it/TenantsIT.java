package io.tenmail.admin.it;

import io.tenmail.admin.it.ApiFixture.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TenantsIT {
    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonObject create(String name) {
        Reply r = api.post("/tenants", "{\"name\":\"" + name + "\",\"maxAccounts\":10,\"maxStorageBytes\":1000000}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void createdTenantHasTheContractShapeAndALocation() {
        String name = ApiFixture.unique("Acme ");
        Reply r = api.post("/tenants", "{\"name\":\"" + name + "\",\"maxAccounts\":10,\"maxStorageBytes\":1000000}");
        assertThat(r.status()).isEqualTo(201);
        JsonObject t = r.json();
        assertThat(t.keySet()).containsExactlyInAnyOrder("id", "name", "maxAccounts", "maxStorageBytes", "suspended", "created");
        assertThat(t.getJsonNumber("id").longValue()).isPositive();
        assertThat(t.getString("name")).isEqualTo(name);
        assertThat(t.getJsonNumber("maxAccounts").longValue()).isEqualTo(10);
        assertThat(t.getJsonNumber("maxStorageBytes").longValue()).isEqualTo(1_000_000);
        assertThat(t.getBoolean("suspended")).isFalse();
        assertThat(Instant.parse(t.getString("created"))).isBeforeOrEqualTo(Instant.now());
        assertThat(r.header("Location")).endsWith("/api/v1/tenants/" + t.getJsonNumber("id").longValue());
    }

    @Test
    void limitsDefaultToNone() {
        Reply r = api.post("/tenants", "{\"name\":\"" + ApiFixture.unique("t") + "\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getJsonNumber("maxAccounts").longValue()).isZero();
        assertThat(r.json().getJsonNumber("maxStorageBytes").longValue()).isZero();
    }

    @Test
    void tenantWithoutNameIsRefusedNamingTheField() {
        Reply r = api.post("/tenants", "{\"maxAccounts\":1}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("name:");
        assertThat(api.post("/tenants", "{\"name\":\"   \"}").error()).startsWith("name:");
        Reply tooLong = api.post("/tenants", "{\"name\":\"" + "x".repeat(201) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.error()).isEqualTo("name: must be at most 200 characters");
    }

    @Test
    void negativeLimitsAreRefusedNamingTheField() {
        Reply r = api.post("/tenants", "{\"name\":\"x\",\"maxAccounts\":-1}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("maxAccounts:");
        assertThat(api.post("/tenants", "{\"name\":\"x\",\"maxStorageBytes\":-5}").error()).startsWith("maxStorageBytes:");
    }

    @Test
    void tenantCanBeReadAndIsListed() {
        JsonObject t = create(ApiFixture.unique("listed"));
        long id = t.getJsonNumber("id").longValue();
        Reply one = api.get("/tenants/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json()).isEqualTo(t);
        Reply all = api.get("/tenants");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.array()).contains(t);
    }

    @Test
    void unknownOrMalformedTenantIdIsNotFound() {
        assertThat(api.get("/tenants/999999").status()).isEqualTo(404);
        assertThat(api.get("/tenants/abc").status()).isEqualTo(404);
        assertThat(api.get("/tenants/-3").status()).isEqualTo(404);
    }

    @Test
    void putReplacesEveryField() {
        long id = create(ApiFixture.unique("old")).getJsonNumber("id").longValue();
        Reply r = api.put("/tenants/" + id, "{\"name\":\"Renamed\",\"maxAccounts\":3,\"maxStorageBytes\":7,\"suspended\":true}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("name")).isEqualTo("Renamed");
        assertThat(r.json().getJsonNumber("maxAccounts").longValue()).isEqualTo(3);
        assertThat(r.json().getJsonNumber("maxStorageBytes").longValue()).isEqualTo(7);
        assertThat(r.json().getBoolean("suspended")).isTrue();
        assertThat(api.get("/tenants/" + id).json().getBoolean("suspended")).isTrue();
    }

    @Test
    void putWithAMissingFieldIsRefusedNamingIt() {
        long id = create(ApiFixture.unique("p")).getJsonNumber("id").longValue();
        Reply r = api.put("/tenants/" + id, "{\"name\":\"n\",\"maxAccounts\":3,\"maxStorageBytes\":7}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("suspended:");
    }

    @Test
    void putOfUnknownTenantIsNotFound() {
        Reply r = api.put("/tenants/999998", "{\"name\":\"n\",\"maxAccounts\":0,\"maxStorageBytes\":0,\"suspended\":false}");
        assertThat(r.status()).isEqualTo(404);
    }

    @Test
    void deletedTenantIsGone() {
        long id = create(ApiFixture.unique("gone")).getJsonNumber("id").longValue();
        Reply r = api.delete("/tenants/" + id);
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(api.get("/tenants/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/tenants/" + id).status()).isEqualTo(404);
    }

    @Test
    void tenantThatOwnsADomainCannotBeDeleted() {
        long tenant = api.createDomain(ApiFixture.uniqueDomain());
        Reply r = api.delete("/tenants/" + tenant);
        assertThat(r.status()).isEqualTo(409);
        assertThat(api.get("/tenants/" + tenant).status()).isEqualTo(200);
    }
}
