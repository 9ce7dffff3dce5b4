package io.tenmail.admin.it;

import io.tenmail.admin.it.ApiFixture.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountsIT {
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

    private static List<String> addresses(Reply page) {
        return page.json().getJsonArray("items").stream().map(v -> v.asJsonObject().getString("address")).toList();
    }

    @Test
    void createdAccountHasTheContractShapeAndNoPassword() {
        String domain = newDomain();
        Reply r = api.post("/accounts", "{\"address\":\"Alice@" + domain + "\",\"password\":\"pw-123456\","
                + "\"displayName\":\"Alice Liddell\",\"quotaBytes\":1048576}");
        assertThat(r.status()).isEqualTo(201);
        JsonObject a = r.json();
        assertThat(a.keySet()).containsExactlyInAnyOrder("id", "tenant", "address", "displayName", "enabled", "quotaBytes",
                "usedBytes", "protocols", "appPasswordRequired", "created");
        assertThat(a.getString("address")).isEqualTo("Alice@" + domain);
        assertThat(a.getString("displayName")).isEqualTo("Alice Liddell");
        assertThat(a.getBoolean("enabled")).isTrue();
        assertThat(a.getJsonNumber("quotaBytes").longValue()).isEqualTo(1_048_576);
        assertThat(a.get("usedBytes")).as("no mailbox store in this test").isEqualTo(JsonValue.NULL);
        assertThat(a.getJsonArray("protocols").getValuesAs(JsonString::getString)).containsExactly("SMTP", "IMAP", "POP3");
        assertThat(a.getBoolean("appPasswordRequired")).isFalse();
        assertThat(Instant.parse(a.getString("created"))).isBeforeOrEqualTo(Instant.now());
        assertThat(r.body()).doesNotContain("pw-123456");
        assertThat(r.header("Location")).endsWith("/api/v1/accounts/Alice@" + domain);
    }

    @Test
    void accountIsFoundByItsUrlEncodedAddressInAnyCase() {
        String domain = newDomain();
        api.createAccount("bob@" + domain);
        assertThat(api.get("/accounts/bob%40" + domain).status()).isEqualTo(200);
        assertThat(api.get("/accounts/BOB@" + domain.toUpperCase()).json().getString("address")).isEqualTo("bob@" + domain);
    }

    @Test
    void addressWithPlusAndOtherCharactersRoundTrips() {
        String domain = newDomain();
        String address = "o'neil+news.x@" + domain;
        api.createAccount(address);
        Reply r = api.get("/accounts/" + ApiFixture.encode(address));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("address")).isEqualTo(address);
    }

    @Test
    void badAddressIsRefusedNamingTheField() {
        newDomain();
        for (String bad : new String[] {"no-at-sign", "@example.test", "x@", "a b@example.test"}) {
            Reply r = api.post("/accounts", "{\"address\":\"" + bad + "\",\"password\":\"pw\"}");
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.error()).as(bad).startsWith("address:");
        }
    }

    @Test
    void missingFieldsAreRefusedNamingThem() {
        String domain = newDomain();
        assertThat(api.post("/accounts", "{\"password\":\"pw\"}").error()).startsWith("address:");
        assertThat(api.post("/accounts", "{\"address\":\"x@" + domain + "\"}").error()).startsWith("password:");
        assertThat(api.post("/accounts", "{\"address\":\"x@" + domain + "\",\"password\":\"\"}").error()).startsWith("password:");
    }

    @Test
    void negativeQuotaIsRefused() {
        String domain = newDomain();
        Reply r = api.post("/accounts", "{\"address\":\"q@" + domain + "\",\"password\":\"pw\",\"quotaBytes\":-1}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("quotaBytes:");
    }

    @Test
    void accountInAnUnknownDomainIsNotFound() {
        Reply r = api.post("/accounts", "{\"address\":\"x@" + ApiFixture.uniqueDomain() + "\",\"password\":\"pw\"}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).contains("domain");
    }

    @Test
    void duplicateAddressIsAConflict() {
        String domain = newDomain();
        api.createAccount("dup@" + domain);
        Reply r = api.post("/accounts", "{\"address\":\"DUP@" + domain + "\",\"password\":\"pw-123456\"}");
        assertThat(r.status()).isEqualTo(409);
    }

    @Test
    void tenantAccountLimitIsAConflict() {
        String domain = ApiFixture.uniqueDomain();
        Reply t = api.post("/tenants", "{\"name\":\"small\",\"maxAccounts\":1}");
        api.post("/domains", "{\"name\":\"" + domain + "\",\"tenant\":" + t.json().getJsonNumber("id") + "}");
        api.createAccount("one@" + domain);
        Reply r = api.post("/accounts", "{\"address\":\"two@" + domain + "\",\"password\":\"pw-123456\"}");
        assertThat(r.status()).isEqualTo(409);
    }

    @Test
    void unknownAccountIsNotFound() {
        String domain = newDomain();
        assertThat(api.get("/accounts/nobody@" + domain).status()).isEqualTo(404);
        assertThat(api.get("/accounts/nobody@" + ApiFixture.uniqueDomain()).status()).isEqualTo(404);
        assertThat(api.get("/accounts/not-an-address").status()).isEqualTo(404);
        assertThat(api.patch("/accounts/nobody@" + domain, "{}").status()).isEqualTo(404);
        assertThat(api.delete("/accounts/nobody@" + domain).status()).isEqualTo(404);
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        String domain = newDomain();
        String address = "carol@" + domain;
        api.createAccount(address);
        Reply r = api.patch("/accounts/" + address, "{\"displayName\":\"Carol\",\"protocols\":[\"imap\",\"SMTP\"],"
                + "\"appPasswordRequired\":true}");
        assertThat(r.status()).isEqualTo(200);
        JsonObject a = r.json();
        assertThat(a.getString("displayName")).isEqualTo("Carol");
        assertThat(a.getJsonArray("protocols").getValuesAs(JsonString::getString)).containsExactly("SMTP", "IMAP");
        assertThat(a.getBoolean("appPasswordRequired")).isTrue();
        assertThat(a.getBoolean("enabled")).isTrue();

        Reply disabled = api.patch("/accounts/" + address, "{\"enabled\":false,\"quotaBytes\":5000}");
        assertThat(disabled.json().getBoolean("enabled")).isFalse();
        assertThat(disabled.json().getJsonNumber("quotaBytes").longValue()).isEqualTo(5000);
        assertThat(disabled.json().getString("displayName")).isEqualTo("Carol");
        assertThat(api.get("/accounts/" + address).json()).isEqualTo(disabled.json());
    }

    @Test
    void patchWithBadValuesIsRefusedNamingTheField() {
        String domain = newDomain();
        String address = "dave@" + domain;
        api.createAccount(address);
        Reply protocol = api.patch("/accounts/" + address, "{\"protocols\":[\"IMAP\",\"FTP\"]}");
        assertThat(protocol.status()).isEqualTo(400);
        assertThat(protocol.error()).startsWith("protocols[1]:");
        Reply quota = api.patch("/accounts/" + address, "{\"quotaBytes\":-10}");
        assertThat(quota.status()).isEqualTo(400);
        assertThat(quota.error()).startsWith("quotaBytes:");
        Reply type = api.patch("/accounts/" + address, "{\"enabled\":\"maybe\"}");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.error()).startsWith("enabled:");
    }

    @Test
    void passwordIsChanged() {
        String domain = newDomain();
        String address = "erin@" + domain;
        api.createAccount(address);
        Reply r = api.put("/accounts/" + address + "/password", "{\"password\":\"new-secret-1\"}");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        Reply missing = api.put("/accounts/" + address + "/password", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).startsWith("password:");
        assertThat(api.put("/accounts/nobody@" + domain + "/password", "{\"password\":\"x\"}").status()).isEqualTo(404);
    }

    @Test
    void deletedAccountIsGone() {
        String domain = newDomain();
        String address = "frank@" + domain;
        api.createAccount(address);
        assertThat(api.delete("/accounts/" + address).status()).isEqualTo(204);
        assertThat(api.get("/accounts/" + address).status()).isEqualTo(404);
    }

    @Test
    void accountsArePagedWithTotals() {
        String domain = newDomain();
        for (String local : new String[] {"u1", "u2", "u3", "u4", "u5"}) api.createAccount(local + "@" + domain);
        Reply first = api.get("/accounts?domain=" + domain + "&offset=0&limit=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().getJsonNumber("total").longValue()).isEqualTo(5);
        assertThat(first.json().getInt("offset")).isZero();
        assertThat(first.json().getInt("limit")).isEqualTo(2);
        assertThat(addresses(first)).containsExactly("u1@" + domain, "u2@" + domain);
        assertThat(addresses(api.get("/accounts?domain=" + domain + "&offset=4&limit=2"))).containsExactly("u5@" + domain);
        assertThat(addresses(api.get("/accounts?domain=" + domain))).hasSize(5);
    }

    @Test
    void accountsAreSearchedByAddressOrName() {
        String domain = newDomain();
        api.post("/accounts", "{\"address\":\"grace@" + domain + "\",\"password\":\"pw-123456\",\"displayName\":\"Grace Hopper\"}");
        api.createAccount("heidi@" + domain);
        assertThat(addresses(api.get("/accounts?domain=" + domain + "&search=hopper"))).containsExactly("grace@" + domain);
        assertThat(addresses(api.get("/accounts?domain=" + domain + "&search=HEI"))).containsExactly("heidi@" + domain);
    }

    @Test
    void accountsAreSortedByTheRequestedFieldAndBadSortsAreRefused() {
        String domain = newDomain();
        api.post("/accounts", "{\"address\":\"a@" + domain + "\",\"password\":\"pw-123456\",\"displayName\":\"Zed\"}");
        api.post("/accounts", "{\"address\":\"b@" + domain + "\",\"password\":\"pw-123456\",\"displayName\":\"Amy\"}");
        assertThat(addresses(api.get("/accounts?domain=" + domain + "&sort=displayName"))).containsExactly("b@" + domain, "a@" + domain);
        assertThat(addresses(api.get("/accounts?domain=" + domain + "&sort=-address"))).containsExactly("b@" + domain, "a@" + domain);
        Reply bad = api.get("/accounts?domain=" + domain + "&sort=password");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getString("error")).startsWith("sort: ");
    }

    @Test
    void accountsOfAllTenantsArePagedTogether() {
        String d1 = newDomain();
        String d2 = newDomain();
        api.createAccount("x1@" + d1);
        api.createAccount("x2@" + d2);
        api.createAccount("x3@" + d2);
        Reply all = api.get("/accounts?limit=500");
        long total = all.json().getJsonNumber("total").longValue();
        assertThat(addresses(all)).contains("x1@" + d1, "x2@" + d2, "x3@" + d2).hasSize((int) total);
        // Walking the pages one item at a time visits every account exactly once.
        List<String> walked = new java.util.ArrayList<>();
        for (int offset = 0; offset < total; offset++) {
            walked.addAll(addresses(api.get("/accounts?limit=1&offset=" + offset)));
        }
        assertThat(walked).containsExactlyElementsOf(addresses(all));
    }

    @Test
    void badPagingParametersAreRefusedNamingThem() {
        assertThat(api.get("/accounts?offset=-1").error()).startsWith("offset:");
        assertThat(api.get("/accounts?limit=0").error()).startsWith("limit:");
        assertThat(api.get("/accounts?limit=100000").error()).startsWith("limit:");
        assertThat(api.get("/accounts?domain=" + ApiFixture.uniqueDomain()).status()).isEqualTo(404);
    }

    // app passwords

    @Test
    void appPasswordSecretIsShownOnceAndNeverListed() {
        String domain = newDomain();
        String address = "ivan@" + domain;
        api.createAccount(address);
        Reply created = api.post("/accounts/" + address + "/app-passwords",
                "{\"label\":\"Thunderbird\",\"protocols\":[\"IMAP\",\"SMTP\"],\"allowedNetworks\":[\"192.0.2.0/24\",\"2001:db8::/32\"],"
                        + "\"expires\":\"2099-01-01T00:00:00Z\"}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().getString("secret");
        assertThat(secret).isNotBlank();
        JsonObject p = created.json().getJsonObject("appPassword");
        assertThat(p.keySet()).containsExactlyInAnyOrder("id", "label", "protocols", "allowedNetworks", "expires", "created",
                "lastUsed", "lastProtocol", "lastClientAddress");
        assertThat(p.getString("label")).isEqualTo("Thunderbird");
        assertThat(p.getJsonArray("protocols").getValuesAs(JsonString::getString)).containsExactly("SMTP", "IMAP");
        assertThat(p.getJsonArray("allowedNetworks").getValuesAs(JsonString::getString)).containsExactly("192.0.2.0/24", "2001:db8::/32");
        assertThat(Instant.parse(p.getString("expires"))).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
        assertThat(p.get("lastUsed")).isEqualTo(JsonValue.NULL);

        Reply list = api.get("/accounts/" + address + "/app-passwords");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.array()).containsExactly(p);
        assertThat(list.body()).doesNotContain(secret);
    }

    @Test
    void appPasswordDefaultsToEveryProtocolFromAnywhereForever() {
        String domain = newDomain();
        String address = "judy@" + domain;
        api.createAccount(address);
        JsonObject p = api.post("/accounts/" + address + "/app-passwords", "{\"label\":\"phone\"}").json().getJsonObject("appPassword");
        assertThat(p.getJsonArray("protocols").getValuesAs(JsonString::getString)).containsExactly("SMTP", "IMAP", "POP3");
        assertThat(p.getJsonArray("allowedNetworks")).isEmpty();
        assertThat(p.get("expires")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void appPasswordIsDeleted() {
        String domain = newDomain();
        String address = "ken@" + domain;
        api.createAccount(address);
        long id = api.post("/accounts/" + address + "/app-passwords", "{\"label\":\"l\"}").json()
                .getJsonObject("appPassword").getJsonNumber("id").longValue();
        assertThat(api.delete("/accounts/" + address + "/app-passwords/" + id).status()).isEqualTo(204);
        assertThat(api.get("/accounts/" + address + "/app-passwords").array()).isEmpty();
        assertThat(api.delete("/accounts/" + address + "/app-passwords/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/accounts/" + address + "/app-passwords/xyz").status()).isEqualTo(404);
    }

    @Test
    void appPasswordOfAnotherAccountIsNotFound() {
        String domain = newDomain();
        api.createAccount("leo@" + domain);
        api.createAccount("mia@" + domain);
        long id = api.post("/accounts/leo@" + domain + "/app-passwords", "{\"label\":\"l\"}").json()
                .getJsonObject("appPassword").getJsonNumber("id").longValue();
        assertThat(api.delete("/accounts/mia@" + domain + "/app-passwords/" + id).status()).isEqualTo(404);
        assertThat(api.get("/accounts/leo@" + domain + "/app-passwords").array()).hasSize(1);
    }

    @Test
    void badAppPasswordRequestsAreRefusedNamingTheField() {
        String domain = newDomain();
        String address = "ned@" + domain;
        api.createAccount(address);
        String path = "/accounts/" + address + "/app-passwords";
        assertThat(api.post(path, "{}").error()).startsWith("label:");
        assertThat(api.post(path, "{\"label\":\"l\",\"protocols\":[\"GOPHER\"]}").error()).startsWith("protocols[0]:");
        assertThat(api.post(path, "{\"label\":\"l\",\"protocols\":[]}").error()).startsWith("protocols:");
        assertThat(api.post(path, "{\"label\":\"l\",\"allowedNetworks\":[\"10.0.0.0/8\",\"example.com\"]}").error())
                .startsWith("allowedNetworks[1]:");
        assertThat(api.post(path, "{\"label\":\"l\",\"allowedNetworks\":[\"10.0.0.0/33\"]}").error()).startsWith("allowedNetworks[0]:");
        assertThat(api.post(path, "{\"label\":\"l\",\"expires\":\"tomorrow\"}").error()).startsWith("expires:");
        assertThat(api.post(path, "{\"label\":\"l\",\"expires\":\"2001-01-01T00:00:00Z\"}").error()).startsWith("expires:");
        assertThat(api.post("/accounts/nobody@" + domain + "/app-passwords", "{\"label\":\"l\"}").status()).isEqualTo(404);
    }
}
