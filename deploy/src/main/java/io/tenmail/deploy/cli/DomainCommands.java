package io.tenmail.deploy.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code tenmail domain add|list|remove}: the {@code /domains} resource. */
final class DomainCommands {

    private DomainCommands() {
    }

    static void add(Invocation invocation, AdminClient api, CliIo io) throws UsageException, ApiException, UnreachableException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", invocation.operand(0));
        invocation.count("tenant").ifPresent(tenant -> body.put("tenant", tenant));
        Map<String, Object> domain = Json.object(api.post("domains", body));
        io.out().println("domain " + Json.text(domain.get("name")) + " added (tenant " + Json.text(domain.get("tenant")) + ")");
    }

    static void list(Invocation invocation, AdminClient api, CliIo io) throws UsageException, ApiException, UnreachableException {
        Map<String, String> query = new LinkedHashMap<>();
        invocation.count("tenant").ifPresent(tenant -> query.put("tenant", tenant.toString()));
        Table table = new Table("NAME", "TENANT", "ALIASES", "CATCH-ALL");
        for (Object item : Json.array(api.get("domains", query))) {
            Map<String, Object> domain = Json.object(item);
            table.row(domain.get("name"), domain.get("tenant"), domain.get("aliases"), domain.get("catchAll"));
        }
        print(table, "no domains", io);
    }

    static void remove(Invocation invocation, AdminClient api, CliIo io) throws ApiException, UnreachableException {
        api.delete(AdminClient.path("domains", invocation.operand(0)));
        io.out().println("domain " + invocation.operand(0) + " removed");
    }

    static void print(Table table, String whenEmpty, CliIo io) {
        if (table.isEmpty()) io.out().println(whenEmpty);
        else table.print(io.out());
    }
}
