package io.tenmail.deploy.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliParserTest {
    private final CliParser parser = new CliParser(Commands.ALL);

    private Invocation invocation(String... args) throws UsageException {
        return (Invocation) parser.parse(args);
    }

    private static UsageException usage(ThrowingParse parse) {
        try {
            parse.run();
        } catch (UsageException e) {
            return e;
        }
        throw new AssertionError("expected a usage error");
    }

    @FunctionalInterface
    interface ThrowingParse {
        void run() throws UsageException;
    }

    @Test
    void twoWordsSelectTheCommand() throws Exception {
        Invocation i = invocation("domain", "add", "example.test");
        assertThat(i.spec().name()).isEqualTo("domain add");
        assertThat(i.operands()).containsExactly("example.test");
        assertThat(i.options()).isEmpty();
    }

    @Test
    void optionsMayComeBeforeOrAfterOperandsInBothSpellings() throws Exception {
        Invocation i = invocation("user", "add", "--name", "Alice Example", "alice@example.test", "--quota=1G", "--password-stdin");
        assertThat(i.operands()).containsExactly("alice@example.test");
        assertThat(i.value("name")).contains("Alice Example");
        assertThat(i.bytes("quota")).contains(1L << 30);
        assertThat(i.flag("password-stdin")).isTrue();
        assertThat(i.flag("password")).isFalse();
    }

    @Test
    void repeatableOptionsKeepEveryValueInOrder() throws Exception {
        Invocation i = invocation("group", "add", "team@example.test", "--member", "a@example.test", "--member=b@example.test",
                "--policy", "Same-Domain");
        assertThat(i.values("member")).containsExactly("a@example.test", "b@example.test");
        assertThat(i.choice("policy", GroupCommands.POLICIES)).contains("SAME_DOMAIN");
    }

    @Test
    void aliasTakesOneOrMoreTargets() throws Exception {
        assertThat(invocation("alias", "add", "info@example.test", "a@example.test", "b@other.test").operands()).hasSize(3);
        assertThat(usage(() -> parser.parse("alias", "add", "info@example.test")).getMessage())
                .isEqualTo("missing TARGET; usage: tenmail alias add ADDRESS TARGET...");
    }

    @Test
    void optionalOperandsMayBeLeftOut() throws Exception {
        assertThat(invocation("user", "list").optionalOperand(0)).isEmpty();
        assertThat(invocation("user", "list", "example.test").optionalOperand(0)).contains("example.test");
    }

    @Test
    void doubleDashEndsOptions() throws Exception {
        assertThat(invocation("tenant", "add", "--", "--weird name").operands()).containsExactly("--weird name");
    }

    @Test
    void helpIsRecognisedAtEveryLevel() throws Exception {
        assertThat(parser.parse("--help")).isEqualTo(new ParsedCommand.HelpRequest(""));
        assertThat(parser.parse("help", "user", "add")).isEqualTo(new ParsedCommand.HelpRequest("user add"));
        assertThat(parser.parse("user", "--help")).isEqualTo(new ParsedCommand.HelpRequest("user"));
        assertThat(parser.parse("user", "add", "-h")).isEqualTo(new ParsedCommand.HelpRequest("user add"));
        assertThat(parser.parse("user", "add", "alice@example.test", "--help")).isEqualTo(new ParsedCommand.HelpRequest("user add"));
    }

    @Test
    void singleWordCommandsTakeNoSecondWord() throws Exception {
        assertThat(invocation("serve").spec().name()).isEqualTo("serve");
        assertThat(invocation("--version").spec().name()).isEqualTo("version");
        assertThat(usage(() -> parser.parse("serve", "now")).getMessage()).startsWith("unexpected argument 'now'");
    }

    @Test
    void usageErrorsSayWhatIsWrongAndWhichHelpToRead() {
        UsageException noCommand = usage(() -> parser.parse());
        assertThat(noCommand.getMessage()).isEqualTo("no command given");
        assertThat(noCommand.helpTopic()).isEmpty();

        UsageException unknown = usage(() -> parser.parse("mailbox", "list"));
        assertThat(unknown.getMessage()).isEqualTo("unknown command 'mailbox'");

        UsageException noAction = usage(() -> parser.parse("domain"));
        assertThat(noAction.getMessage()).isEqualTo("'domain' needs one of: add, list, remove, dkim");
        assertThat(noAction.helpTopic()).isEqualTo("domain");

        UsageException badAction = usage(() -> parser.parse("domain", "rename", "a", "b"));
        assertThat(badAction.getMessage()).isEqualTo("unknown command 'domain rename'; 'domain' takes add, list, remove, dkim");

        UsageException missing = usage(() -> parser.parse("domain", "add"));
        assertThat(missing.getMessage()).isEqualTo("missing NAME; usage: tenmail domain add NAME");
        assertThat(missing.helpTopic()).isEqualTo("domain add");

        assertThat(usage(() -> parser.parse("domain", "add", "a.test", "b.test")).getMessage())
                .isEqualTo("unexpected argument 'b.test'; usage: tenmail domain add NAME");
    }

    @Test
    void optionMistakesNameTheOption() {
        assertThat(usage(() -> parser.parse("domain", "add", "a.test", "--owner", "1")).getMessage())
                .isEqualTo("unknown option --owner for 'domain add'");
        assertThat(usage(() -> parser.parse("domain", "add", "a.test", "-t", "1")).getMessage())
                .isEqualTo("unknown option -t for 'domain add'");
        assertThat(usage(() -> parser.parse("user", "add", "a@a.test", "--name")).getMessage())
                .isEqualTo("--name needs a value (N)");
        assertThat(usage(() -> parser.parse("user", "add", "a@a.test", "--password-stdin=yes")).getMessage())
                .isEqualTo("--password-stdin takes no value");
        assertThat(usage(() -> parser.parse("user", "add", "a@a.test", "--name", "A", "--name", "B")).getMessage())
                .isEqualTo("--name is given more than once");
    }

    @Test
    void typedOptionValuesAreChecked() throws Exception {
        assertThat(usage(() -> invocation("user", "add", "a@a.test", "--quota", "lots").bytes("quota")).getMessage())
                .isEqualTo("--quota must be a number of bytes such as 1073741824 or 1G, was 'lots'");
        assertThat(usage(() -> invocation("tenant", "add", "Acme", "--max-accounts", "-1").count("max-accounts")).getMessage())
                .isEqualTo("--max-accounts must be a whole number, was '-1'");
        assertThat(usage(() -> invocation("group", "add", "g@a.test", "--policy", "all").choice("policy", GroupCommands.POLICIES))
                .getMessage()).isEqualTo("--policy must be one of anyone, members, same-domain, was 'all'");
        assertThat(invocation("domain", "list").count("tenant")).isEqualTo(Optional.empty());
    }

    @Test
    void everyCommandHasAUniqueName() {
        List<String> names = Commands.ALL.stream().map(CommandSpec::name).toList();
        assertThat(names).doesNotHaveDuplicates();
    }
}
