package io.tenmail.deploy.cli;

import java.util.List;

import static io.tenmail.deploy.cli.CommandSpec.command;

/** Every CLI command, in the order help lists them. */
final class Commands {

    private Commands() {
    }

    static final List<CommandSpec> ALL = List.of(
            command("serve", null, "Run the server in the foreground (stop it with Ctrl-C or SIGTERM)")
                    .note("Reads <data dir>/conf/tenmail.properties; creates the data directory on first start.")
                    .runs(Cli::serveIsNotACliCommand),
            command("version", null, "Print the version").runs(Cli::printVersion),

            command("domain", "add", "Add a mail domain")
                    .operands("NAME", 1, 1)
                    .option("tenant", "ID", "the tenant that owns it; default: a new tenant named after the domain")
                    .runs(DomainCommands::add),
            command("domain", "list", "List the mail domains")
                    .option("tenant", "ID", "only this tenant's domains")
                    .runs(DomainCommands::list),
            command("domain", "remove", "Remove a domain that has no accounts, aliases or groups left")
                    .operands("NAME", 1, 1)
                    .runs(DomainCommands::remove),
            command("domain", "dkim", "Show a domain's DKIM selectors and the TXT records to publish")
                    .operands("NAME", 1, 1)
                    .flag("rotate", "make a new key first; the old one stays published for 7 days")
                    .runs(DomainCommands::dkim),

            command("user", "add", "Add a mail account")
                    .operands("ADDRESS", 1, 1)
                    .option("password", "P", "its password (visible to other users of this machine: prefer --password-stdin)")
                    .flag("password-stdin", "read the password from the first line of standard input")
                    .option("name", "N", "display name, e.g. \"Alice Example\"")
                    .option("quota", "BYTES", "storage quota such as 1073741824 or 1G; default 0 = unlimited")
                    .runs(UserCommands::add),
            command("user", "list", "List accounts, of one domain, one tenant or all")
                    .operands("[DOMAIN]", 0, 1)
                    .option("tenant", "ID", "only this tenant's accounts")
                    .runs(UserCommands::list),
            command("user", "remove", "Remove an account with its mailboxes and messages")
                    .operands("ADDRESS", 1, 1)
                    .runs(UserCommands::remove),
            command("user", "passwd", "Set an account's password")
                    .operands("ADDRESS", 1, 1)
                    .flag("password-stdin", "read the new password from the first line of standard input")
                    .option("password", "P", "the new password (visible to other users of this machine)")
                    .runs(UserCommands::passwd),

            command("alias", "add", "Add an address that forwards to one or more others")
                    .operands("ADDRESS TARGET...", 2, Integer.MAX_VALUE)
                    .runs(AliasCommands::add),
            command("alias", "list", "List aliases, of one domain, one tenant or all")
                    .operands("[DOMAIN]", 0, 1)
                    .option("tenant", "ID", "only this tenant's aliases")
                    .runs(AliasCommands::list),
            command("alias", "remove", "Remove an alias")
                    .operands("ADDRESS", 1, 1)
                    .runs(AliasCommands::remove),

            command("group", "add", "Add a group address whose mail reaches every member")
                    .operands("ADDRESS", 1, 1)
                    .repeatableOption("member", "ADDRESS", "a member; repeat for each one")
                    .option("name", "N", "display name")
                    .option("policy", "anyone|members|same-domain", "who may send to the group; default anyone")
                    .runs(GroupCommands::add),
            command("group", "list", "List groups, of one domain, one tenant or all")
                    .operands("[DOMAIN]", 0, 1)
                    .option("tenant", "ID", "only this tenant's groups")
                    .runs(GroupCommands::list),
            command("group", "remove", "Remove a group")
                    .operands("ADDRESS", 1, 1)
                    .runs(GroupCommands::remove),

            command("tenant", "add", "Add a tenant (an organisation owning domains)")
                    .operands("NAME", 1, 1)
                    .option("max-accounts", "N", "most accounts it may have; default 0 = no limit")
                    .option("max-storage", "BYTES", "most bytes of mail it may store, such as 100G; default 0 = no limit")
                    .runs(TenantCommands::add),
            command("tenant", "list", "List the tenants")
                    .runs(TenantCommands::list),
            command("tenant", "remove", "Remove a tenant that owns no domains")
                    .operands("ID", 1, 1)
                    .runs(TenantCommands::remove));

    /** The heading of a group in the overview. */
    static String title(String group) {
        return switch (group) {
            case "serve", "version" -> "Server";
            case "domain" -> "Domains";
            case "user" -> "Accounts";
            case "alias" -> "Aliases";
            case "group" -> "Groups";
            case "tenant" -> "Tenants";
            default -> group;
        };
    }
}
