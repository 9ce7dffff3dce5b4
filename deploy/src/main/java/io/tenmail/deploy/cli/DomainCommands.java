package io.tenmail.deploy.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code tenmail domain add|list|remove|dkim}: the {@code /domains} resource. */
final class DomainCommands {

    private DomainCommands() {
    }

    static void add(Invocation invocation, AdminClient api, CliIo io) throws UsageException, ApiException, UnreachableException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", invocation.operand(0));
        invocation.id("tenant").ifPresent(tenant -> body.put("tenant", tenant));
        Map<String, Object> domain = Json.object(api.post("domains", body));
        io.out().println("domain " + Json.text(domain.get("name")) + " added (tenant " + Json.text(domain.get("tenant")) + ")");
    }

    static void list(Invocation invocation, AdminClient api, CliIo io) throws UsageException, ApiException, UnreachableException {
        Table table = new Table("NAME", "TENANT", "ALIASES", "CATCH-ALL");
        for (Object item : Json.array(api.get("domains", invocation.listFilter()))) {
            Map<String, Object> domain = Json.object(item);
            table.row(domain.get("name"), domain.get("tenant"), domain.get("aliases"), domain.get("catchAll"));
        }
        table.print(io.out(), "no domains");
    }

    static void remove(Invocation invocation, AdminClient api, CliIo io) throws ApiException, UnreachableException {
        api.delete(AdminClient.path("domains", invocation.operand(0)));
        io.out().println("domain " + invocation.operand(0) + " removed");
    }

    /** The domain's DKIM selectors (after a rotation with {@code --rotate}) and their TXT records. */
    static void dkim(Invocation invocation, AdminClient api, CliIo io) throws ApiException, UnreachableException {
        String name = invocation.operand(0);
        Object answer = invocation.flag("rotate")
                ? api.post(AdminClient.path("domains", name, "dkim", "rotate"), Map.of())
                : api.get(AdminClient.path("domains", name, "dkim"), Map.of());
        Table table = new Table("SELECTOR", "STATE", "CREATED", "RECORD");
        for (Object item : Json.array(Json.object(answer).get("selectors"))) {
            Map<String, Object> key = Json.object(item);
            table.row(key.get("selector"), key.get("state"), key.get("created"),
                    Json.text(key.get("name")) + " IN TXT \"" + Json.text(key.get("value")) + "\"");
        }
        table.print(io.out(), "no DKIM keys");
    }
}
