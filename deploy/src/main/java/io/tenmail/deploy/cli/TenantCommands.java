package io.tenmail.deploy.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code tenmail tenant add|list}: the {@code /tenants} resource. */
final class TenantCommands {

    private TenantCommands() {
    }

    static void add(Invocation invocation, AdminClient api, CliIo io) throws UsageException, ApiException, UnreachableException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", invocation.operand(0));
        invocation.count("max-accounts").ifPresent(n -> body.put("maxAccounts", n));
        invocation.bytes("max-storage").ifPresent(bytes -> body.put("maxStorageBytes", bytes));
        Map<String, Object> tenant = Json.object(api.post("tenants", body));
        io.out().println("tenant " + Json.text(tenant.get("id")) + " (" + Json.text(tenant.get("name")) + ") added");
    }

    static void list(Invocation invocation, AdminClient api, CliIo io) throws ApiException, UnreachableException {
        Table table = new Table("ID", "NAME", "MAX-ACCOUNTS", "MAX-STORAGE", "SUSPENDED");
        for (Object item : Json.array(api.get("tenants", Map.of()))) {
            Map<String, Object> tenant = Json.object(item);
            long maxAccounts = Json.number(tenant.get("maxAccounts"), 0);
            table.row(tenant.get("id"), tenant.get("name"), maxAccounts == 0 ? "unlimited" : Long.toString(maxAccounts),
                    ByteSize.format(Json.number(tenant.get("maxStorageBytes"), 0)), tenant.get("suspended"));
        }
        table.print(io.out(), "no tenants");
    }

    static void remove(Invocation invocation, AdminClient api, CliIo io) throws UsageException, ApiException, UnreachableException {
        String id = invocation.operand(0).trim();
        if (!id.matches("[1-9][0-9]{0,18}")) throw invocation.usage("ID must be a tenant id such as 3 (see 'tenmail tenant list'), was '" + id + "'");
        api.delete(AdminClient.path("tenants", id));
        io.out().println("tenant " + id + " removed");
    }
}
