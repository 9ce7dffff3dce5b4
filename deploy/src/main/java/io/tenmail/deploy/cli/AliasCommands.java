package io.tenmail.deploy.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code tenmail alias add|list|remove}: the {@code /aliases} resource. */
final class AliasCommands {

    private AliasCommands() {
    }

    static void add(Invocation invocation, AdminClient api, CliIo io) throws ApiException, UnreachableException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("address", invocation.operand(0));
        body.put("targets", invocation.operands().subList(1, invocation.operands().size()));
        Map<String, Object> alias = Json.object(api.post("aliases", body));
        io.out().println("alias " + Json.text(alias.get("address")) + " -> " + Json.text(alias.get("targets")) + " added");
    }

    static void list(Invocation invocation, AdminClient api, CliIo io) throws UsageException, ApiException, UnreachableException {
        Table table = new Table("ADDRESS", "TARGETS");
        for (Object item : Json.array(api.get("aliases", invocation.listFilter()))) {
            Map<String, Object> alias = Json.object(item);
            table.row(alias.get("address"), alias.get("targets"));
        }
        table.print(io.out(), "no aliases");
    }

    static void remove(Invocation invocation, AdminClient api, CliIo io) throws ApiException, UnreachableException {
        api.delete(AdminClient.path("aliases", invocation.operand(0)));
        io.out().println("alias " + invocation.operand(0) + " removed");
    }
}
