package io.tenmail.deploy.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code tenmail group add|list|remove}: the {@code /groups} resource. */
final class GroupCommands {
    /** --policy words to the API's SendPolicy names. */
    static final Map<String, String> POLICIES = Map.of("anyone", "ANYONE", "members", "MEMBERS", "same-domain", "SAME_DOMAIN");

    private GroupCommands() {
    }

    static void add(Invocation invocation, AdminClient api, CliIo io) throws UsageException, ApiException, UnreachableException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("address", invocation.operand(0));
        invocation.value("name").ifPresent(name -> body.put("displayName", name));
        body.put("members", invocation.values("member"));
        invocation.choice("policy", POLICIES).ifPresent(policy -> body.put("sendPolicy", policy));
        Map<String, Object> group = Json.object(api.post("groups", body));
        int members = group.get("members") instanceof List<?> list ? list.size() : 0;
        io.out().println("group " + Json.text(group.get("address")) + " added (" + members + " member" + (members == 1 ? "" : "s")
                + ", policy " + policyWord(group.get("sendPolicy")) + ")");
    }

    static void list(Invocation invocation, AdminClient api, CliIo io) throws UsageException, ApiException, UnreachableException {
        Table table = new Table("ADDRESS", "NAME", "POLICY", "MEMBERS");
        for (Object item : Json.array(api.get("groups", invocation.listFilter()))) {
            Map<String, Object> group = Json.object(item);
            table.row(group.get("address"), group.get("displayName"), policyWord(group.get("sendPolicy")), group.get("members"));
        }
        table.print(io.out(), "no groups");
    }

    static void remove(Invocation invocation, AdminClient api, CliIo io) throws ApiException, UnreachableException {
        api.delete(AdminClient.path("groups", invocation.operand(0)));
        io.out().println("group " + invocation.operand(0) + " removed");
    }

    /** SAME_DOMAIN -> same-domain, as the option spells it. */
    static String policyWord(Object policy) {
        return policy == null ? "-" : policy.toString().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
