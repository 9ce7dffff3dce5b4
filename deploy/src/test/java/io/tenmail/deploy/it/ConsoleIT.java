package io.tenmail.deploy.it;

import io.tenmail.protocol.dns.TestDnsServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console end to end, in a real headless Chromium against the real distribution: the platform
 * administrator creates a tenant, a domain and a domain administrator; the domain administrator
 * creates users (one by one and from a CSV file), an alias and a group, and an app password; then a
 * real SMTP client sends to the group and a real IMAP client finds the mail in every member's
 * INBOX. Screenshots of the main pages go to docs/screenshots/ (referenced from docs/console.md).
 *
 * <p>Skipped when Debian's {@code chromium} and {@code chromium-driver} are not installed
 * ({@code .ci/run} installs them).
 */
class ConsoleIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** target/screenshots; {@code -Dtenmail.screenshots=../docs/screenshots} refreshes the ones in docs/console.md. */
    private static final Path SCREENSHOTS = Path.of(System.getProperty("tenmail.screenshots", "target/screenshots")).toAbsolutePath().normalize();
    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(90);
    private static final String DOMAIN = "acme.test";
    private static final String ADMIN = "dora@" + DOMAIN;
    private static final String ADMIN_PASSWORD = "Dora-Passw0rd!";
    private static final String USER_PASSWORD = "User-Passw0rd!";

    @TempDir
    Path temp;

    private TestDnsServer dns;
    private TenmailProcess tenmail;
    private Process server;
    private ChromeDriverService driverService;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private String base;
    private int loads;

    @BeforeEach
    void startServerAndBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        dns = new TestDnsServer();
        tenmail = new TenmailProcess(temp);
        // the console's DNS check asks this responder (the group mail is local: remote delivery never asks)
        tenmail.env().put("TENMAIL_DNS_RESOLVERS", dns.hostAndPort());
        server = tenmail.serveAndAwaitHealthy();
        base = "http://127.0.0.1:" + tenmail.port("HTTP");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createDirectory(temp.resolve("chromium")),
                "--window-size=1280,1000", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(temp.resolve("chromedriver.log").toFile()).build();
        browser = new ChromeDriver(driverService, options);
        wait = new WebDriverWait(browser, UI_TIMEOUT);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (browser != null) browser.quit();
        if (driverService != null) driverService.stop();
        if (tenmail != null) tenmail.close();
        if (dns != null) dns.close();
    }

    @Test
    void platformAdminSetsUpATenantWhoseAdministratorCreatesMailboxesThatReceiveGroupMail() throws Exception {
        browser.get(base + "/");
        awaitPage("login");
        assertThat(browser.getCurrentUrl()).contains("/console/");
        screenshot("login");
        badInputIsExplainedInlineAndKept();

        loginWithPlatformToken();
        String tenantId = createTenant("Acme");
        createDomain("Acme");
        createAccount("dora", "Dora Admin", ADMIN_PASSWORD);
        aDuplicateAccountShowsTheServersErrorAndKeepsTheForm();
        appointDomainAdministrator(tenantId);
        logout();

        wrongPasswordIsRefusedOnTheForm();
        loginWithPassword(ADMIN, ADMIN_PASSWORD);
        awaitPage("dashboard");
        assertThat(nav()).as("a domain administrator's menu").contains("Accounts", "Groups").doesNotContain("Tenants", "Mail queue");
        createAccount("alice", "Alice Zhang", USER_PASSWORD);
        createAccount("bob", "Bob Li", USER_PASSWORD);
        importAccountsFromCsv();
        accountsAreSortedAndSearchedByTheServer();
        screenshot("accounts");
        createAlias();
        createGroup();
        spamFilterSettingsAreSavedFromTheConsole();
        String appPassword = createAppPassword();
        screenshot("self-service");
        clientSetupShowsTheServers();
        dashboardInChinese();
        logout();

        String subject = "Console group test " + System.nanoTime();
        sendToTheGroup(subject);
        imapLogin(ADMIN, appPassword).close();   // the app password shown once works for IMAP

        loginWithPlatformToken();
        go("queue");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-table")));
        screenshot("queue");
        go("audit?action=group.");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-table"), "team@" + DOMAIN));
        logout();

        awaitQueueProcessed();
        for (String member : List.of("alice@" + DOMAIN, "bob@" + DOMAIN)) awaitInInbox(member, USER_PASSWORD, subject);
        awaitInInbox(ADMIN, appPassword, subject);

        loginWithPlatformToken();
        dashboardCountsTodaysGroupMail();
        screenshot("dashboard");
    }

    // --- steps -----------------------------------------------------------------------------------

    private void badInputIsExplainedInlineAndKept() {
        fill("login-form", "address", "not-an-address");
        fill("login-form", "password", "whatever");
        submit("login-form");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form-address-error")));
        assertThat(error.getText()).contains("name@example.com");
        assertThat(field("login-form", "address").getDomProperty("value")).isEqualTo("not-an-address");
    }

    private void wrongPasswordIsRefusedOnTheForm() {
        fill("login-form", "address", ADMIN);
        fill("login-form", "password", "not the password");
        submit("login-form");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form .form-error")));
        assertThat(error.getText()).contains("refused");   // the server's code, translated
        assertThat(field("login-form", "address").getDomProperty("value")).isEqualTo(ADMIN);
    }

    private void loginWithPlatformToken() throws Exception {
        awaitPage("login");
        browser.findElement(By.id("tab-token")).click();
        fill("token-form", "token", Files.readString(tenmail.dataDir().resolve("admin-token")).strip());
        submit("token-form");
        awaitPage("dashboard");
    }

    private void loginWithPassword(String address, String password) {
        awaitPage("login");
        fill("login-form", "address", address);
        fill("login-form", "password", password);
        submit("login-form");
    }

    private void logout() {
        browser.findElement(By.id("logout")).click();
        awaitPage("login");
    }

    private String createTenant(String name) {
        go("tenants");
        fill("tenant-create", "name", name);
        fill("tenant-create", "maxAccounts", "100");
        fill("tenant-create", "maxStorageGb", "10");
        submit("tenant-create");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-detail"), name));
        String url = browser.getCurrentUrl();
        return url.substring(url.indexOf("id=") + 3);
    }

    private void createDomain(String tenant) throws Exception {
        go("domains");
        fill("domain-create", "name", DOMAIN);
        new Select(field("domain-create", "tenant")).selectByVisibleText(tenant);
        submit("domain-create");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dns-table"), "MX"));
        assertThat(browser.findElement(By.id("dns-table")).getText()).contains("mail.example.test", "v=spf1", "._domainkey." + DOMAIN);
        assertThat(browser.findElement(By.id("dkim-table")).getText()).contains("Active", "v=DKIM1; k=rsa; p=");
        dnsCheckShowsWhatIsPublished();
        screenshot("domain-dns");
    }

    /** The domain publishes its MX and an SPF record of its own: a check mark, the difference, and what is missing. */
    private void dnsCheckShowsWhatIsPublished() {
        dns.mx(DOMAIN, 10, "mail.example.test").txt(DOMAIN, "v=spf1 a -all");
        browser.findElement(By.id("dns-check-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dns-table .dns-status")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#dns-table tbody tr"));
        String mx = rows.stream().map(WebElement::getText).filter(t -> t.contains("MX")).findFirst().orElseThrow();
        String spf = rows.stream().map(WebElement::getText).filter(t -> t.contains("v=spf1 mx ~all")).findFirst().orElseThrow();
        String autoconfig = rows.stream().map(WebElement::getText).filter(t -> t.startsWith("autoconfig.")).findFirst().orElseThrow();
        assertThat(mx).contains("✓ published");
        assertThat(spf).contains("✗ different").contains("v=spf1 a -all");
        assertThat(autoconfig).contains("✗ missing");
    }

    /** The three deliveries of the group mail show as messages in today, once the node's counter has flushed. */
    private void dashboardCountsTodaysGroupMail() throws Exception {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        String in = "";
        while (System.nanoTime() < deadline) {
            go("dashboard");
            WebElement tile = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-tile='dashboard.inToday'] .tile-value")));
            in = tile.getText();
            if (Integer.parseInt(in) >= 3) break;
            server.waitFor(1, TimeUnit.SECONDS);   // poll interval of the deadline-bounded wait (the counter flushes every 5 s)
        }
        assertThat(Integer.parseInt(in)).as("messages in today").isEqualTo(3);
        assertThat(browser.findElement(By.id("dashboard-tenants")).getText()).contains("Acme");
    }

    /** The domain administrator turns greylisting on and blocks a domain; a reject threshold below the Junk one is refused inline. */
    private void spamFilterSettingsAreSavedFromTheConsole() throws Exception {
        go("spam?domain=" + DOMAIN);
        WebElement greylisting = field("spam-policy", "greylisting");
        assertThat(greylisting.isSelected()).as("greylisting is off by default").isFalse();
        greylisting.click();
        fill("spam-policy", "rejectThreshold", "1");
        submit("spam-policy");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("spam-policy-rejectThreshold-error")));
        assertThat(error.getText()).contains("Junk threshold");
        assertThat(field("spam-policy", "greylisting").isSelected()).as("the form keeps what was typed").isTrue();
        fill("spam-policy", "rejectThreshold", "20");
        submit("spam-policy");
        wait.until(d -> adminApi("/domains/" + DOMAIN + "/spam-policy").contains("\"greylisting\":true"));
        assertThat(adminApi("/domains/" + DOMAIN + "/spam-policy")).contains("\"rejectThreshold\":20");

        go("spam?domain=" + DOMAIN);
        fill("spam-tenant-lists", "block", "*@spam.example");
        submit("spam-tenant-lists");
        wait.until(d -> adminApi("/domains/" + DOMAIN + "/spam-lists").contains("*@spam.example"));
        screenshot("spam");
    }

    /** A GET with the platform token, for checking what the console saved. */
    private String adminApi(String path) {
        try {
            return tenmail.apiOk("GET", path, null);
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path, e);
        }
    }

    private void createAccount(String localPart, String displayName, String password) {
        go("accounts?domain=" + DOMAIN);
        fill("account-create", "localPart", localPart);
        fill("account-create", "displayName", displayName);
        fill("account-create", "password", password);
        submit("account-create");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts-table"), localPart + "@" + DOMAIN));
    }

    private void aDuplicateAccountShowsTheServersErrorAndKeepsTheForm() {
        fill("account-create", "localPart", "dora");
        fill("account-create", "password", ADMIN_PASSWORD);
        submit("account-create");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#account-create .form-error, #account-create-localPart-error")));
        assertThat(error.getText()).isNotBlank();
        assertThat(field("account-create", "localPart").getDomProperty("value")).isEqualTo("dora");
    }

    private void appointDomainAdministrator(String tenantId) {
        go("tenants?id=" + tenantId);
        fill("appoint-form", "address", ADMIN);
        submit("appoint-form");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admins-table"), ADMIN));

        fill("policy-form", "minLength", "4");
        submit("policy-form");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("policy-form-minLength-error")));
        fill("policy-form", "minLength", "12");
        fill("policy-form", "minClasses", "3");
        submit("policy-form");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-policy"), "at least 12 characters"));
    }

    private void importAccountsFromCsv() throws Exception {
        Path csv = temp.resolve("accounts.csv");
        Files.writeString(csv, """
                address,password,displayName,quotaMb
                carol@acme.test,%1$s,"Carol, Finance",500
                dave@acme.test,%1$s,Dave,0
                not-an-address,%1$s,Nobody,0
                erin@acme.test,x,Erin,0
                """.formatted(USER_PASSWORD));
        go("accounts?domain=" + DOMAIN);
        field("account-import", "file").sendKeys(csv.toString());
        submit("account-import");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-summary"), "finished"));
        assertThat(browser.findElement(By.id("import-summary")).getText()).contains("2 created", "2 failed", "4 rows");
        String report = browser.findElement(By.id("import-table")).getText();
        assertThat(report).contains("carol@acme.test", "dave@acme.test", "erin@acme.test", "password");
    }

    private void accountsAreSortedAndSearchedByTheServer() {
        go("accounts?domain=" + DOMAIN);
        sortAccountsBy("displayName", "ascending");
        assertThat(browser.getCurrentUrl()).contains("sort=displayName");
        assertThat(firstAccount()).isEqualTo("alice@" + DOMAIN);
        sortAccountsBy("displayName", "descending");
        assertThat(browser.getCurrentUrl()).contains("sort=-displayName");
        assertThat(firstAccount()).isEqualTo(ADMIN);   // "Dora Admin" last by name
        browser.findElement(By.id("account-search")).sendKeys("finance");
        wait.until(d -> rows("accounts-table") == 1 && firstAccount().equals("carol@" + DOMAIN));
        go("accounts?domain=" + DOMAIN);
        wait.until(d -> rows("accounts-table") == 5);
    }

    private void createAlias() {
        go("aliases?domain=" + DOMAIN);
        fill("alias-create", "localPart", "info");
        fill("alias-create", "targets", "alice@acme.test, not an address");
        submit("alias-create");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alias-create-targets-error")));
        assertThat(error.getText()).contains("name@example.com");
        assertThat(field("alias-create", "localPart").getDomProperty("value")).isEqualTo("info");
        fill("alias-create", "targets", "alice@" + DOMAIN);
        submit("alias-create");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("aliases-table"), "info@" + DOMAIN));
    }

    private void createGroup() {
        go("groups?domain=" + DOMAIN);
        fill("group-create", "localPart", "team");
        fill("group-create", "displayName", "Team");
        fill("group-create", "members", "alice@acme.test\nbob@acme.test\n" + ADMIN);
        submit("group-create");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups-table"), "team@" + DOMAIN));
        assertThat(browser.findElement(By.id("groups-table")).getText()).contains("3 members");
    }

    private String createAppPassword() {
        go("self");
        fill("app-password-create", "label", "Thunderbird");
        submit("app-password-create");
        WebElement secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret-value")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("app-passwords-table"), "Thunderbird"));
        assertThat(browser.findElement(By.id("logins-table")).getText()).contains("WEB");
        return secret.getText().strip();
    }

    private void clientSetupShowsTheServers() {
        go("setup");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("setup-servers"), "mail.example.test"));
        assertThat(browser.findElement(By.id("setup-servers")).getText()).contains(String.valueOf(tenmail.port("IMAPS")), String.valueOf(tenmail.port("SMTPS")), "SSL/TLS", ADMIN);
        assertThat(browser.findElement(By.id("mobileconfig")).getDomAttribute("href")).isEqualTo("/api/v1/self/mobileconfig");
    }

    private void dashboardInChinese() throws Exception {
        go("dashboard");
        new Select(browser.findElement(By.id("locale"))).selectByValue("zh-CN");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), "概览"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), "概览"));
        screenshot("dashboard-zh-CN");
        new Select(browser.findElement(By.id("locale"))).selectByValue("en");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), "Dashboard"));
    }

    private void sendToTheGroup(String subject) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(tenmail.port("SMTP")));
        props.put("mail.smtp.localhost", "client.example.org");
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "30000");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("someone@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("team@" + DOMAIN));
        message.setSubject(subject);
        message.setText("Hello team, this came through the console's group.");
        Transport.send(message);   // throws unless every recipient got 250
    }

    /** The mail leaves the queue once local delivery has taken it. */
    private void awaitQueueProcessed() throws Exception {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        JsonObject queue = queue();
        while (System.nanoTime() < deadline && queue.getInt("total") > 0) {
            server.waitFor(500, TimeUnit.MILLISECONDS);   // poll interval of the deadline-bounded wait
            queue = queue();
        }
        if (queue.getInt("total") == 0) return;
        fail("the group mail was not delivered: " + queue);
    }

    private JsonObject queue() throws Exception {
        try (var reader = Json.createReader(new StringReader(tenmail.apiOk("GET", "/queue", null)))) {
            return reader.readObject();
        }
    }

    private Store imapLogin(String address, String password) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "30000");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect("127.0.0.1", tenmail.port("IMAP"), address, password);
        return store;
    }

    private void awaitInInbox(String address, String password, String subject) throws Exception {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (true) {
            Store store = imapLogin(address, password);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    for (Message m : inbox.getMessages()) {
                        if (subject.equals(m.getSubject())) return;
                    }
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
            if (System.nanoTime() > deadline) fail("no mail '" + subject + "' in the INBOX of " + address);
            server.waitFor(500, TimeUnit.MILLISECONDS);   // poll interval of the deadline-bounded wait
        }
    }

    // --- browser helpers -------------------------------------------------------------------------

    /**
     * Opens a view with a fresh page load (a new query string), so that no element of the page
     * before can be mistaken for the new one; the session cookie carries over.
     */
    private void go(String route) {
        String page = route.contains("?") ? route.substring(0, route.indexOf('?')) : route;
        browser.get(base + "/console/?load=" + (++loads) + "#/" + route);
        awaitPage(page);
    }

    private void awaitPage(String name) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-page='" + name + "'][data-ready]")));
    }

    private WebElement field(String form, String name) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + form + " [name='" + name + "']")));
    }

    private void fill(String form, String name, String value) {
        WebElement input = field(form, name);
        input.clear();
        input.sendKeys(value);
    }

    private void submit(String form) {
        browser.findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
    }

    private String nav() {
        return browser.findElement(By.id("nav")).getText();
    }

    private int rows(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr td:first-child a")).size();
    }

    /** Clicks a column's sort button on the drawn page and waits for the page redrawn in that order. */
    private void sortAccountsBy(String column, String order) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-ready] button[data-sort=" + column + "]"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-ready] th[aria-sort=" + order + "] button[data-sort=" + column + "]")));
    }

    private String firstAccount() {
        List<WebElement> links = browser.findElements(By.cssSelector("#accounts-table tbody tr td:first-child a"));
        return links.isEmpty() ? "" : links.get(0).getText();
    }

    private void screenshot(String name) throws Exception {
        wait.until(d -> d.findElements(By.cssSelector("form[aria-busy]")).isEmpty());
        browser.executeScript("window.scrollTo(0, 0)");
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
