package io.tenmail.admin.it;

import io.tenmail.admin.it.ApiFixture.As;
import io.tenmail.admin.it.ApiFixture.Reply;
import io.tenmail.storage.MailQueue;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tenmail.admin.it.ApiFixture.PASSWORD;
import static io.tenmail.admin.it.ApiFixture.encode;
import static org.assertj.core.api.Assertions.assertThat;

/** Password policies, self-service password change, the audit log, the mail queue and the dashboard. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoliciesAuditQueueIT {
    private ApiFixture api;
    private String domain;
    private long tenant;

    @BeforeAll
    void start() {
        api = ApiFixture.start();
        domain = ApiFixture.uniqueDomain();
        tenant = api.createDomain(domain);
    }

    @AfterAll
    void stop() {
        if (api != null) api.close();
    }

    private String address(String prefix) {
        return ApiFixture.unique(prefix) + "@" + domain;
    }

    @Test
    void aPasswordShorterThanThePlatformDefaultIsRefusedWithAClearMessage() {
        Reply r = api.post("/accounts", "{\"address\":\"" + address("short") + "\",\"password\":\"abc\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("password: must be at least 8 characters long");
    }

    @Test
    void aTenantTightensThePolicyForCreateResetAndSelfChange() {
        String other = ApiFixture.uniqueDomain();
        long t = api.createDomain(other);
        String admin = "admin@" + other;
        api.createAccount(admin);
        api.put("/tenants/" + t + "/domain-admins/" + encode(admin), null);
        As domainAdmin = api.login(admin, PASSWORD);

        Reply looser = api.send(domainAdmin, "PUT", "/tenants/" + t + "/password-policy", "{\"minLength\":4,\"minClasses\":1}");
        assertThat(looser.status()).isEqualTo(400);
        assertThat(looser.error()).startsWith("minLength: a tenant may only tighten the platform policy");
        Reply set = api.send(domainAdmin, "PUT", "/tenants/" + t + "/password-policy", "{\"minLength\":12,\"minClasses\":3}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().getJsonObject("effective").getInt("minLength")).isEqualTo(12);
        assertThat(set.json().getJsonObject("platform").getInt("minLength")).isEqualTo(8);

        String user = "user@" + other;
        Reply weak = api.post("/accounts", "{\"address\":\"" + user + "\",\"password\":\"alllowercaseletters\"}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.error()).startsWith("password: must mix at least 3 of");
        assertThat(api.post("/accounts", "{\"address\":\"" + user + "\",\"password\":\"Strong-enough-1\"}").status()).isEqualTo(201);
        assertThat(api.put("/accounts/" + encode(user) + "/password", "{\"password\":\"short1A!\"}").status()).isEqualTo(400);

        As self = api.login(user, "Strong-enough-1");
        Reply wrongCurrent = api.send(self, "PUT", "/self/password", "{\"currentPassword\":\"nope\",\"newPassword\":\"Another-strong-2\"}");
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.error()).startsWith("currentPassword:");
        Reply weakNew = api.send(self, "PUT", "/self/password", "{\"currentPassword\":\"Strong-enough-1\",\"newPassword\":\"weak\"}");
        assertThat(weakNew.status()).isEqualTo(400);
        assertThat(weakNew.error()).startsWith("newPassword: must be at least 12 characters long");
        assertThat(api.send(self, "PUT", "/self/password", "{\"currentPassword\":\"Strong-enough-1\",\"newPassword\":\"Another-strong-2\"}")
                .status()).isEqualTo(204);
        assertThat(api.send(new As(null, null, null), "POST", "/session",
                "{\"address\":\"" + user + "\",\"password\":\"Another-strong-2\"}").status()).isEqualTo(200);

        assertThat(api.send(domainAdmin, "DELETE", "/tenants/" + t + "/password-policy", null).json().get("tenant"))
                .isEqualTo(JsonValue.NULL);
    }

    @Test
    void everyChangeIsInTheAuditLogWithWhoWhatAndWhere() {
        String a = address("audited");
        Instant before = Instant.now().minusSeconds(1);
        api.createAccount(a);
        api.patch("/accounts/" + encode(a), "{\"displayName\":\"Audited\"}");
        api.post("/accounts", "{\"address\":\"" + a + "\",\"password\":\"" + PASSWORD + "\"}");   // 409: recorded too

        Reply r = api.get("/audit?target=" + encode(a) + "&from=" + before);
        assertThat(r.status()).isEqualTo(200);
        List<JsonObject> events = r.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(events).extracting(e -> e.getString("action") + " " + e.getInt("status"))
                .containsExactly("account.create 409", "account.update 200", "account.create 201");
        JsonObject created = events.get(2);
        assertThat(created.getString("actor")).isEqualTo("platform");
        assertThat(created.getString("actorRole")).isEqualTo("PLATFORM_ADMIN");
        assertThat(created.getString("client")).isEqualTo("127.0.0.1");
        assertThat(created.getJsonNumber("tenant").longValue()).isEqualTo(tenant);

        assertThat(api.get("/audit?action=account.&target=" + encode(a) + "&limit=1").json().getInt("total")).isEqualTo(3);
        assertThat(api.get("/audit?action=account.update&target=" + encode(a)).json().getInt("total")).isEqualTo(1);
        assertThat(api.get("/audit?actor=nobody@example.test").json().getInt("total")).isZero();
        assertThat(api.get("/audit?target=" + encode(a) + "&to=" + before).json().getInt("total")).isZero();
        assertThat(api.get("/audit?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void loginsAreAuditedUnderTheAddressTried() {
        String a = address("loginaudit");
        api.createAccount(a);
        api.send(new As(null, null, null), "POST", "/session", "{\"address\":\"" + a + "\",\"password\":\"wrong-one\"}");
        api.login(a, PASSWORD);
        List<JsonObject> events = api.get("/audit?action=session.login&actor=" + encode(a)).json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertThat(events).extracting(e -> e.getInt("status") + " " + e.getString("actorRole") + " " + e.getString("target"))
                .containsExactly("200 USER " + a, "401 NONE " + a);
    }

    @Test
    void theQueueAndItsErrorRepositoryCanBeListedRetriedAndDeleted() throws Exception {
        MailQueue queue = ApiFixture.mailQueue();
        String rcpt = address("rcpt");
        long parked = queue.enqueue(mail(rcpt)).value();
        // park it in the error repository, as a failing mailet would
        List<QueueEntry> leased = queue.lease(100, Duration.ofMinutes(1));
        QueueEntry entry = leased.stream().filter(e -> e.id().value() == parked).findFirst().orElseThrow();
        queue.moveToError(entry, "mailet failed: test");
        for (QueueEntry other : leased) if (other.id().value() != parked) queue.reschedule(other, Instant.now(), "released by test");

        JsonObject errors = api.get("/queue?processor=error&limit=500").json();
        JsonObject listed = errors.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getJsonNumber("id").longValue() == parked).findFirst().orElseThrow();
        assertThat(listed.getString("processor")).isEqualTo("error");
        assertThat(listed.getString("lastError")).isEqualTo("mailet failed: test");
        assertThat(listed.getJsonArray("recipients").getJsonObject(0).getString("address")).isEqualTo(rcpt);
        assertThat(api.get("/dashboard").json().getJsonObject("queue").getJsonNumber("errors").longValue()).isPositive();

        assertThat(api.post("/queue/" + parked + "/retry", null).status()).isEqualTo(204);
        assertThat(api.get("/queue?processor=root&limit=500").body()).contains("\"id\":" + parked + ",");
        assertThat(api.delete("/queue/" + parked).status()).isEqualTo(204);
        assertThat(api.delete("/queue/" + parked).status()).isEqualTo(404);
        assertThat(api.post("/queue/abc/retry", null).status()).isEqualTo(404);
        assertThat(api.get("/queue?limit=0").status()).isEqualTo(400);
    }

    private static QueuedMail mail(String rcpt) {
        return new QueuedMail(new BlobId("c".repeat(64)), 42, Optional.of(EmailAddress.parse("sender@example.net")),
                List.of(QueuedRecipient.pending(EmailAddress.parse(rcpt))), Map.of(), Instant.now());
    }

    @Test
    void theDashboardCountsDomainsAccountsAndStorageAgainstLimits() {
        String d = ApiFixture.uniqueDomain();
        long t = api.createDomain(d);
        api.put("/tenants/" + t, "{\"name\":\"" + d + "\",\"maxAccounts\":10,\"maxStorageBytes\":1000000,\"suspended\":false}");
        api.createAccount("one@" + d);
        api.createAccount("two@" + d);
        JsonObject summary = api.get("/dashboard").json().getJsonArray("tenants").getValuesAs(JsonObject.class).stream()
                .filter(x -> x.getJsonNumber("id").longValue() == t).findFirst().orElseThrow();
        assertThat(summary.getInt("domains")).isEqualTo(1);
        assertThat(summary.getInt("accounts")).isEqualTo(2);
        assertThat(summary.getInt("maxAccounts")).isEqualTo(10);
        assertThat(summary.getJsonNumber("storageUsedBytes").longValue()).isZero();
        assertThat(summary.getJsonNumber("maxStorageBytes").longValue()).isEqualTo(1_000_000);
    }

    @Test
    void theDashboardShowsTodaysMessagesInAndOutPerTenantAndInTotal() throws Exception {
        String d = ApiFixture.uniqueDomain();
        long t = api.createDomain(d);
        JsonObject before = api.get("/dashboard").json().getJsonObject("today");
        ApiFixture.traffic().add(java.time.LocalDate.now(java.time.ZoneOffset.UTC), List.of(
                new io.tenmail.storage.MailTraffic.Increment(Optional.of(new io.tenmail.storage.model.TenantId(t)),
                        new io.tenmail.storage.MailTraffic.Counts(3, 2))));
        JsonObject dashboard = api.get("/dashboard").json();
        JsonObject summary = dashboard.getJsonArray("tenants").getValuesAs(JsonObject.class).stream()
                .filter(x -> x.getJsonNumber("id").longValue() == t).findFirst().orElseThrow();
        assertThat(summary.getJsonObject("today").getInt("in")).isEqualTo(3);
        assertThat(summary.getJsonObject("today").getInt("out")).isEqualTo(2);
        // other tests' mail may arrive meanwhile: the total grew by at least ours
        assertThat(dashboard.getJsonObject("today").getJsonNumber("in").longValue()).isGreaterThanOrEqualTo(before.getJsonNumber("in").longValue() + 3);
        assertThat(dashboard.getJsonObject("today").getJsonNumber("out").longValue()).isGreaterThanOrEqualTo(before.getJsonNumber("out").longValue() + 2);
    }
}
