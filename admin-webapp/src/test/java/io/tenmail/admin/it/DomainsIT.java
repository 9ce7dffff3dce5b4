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

    @Test
    void aNewDomainPublishesOneActiveDkimKeyAndItsTxtRecord() {
        String name = ApiFixture.uniqueDomain();
        api.createDomain(name);
        Reply r = api.get("/domains/" + name + "/dkim");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getString("domain")).isEqualTo(name);
        JsonObject key = r.json().getJsonArray("selectors").getJsonObject(0);
        assertThat(r.json().getJsonArray("selectors")).hasSize(1);
        assertThat(key.getString("state")).isEqualTo("ACTIVE");
        assertThat(key.getString("name")).isEqualTo(key.getString("selector") + "._domainkey." + name + ".");
        assertThat(key.getString("type")).isEqualTo("TXT");
        assertThat(key.getString("value")).startsWith("v=DKIM1; k=rsa; p=MII");
        assertThat(r.body()).doesNotContain("private");
        List<String> dns = api.get("/domains/" + name + "/dns").array().stream()
                .map(v -> v.asJsonObject().getString("name") + " " + v.asJsonObject().getString("value")).toList();
        assertThat(dns).contains(key.getString("name") + " " + key.getString("value"));
    }

    @Test
    void rotationActivatesANewSelectorAndKeepsTheOldOnePublishedAsRetired() {
        String name = ApiFixture.uniqueDomain();
        api.createDomain(name);
        String first = api.get("/domains/" + name + "/dkim").json().getJsonArray("selectors").getJsonObject(0).getString("selector");
        Reply r = api.post("/domains/" + name + "/dkim/rotate", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var selectors = r.json().getJsonArray("selectors");
        assertThat(selectors).hasSize(2);
        assertThat(selectors.getJsonObject(0).getString("state")).isEqualTo("ACTIVE");
        assertThat(selectors.getJsonObject(0).getString("selector")).isNotEqualTo(first);
        assertThat(selectors.getJsonObject(1).getString("selector")).isEqualTo(first);
        assertThat(selectors.getJsonObject(1).getString("state")).isEqualTo("RETIRED");
        assertThat(selectors.getJsonObject(1).getString("retired")).isNotBlank();
        assertThat(api.get("/audit?action=domain.dkim.rotate").body()).contains(name);
    }

    @Test
    void dkimOfAnUnknownDomainIsNotFound() {
        assertThat(api.get("/domains/nowhere-" + ApiFixture.uniqueDomain() + "/dkim").status()).isEqualTo(404);
        assertThat(api.post("/domains/nowhere-" + ApiFixture.uniqueDomain() + "/dkim/rotate", null).status()).isEqualTo(404);
    }

    @Test
    void theDnsCheckShowsPerRecordWhetherItIsPublishedDifferentMissingOrUnanswered() {
        String name = ApiFixture.uniqueDomain();
        api.createDomain(name);
        JsonObject dkim = api.get("/domains/" + name + "/dkim").json().getJsonArray("selectors").getJsonObject(0);
        ApiFixture.DNS.mx(name, 10, "mail.example.test")
                .txt(name, "google-site-verification=abc")             // another kind of TXT: not SPF
                .txt(name, "v=spf1 -all")                              // SPF, but not ours
                .txt(dkim.getString("name"), dkim.getString("value"))
                .broken("_dmarc." + name)
                .srv("_imaps._tcp." + name, 0, 1, 993, "mail.example.test");
        Reply r = api.get("/domains/" + name + "/dns/check");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        java.util.Map<String, JsonObject> byKey = new java.util.HashMap<>();
        for (JsonValue v : r.array()) byKey.put(v.asJsonObject().getString("type") + " " + v.asJsonObject().getString("name"), v.asJsonObject());
        JsonObject mx = byKey.get("MX " + name + ".");
        assertThat(mx.getString("status")).isEqualTo("ok");
        assertThat(mx.getString("expected")).isEqualTo("10 mail.example.test.");
        assertThat(mx.getJsonArray("found").getString(0)).isEqualTo("10 mail.example.test.");
        JsonObject spf = byKey.get("TXT " + name + ".");
        assertThat(spf.getString("status")).isEqualTo("different");
        assertThat(spf.getJsonArray("found")).extracting(v -> ((JsonString) v).getString()).containsExactly("v=spf1 -all");
        assertThat(byKey.get("TXT " + dkim.getString("name")).getString("status")).isEqualTo("ok");
        assertThat(byKey.get("TXT _dmarc." + name + ".").getString("status")).isEqualTo("lookup-failed");
        assertThat(byKey.get("SRV _imaps._tcp." + name + ".").getString("status")).isEqualTo("ok");
        assertThat(byKey.get("SRV _pop3._tcp." + name + ".").getString("status")).isEqualTo("missing");
        assertThat(byKey.get("CNAME autoconfig." + name + ".").getString("status")).isEqualTo("missing");
    }

    @Test
    void aDuplicateDomainIsRefusedWithAStableCodeNamingItNextToTheEnglishMessage() {
        String name = ApiFixture.uniqueDomain();
        api.createDomain(name);
        Reply r = api.post("/domains", "{\"name\":\"" + name + "\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error()).contains(name);
        assertThat(r.json().getString("code")).isEqualTo("domain.exists");
        assertThat(r.json().getJsonObject("params").getString("name")).isEqualTo(name);
    }
}
