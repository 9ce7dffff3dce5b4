package io.tenmail.deploy.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code tenmail user add|list|remove|passwd}: the {@code /accounts} resource. */
final class UserCommands {
    /** Accounts asked for per request while listing. */
    static final int PAGE_SIZE = 100;

    private UserCommands() {
    }

    static void add(Invocation invocation, AdminClient api, CliIo io) throws UsageException, ApiException, UnreachableException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("address", invocation.operand(0));
        Optional<Long> quota = invocation.bytes("quota");
        body.put("password", password(invocation, io));
        invocation.value("name").ifPresent(name -> body.put("displayName", name));
        quota.ifPresent(bytes -> body.put("quotaBytes", bytes));
        Map<String, Object> account = Json.object(api.post("accounts", body));
        io.out().println("account " + Json.text(account.get("address")) + " added");
    }

    static void list(Invocation invocation, AdminClient api, CliIo io) throws UsageException, ApiException, UnreachableException {
        Table table = new Table("ADDRESS", "NAME", "QUOTA", "ENABLED", "PROTOCOLS");
        Map<String, String> filter = invocation.listFilter();
        int offset = 0;
        while (true) {
            Map<String, String> query = new LinkedHashMap<>(filter);
            query.put("offset", Integer.toString(offset));
            query.put("limit", Integer.toString(PAGE_SIZE));
            Map<String, Object> page = Json.object(api.get("accounts", query));
            List<Object> items = Json.array(page.get("items"));
            for (Object item : items) {
                Map<String, Object> account = Json.object(item);
                table.row(account.get("address"), account.get("displayName"), ByteSize.format(Json.number(account.get("quotaBytes"), 0)),
                        account.get("enabled"), account.get("protocols"));
            }
            offset += items.size();
            // the server may cap the page size below ours: go on until "total" is reached
            if (items.isEmpty() || offset >= Json.number(page.get("total"), offset)) break;
        }
        table.print(io.out(), "no accounts");
    }

    static void remove(Invocation invocation, AdminClient api, CliIo io) throws ApiException, UnreachableException {
        api.delete(AdminClient.path("accounts", invocation.operand(0)));
        io.out().println("account " + invocation.operand(0) + " removed");
    }

    static void passwd(Invocation invocation, AdminClient api, CliIo io) throws UsageException, ApiException, UnreachableException {
        String password = password(invocation, io);
        api.put(AdminClient.path("accounts", invocation.operand(0), "password"), Map.of("password", password));
        io.out().println("password of " + invocation.operand(0) + " changed");
    }

    /** From --password or the first line of standard input (--password-stdin), never both. */
    static String password(Invocation invocation, CliIo io) throws UsageException {
        Optional<String> given = invocation.value("password");
        boolean fromStdin = invocation.flag("password-stdin");
        if (given.isPresent() && fromStdin) throw invocation.usage("give either --password or --password-stdin, not both");
        if (given.isPresent()) {
            if (given.get().isEmpty()) throw invocation.usage("--password is empty");
            return given.get();
        }
        if (!fromStdin) throw invocation.usage("give the password with --password-stdin (or --password P)");
        String line;
        try {
            line = io.in().readLine();
        } catch (IOException e) {
            throw invocation.usage("cannot read the password from standard input: " + e.getMessage());
        }
        if (line == null || line.isEmpty()) throw invocation.usage("no password on standard input");
        return line;
    }
}
