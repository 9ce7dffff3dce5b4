package io.tenmail.admin.it;

import io.tenmail.admin.it.ApiFixture.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupsIT {
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
    void groupIsCreatedReadUpdatedAndDeleted() {
        String domain = newDomain();
        String address = "sales@" + domain;
        api.createAccount("ann@" + domain);
        Reply created = api.post("/groups", "{\"address\":\"" + address + "\",\"displayName\":\"Sales\",\"members\":[\"ann@" + domain
                + "\"],\"sendPolicy\":\"members\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonObject g = created.json();
        assertThat(g.keySet()).containsExactlyInAnyOrder("id", "tenant", "address", "displayName", "members", "sendPolicy");
        assertThat(g.getString("displayName")).isEqualTo("Sales");
        assertThat(g.getJsonArray("members").getValuesAs(JsonString::getString)).containsExactly("ann@" + domain);
        assertThat(g.getString("sendPolicy")).isEqualTo("MEMBERS");
        assertThat(created.header("Location")).endsWith("/api/v1/groups/" + address);
        assertThat(api.get("/groups/" + ApiFixture.encode(address)).json()).isEqualTo(g);

        Reply updated = api.put("/groups/" + address, "{\"displayName\":\"Sales team\",\"members\":[],\"sendPolicy\":\"SAME_DOMAIN\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().getString("displayName")).isEqualTo("Sales team");
        assertThat(updated.json().getJsonArray("members")).isEmpty();
        assertThat(updated.json().getString("sendPolicy")).isEqualTo("SAME_DOMAIN");

        assertThat(api.delete("/groups/" + address).status()).isEqualTo(204);
        assertThat(api.get("/groups/" + address).status()).isEqualTo(404);
    }

    @Test
    void groupDefaultsToAnyoneMaySend() {
        String domain = newDomain();
        Reply r = api.post("/groups", "{\"address\":\"all@" + domain + "\",\"members\":[]}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getString("sendPolicy")).isEqualTo("ANYONE");
        assertThat(r.json().getString("displayName")).isEmpty();
    }

    @Test
    void groupsAreListedByDomain() {
        String domain = newDomain();
        String other = newDomain();
        api.post("/groups", "{\"address\":\"g@" + domain + "\",\"members\":[]}");
        api.post("/groups", "{\"address\":\"g@" + other + "\",\"members\":[]}");
        assertThat(api.get("/groups?domain=" + domain).array().stream().map(v -> v.asJsonObject().getString("address")))
                .containsExactly("g@" + domain);
        assertThat(api.get("/groups").array().stream().map(v -> v.asJsonObject().getString("address")))
                .contains("g@" + domain, "g@" + other);
    }

    @Test
    void badGroupRequestsAreRefusedNamingTheField() {
        String domain = newDomain();
        assertThat(api.post("/groups", "{\"members\":[]}").error()).startsWith("address:");
        assertThat(api.post("/groups", "{\"address\":\"g@" + domain + "\"}").error()).startsWith("members:");
        assertThat(api.post("/groups", "{\"address\":\"g@" + domain + "\",\"members\":[\"bad\"]}").error()).startsWith("members[0]:");
        assertThat(api.post("/groups", "{\"address\":\"g@" + domain + "\",\"members\":[],\"sendPolicy\":\"NOBODY\"}").error())
                .startsWith("sendPolicy:");
        api.post("/groups", "{\"address\":\"h@" + domain + "\",\"members\":[]}");
        assertThat(api.put("/groups/h@" + domain, "{\"members\":[],\"sendPolicy\":\"ANYONE\"}").error()).startsWith("displayName:");
        assertThat(api.put("/groups/h@" + domain, "{\"displayName\":\"H\",\"members\":[]}").error()).startsWith("sendPolicy:");
    }

    @Test
    void groupOnATakenAddressIsAConflict() {
        String domain = newDomain();
        api.post("/groups", "{\"address\":\"dup@" + domain + "\",\"members\":[]}");
        assertThat(api.post("/groups", "{\"address\":\"dup@" + domain + "\",\"members\":[]}").status()).isEqualTo(409);
    }

    @Test
    void unknownGroupIsNotFound() {
        String domain = newDomain();
        assertThat(api.get("/groups/nobody@" + domain).status()).isEqualTo(404);
        assertThat(api.put("/groups/nobody@" + domain, "{\"displayName\":\"\",\"members\":[],\"sendPolicy\":\"ANYONE\"}").status())
                .isEqualTo(404);
        assertThat(api.delete("/groups/nobody@" + domain).status()).isEqualTo(404);
    }
}
