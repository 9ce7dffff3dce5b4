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

/**
 * The spam-filter endpoints (issue 7): a domain's policy, its tenant's allow and block lists, an
 * account's own lists, including self-service by the account's user. (Another tenant's domains
 * and accounts are 404: RolesAndTenantsIT.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpamFilterIT {
    private ApiFixture api;
    private String domain;
    private String user;
    private String other;

    @BeforeAll
    void aDomainWithTwoUsers() {
        api = ApiFixture.start();
        domain = ApiFixture.uniqueDomain();
        api.createDomain(domain);
        user = "user@" + domain;
        other = "other@" + domain;
        api.createAccount(user);
        api.createAccount(other);
    }

    @AfterAll
    void stop() {
        if (api != null) api.close();
    }

    @Test
    void aNewDomainHasTheDefaultPolicy() {
        JsonObject p = api.get("/domains/" + domain + "/spam-policy").json();
        assertThat(p.getBoolean("spf")).isTrue();
        assertThat(p.getBoolean("bayes")).isTrue();
        assertThat(p.getBoolean("greylisting")).isFalse();
        assertThat(p.getJsonNumber("junkThreshold").doubleValue()).isEqualTo(5.0);
        assertThat(p.getJsonNumber("rejectThreshold").doubleValue()).isEqualTo(15.0);
    }

    @Test
    void putChangesTheFieldsGivenAndKeepsTheOthers() {
        String d = ApiFixture.uniqueDomain();
        api.createDomain(d);
        Reply r = api.put("/domains/" + d + "/spam-policy", "{\"greylisting\":true,\"dnsbl\":false,\"rejectThreshold\":20}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject p = api.get("/domains/" + d + "/spam-policy").json();
        assertThat(p.getBoolean("greylisting")).isTrue();
        assertThat(p.getBoolean("dnsbl")).isFalse();
        assertThat(p.getBoolean("spf")).isTrue();
        assertThat(p.getJsonNumber("rejectThreshold").doubleValue()).isEqualTo(20.0);
        assertThat(p.getJsonNumber("junkThreshold").doubleValue()).isEqualTo(5.0);
    }

    @Test
    void badThresholdsAreRefusedWithTheFieldNamed() {
        Reply below = api.put("/domains/" + domain + "/spam-policy", "{\"junkThreshold\":8,\"rejectThreshold\":6}");
        assertThat(below.status()).isEqualTo(400);
        below.assertWellFormed();
        assertThat(below.error()).contains("rejectThreshold");
        Reply negative = api.put("/domains/" + domain + "/spam-policy", "{\"junkThreshold\":-1}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.error()).contains("junkThreshold");
        assertThat(api.put("/domains/" + domain + "/spam-policy", null).status()).isEqualTo(400);
    }

    @Test
    void aMissingDomainIsNotFound() {
        Reply r = api.get("/domains/missing-" + ApiFixture.uniqueDomain() + "/spam-policy");
        assertThat(r.status()).isEqualTo(404);
        r.assertWellFormed();
    }

    @Test
    void tenantListsAreReplacedWholeAndKeptInLowerCase() {
        Reply r = api.put("/domains/" + domain + "/spam-lists", "{\"allow\":[\"Boss@Partner.example\"],\"block\":[\"*@spam.example\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject lists = api.get("/domains/" + domain + "/spam-lists").json();
        assertThat(lists.getJsonArray("allow").getString(0)).isEqualTo("boss@partner.example");
        assertThat(lists.getJsonArray("block").getString(0)).isEqualTo("*@spam.example");
        assertThat(api.put("/domains/" + domain + "/spam-lists", "{\"block\":[]}").json().getJsonArray("allow")).isEmpty();
    }

    @Test
    void aPatternThatIsNeitherAnAddressNorADomainIsRefused() {
        Reply r = api.put("/domains/" + domain + "/spam-lists", "{\"block\":[\"spam.example\"]}");
        assertThat(r.status()).isEqualTo(400);
        r.assertWellFormed();
        assertThat(r.error()).contains("block");
    }

    @Test
    void aUserManagesTheirOwnListsButNobodyElses() {
        As session = api.login(user, PASSWORD);
        Reply own = api.send(session, "PUT", "/accounts/" + encode(user) + "/spam-lists", "{\"allow\":[\"friend@spam.example\"]}");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(api.send(session, "GET", "/accounts/" + encode(user) + "/spam-lists", null).json().getJsonArray("allow").getString(0))
                .isEqualTo("friend@spam.example");
        assertThat(api.send(session, "GET", "/accounts/" + encode(other) + "/spam-lists", null).status()).isEqualTo(403);
        assertThat(api.send(session, "PUT", "/accounts/" + encode(other) + "/spam-lists", "{\"block\":[\"a@b.example\"]}").status())
                .isEqualTo(403);
        assertThat(api.send(session, "GET", "/domains/" + domain + "/spam-policy", null).status()).isEqualTo(403);
        // the administrator sees what the user set
        assertThat(api.get("/accounts/" + encode(user) + "/spam-lists").json().getJsonArray("allow")).hasSize(1);
        assertThat(api.get("/accounts/" + encode(other) + "/spam-lists").json().getJsonArray("allow")).isEmpty();
    }
}
