package io.tenmail.admin.console;

import io.tenmail.admin.api.auth.Role;
import io.tenmail.admin.api.errors.ErrorCodes;
import io.tenmail.admin.autoconfig.DnsCheck;
import io.tenmail.storage.model.QueuedRecipient;
import io.tenmail.storage.model.SendPolicy;
import io.tenmail.storage.model.SpamCheck;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's message catalogs: English and Chinese have the same keys and the same
 * placeholders, and every key the JavaScript names is in them (so no text shows up untranslated).
 */
class ConsoleCatalogsTest {
    private static final Path SOURCES = Path.of("src/main/resources/io/tenmail/admin/console");
    /** A message key as the views write it: 'namespace.name', quoted. */
    private static final Pattern KEY = Pattern.compile("'([a-z][A-Za-z]*\\.[A-Za-z0-9.]*[A-Za-z0-9])'");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\w+}");
    private static final Pattern ROUTE = Pattern.compile("route\\('(\\w+)'");

    @Test
    void englishAndChineseHaveTheSameKeysAndPlaceholders() throws IOException {
        Map<String, String> en = catalog("en");
        Map<String, String> zh = catalog("zh-CN");
        assertThat(zh.keySet()).as("zh-CN keys").isEqualTo(en.keySet());
        for (String key : en.keySet()) {
            assertThat(placeholders(zh.get(key))).as("placeholders of " + key).isEqualTo(placeholders(en.get(key)));
            assertThat(zh.get(key)).as("zh-CN " + key).isNotBlank();
        }
    }

    @Test
    void everyKeyTheScriptsNameIsInTheCatalog() throws IOException {
        Map<String, String> en = catalog("en");
        Set<String> namespaces = en.keySet().stream().map(k -> k.substring(0, k.indexOf('.'))).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (String script : scripts()) {
            Matcher m = KEY.matcher(script);
            while (m.find()) {
                String key = m.group(1);
                if (namespaces.contains(key.substring(0, key.indexOf('.'))) && !en.containsKey(key)) missing.add(key);
            }
        }
        assertThat(missing).as("keys used in the scripts but missing from en.json").isEmpty();
    }

    @Test
    void keysBuiltFromNamesExistForEveryName() throws IOException {
        Map<String, String> en = catalog("en");
        Set<String> needed = new TreeSet<>();
        String main = Files.readString(SOURCES.resolve("js/main.js"));
        Matcher routes = ROUTE.matcher(main);
        while (routes.find()) needed.add("nav." + routes.group(1));
        assertThat(needed).as("routes in main.js").hasSizeGreaterThan(5);
        Arrays.stream(Role.values()).forEach(r -> needed.add("role." + r.name()));
        Arrays.stream(SendPolicy.values()).forEach(p -> needed.add("groups.policy." + p.name()));
        Arrays.stream(QueuedRecipient.State.values()).forEach(s -> needed.add("queue.state." + s.name()));
        Arrays.stream(DnsCheck.Status.values()).forEach(s -> needed.add("dns.status." + s.code()));
        ErrorCodes.CODES.forEach(c -> needed.add("error.code." + c));
        Arrays.stream(SpamCheck.values()).forEach(c -> needed.add("spam.check." + c.key()));
        assertThat(en.keySet()).containsAll(needed);
    }

    @Test
    void noScriptSetsMarkupFromStrings() throws IOException {
        // the DOM helpers insert text only; innerHTML would let an address or a name become markup
        for (String script : scripts()) assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML");
    }

    private static Map<String, String> catalog(String locale) throws IOException {
        try (InputStream in = ConsoleCatalogsTest.class.getResourceAsStream(ConsoleServlet.ROOT + "/i18n/" + locale + ".json");
             JsonReader reader = Json.createReader(in)) {
            JsonObject json = reader.readObject();
            Map<String, String> messages = new TreeMap<>();
            for (Map.Entry<String, JsonValue> e : json.entrySet()) {
                assertThat(e.getValue().getValueType()).as(locale + " " + e.getKey()).isEqualTo(JsonValue.ValueType.STRING);
                messages.put(e.getKey(), json.getString(e.getKey()));
            }
            return messages;
        }
    }

    private static Set<String> placeholders(String message) {
        return PLACEHOLDER.matcher(message).results().map(m -> m.group()).collect(Collectors.toSet());
    }

    private static java.util.List<String> scripts() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES.resolve("js"))) {
            return files.filter(p -> p.toString().endsWith(".js")).map(p -> {
                try {
                    return Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
