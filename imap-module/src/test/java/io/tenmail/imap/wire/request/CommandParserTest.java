package io.tenmail.imap.wire.request;

import static io.tenmail.imap.wire.request.Requests.parse;
import static io.tenmail.imap.wire.request.Requests.parseUtf8;
import static io.tenmail.imap.wire.request.Requests.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenmail.imap.wire.ImapSyntaxException;
import io.tenmail.imap.wire.RawCommand;
import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.Flags.SystemFlag;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.SpecialUse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CommandParserTest {

    static MailboxName box(String name) {
        return new MailboxName(name);
    }

    @Nested
    class TagsAndNames {

        @ParameterizedTest
        @EnumSource(SimpleRequest.Command.class)
        void everyCommandWithoutArgumentsParses(SimpleRequest.Command command) throws ImapSyntaxException {
            assertThat(parse("a1 " + command.name())).isEqualTo(new SimpleRequest("a1", command));
            assertThat(parse("a1 " + command.name().toLowerCase())).isEqualTo(new SimpleRequest("a1", command));
        }

        @Test
        void argumentsAfterAnArgumentlessCommandAreRefused() {
            assertThat(refusal("a1 NOOP now")).isEqualTo("a1 BAD NOOP: Unexpected arguments after the command");
            assertThat(refusal("a1 NOOP ")).isEqualTo("a1 BAD NOOP: Unexpected arguments after the command");
            assertThat(refusal("a1 NOOP(")).isEqualTo("a1 BAD NOOP: Unexpected characters at the end: '('");
        }

        @Test
        void anUnknownCommandIsNamed() {
            assertThat(refusal("a1 FROB x")).isEqualTo("a1 BAD Unknown command FROB");
            assertThat(refusal("a1 UID NOOP")).isEqualTo("a1 BAD Unknown command UID NOOP");
        }

        @Test
        void anInvalidTagGetsAnUntaggedBad() {
            assertThat(refusal("a+1 NOOP")).isEqualTo("* BAD Invalid tag");
            assertThat(refusal("(a) NOOP")).isEqualTo("* BAD Invalid tag");
            assertThat(refusal(" NOOP")).isEqualTo("* BAD Invalid tag");
            assertThat(refusal("a\"b NOOP")).isEqualTo("* BAD Invalid tag");
        }

        @Test
        void aTagWithoutACommandIsTagged() {
            assertThat(refusal("a1")).isEqualTo("a1 BAD Missing command");
            assertThat(refusal("a1 ")).isEqualTo("a1 BAD Expected command name");
        }

        @Test
        void anEmptyLineIsRefused() {
            assertThat(refusal(() -> new CommandParser().parse(RawCommand.of("")))).isEqualTo("* BAD Empty command line");
        }

        @Test
        void argumentsAreSeparatedBySingleSpaces() {
            assertThat(refusal("a1  NOOP")).isEqualTo("a1 BAD Extra space in arguments");
            assertThat(refusal("a1 LOGIN  fred pw")).isEqualTo("a1 BAD LOGIN: Extra space in arguments");
            assertThat(refusal("a1 LOGIN fred")).isEqualTo("a1 BAD LOGIN: Missing arguments");
        }

        @Test
        void tagsMayHoldAnyAstringCharButPlus() throws ImapSyntaxException {
            assertThat(parse("a.b]c NOOP").tag()).isEqualTo("a.b]c");
        }

        @Test
        void namesIncludeTheUidPrefix() throws ImapSyntaxException {
            assertThat(parse("a UID FETCH 1 FLAGS").name()).isEqualTo("UID FETCH");
            assertThat(parse("a EXAMINE INBOX").name()).isEqualTo("EXAMINE");
        }
    }

    @Nested
    class AnyState {

        @Test
        void idTakesFieldValuePairsOrNil() throws ImapSyntaxException {
            // RFC 2971 §3.3 example
            IdRequest id = parse("a023 ID (\"name\" \"sodr\" \"version\" \"19.34\" \"vendor\" \"Pink Floyd Music Limited\")", IdRequest.class);
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("name", "sodr");
            expected.put("version", "19.34");
            expected.put("vendor", "Pink Floyd Music Limited");
            assertThat(id.fields()).containsExactlyEntriesOf(expected);
            assertThat(parse("a ID NIL", IdRequest.class).fields()).isEmpty();
            assertThat(parse("a ID ()", IdRequest.class).fields()).isEmpty();
            assertThat(parse("a ID (\"os\" NIL)", IdRequest.class).fields()).containsEntry("os", null);
            assertThat(parse("a ID ({4}\r\nname \"Foxmail\")", IdRequest.class).fields()).containsEntry("name", "Foxmail");
        }

        @Test
        void idEnforcesTheRfc2971Limits() {
            assertThat(refusal("a ID (\"" + "n".repeat(31) + "\" \"v\")")).isEqualTo("a BAD ID: Field name longer than 30 octets (RFC 2971)");
            assertThat(refusal("a ID (\"n\" \"" + "v".repeat(1025) + "\")")).isEqualTo("a BAD ID: Value longer than 1024 octets (RFC 2971)");
            StringBuilder many = new StringBuilder("a ID (");
            for (int i = 0; i < 31; i++) many.append(i == 0 ? "" : " ").append("\"f").append(i).append("\" \"v\"");
            assertThat(refusal(many.append(")").toString())).isEqualTo("a BAD ID: More than 30 fields (RFC 2971)");
            assertThat(refusal("a ID (name \"x\")")).isEqualTo("a BAD ID: Expected field name as a string at 'name \"x\")'");
            assertThat(refusal("a ID (\"name\")")).isEqualTo("a BAD ID: Expected a space before ')'");
        }

        @Test
        void enableListsCapabilitiesInUpperCase() throws ImapSyntaxException {
            assertThat(parse("a ENABLE condstore UTF8=ACCEPT QRESYNC", EnableRequest.class).capabilities())
                    .containsExactly("CONDSTORE", "UTF8=ACCEPT", "QRESYNC");
            assertThat(refusal("a ENABLE")).isEqualTo("a BAD ENABLE: Missing arguments");
        }
    }

    @Nested
    class NotAuthenticated {

        @Test
        void loginTakesTwoAstrings() throws ImapSyntaxException {
            assertThat(parse("a001 LOGIN SMITH SESAME")).isEqualTo(new LoginRequest("a001", "SMITH", "SESAME"));
            assertThat(parse("a LOGIN \"张三@example.cn\" \"p a\\\"ss\\\\\"")).isEqualTo(new LoginRequest("a", "张三@example.cn", "p a\"ss\\"));
            assertThat(parse("a LOGIN {4}\r\nfred {7+}\r\nfat man")).isEqualTo(new LoginRequest("a", "fred", "fat man"));
            assertThat(parse("a LOGIN \"\" \"\"")).isEqualTo(new LoginRequest("a", "", ""));
        }

        @Test
        void loginNeverShowsThePassword() throws ImapSyntaxException {
            assertThat(parse("a LOGIN fred secret").toString()).doesNotContain("secret").contains("fred");
        }

        @Test
        void loginRefusesBrokenStrings() {
            assertThat(refusal("a LOGIN \"fred secret")).isEqualTo("a BAD LOGIN: Unterminated quoted string in user name");
            assertThat(refusal("a LOGIN \"fr\\ed\" x")).isEqualTo("a BAD LOGIN: Invalid escape in quoted string of user name");
            assertThat(refusal("a LOGIN fred (secret)")).isEqualTo("a BAD LOGIN: Expected password at '(secret)'");
            assertThat(refusal("a LOGIN fred sec{ret")).isEqualTo("a BAD LOGIN: Unexpected characters at the end: '{ret'");
            assertThat(refusal("a LOGIN fred ~{3}\r\nabc")).isEqualTo("a BAD LOGIN: A literal8 (~{n}) is not allowed for password");
            assertThat(refusal("a LOGIN fred {3}\r\na\0c")).isEqualTo("a BAD LOGIN: NUL octet in the literal of password");
        }

        @Test
        void malformedUtf8IsRefused() {
            byte[] line = "a LOGIN \"\u00ff\u00fe\" x\r\n".getBytes(StandardCharsets.ISO_8859_1);
            assertThat(refusal(() -> new CommandParser().parse(Requests.frame(line))))
                    .isEqualTo("a BAD LOGIN: Invalid UTF-8 in user name");
        }

        @Test
        void authenticateTakesAMechanismAndAnOptionalInitialResponse() throws ImapSyntaxException {
            AuthenticateRequest plain = parse("a AUTHENTICATE plain AGZyZWQAc2VjcmV0", AuthenticateRequest.class);
            assertThat(plain.mechanism()).isEqualTo("PLAIN");
            assertThat(plain.initialResponse()).isEqualTo("\0fred\0secret".getBytes(StandardCharsets.US_ASCII));
            assertThat(plain.toString()).doesNotContain("AGZy");
            // RFC 4959 §3: "=" is an empty initial response
            assertThat(parse("a AUTHENTICATE EXTERNAL =", AuthenticateRequest.class).initialResponse()).isEmpty();
            AuthenticateRequest none = parse("a AUTHENTICATE LOGIN", AuthenticateRequest.class);
            assertThat(none.hasInitialResponse()).isFalse();
            assertThat(none.initialResponse()).isNull();
            assertThat(plain).isEqualTo(parse("a AUTHENTICATE PLAIN AGZyZWQAc2VjcmV0"));
        }

        @Test
        void authenticateRefusesBadBase64() {
            assertThat(refusal("a AUTHENTICATE PLAIN AGZy!")).isEqualTo("a BAD AUTHENTICATE: Initial response is not valid BASE64");
            assertThat(refusal("a AUTHENTICATE PLAIN AGZ")).isEqualTo("a BAD AUTHENTICATE: Initial response is not valid BASE64");
            assertThat(refusal("a AUTHENTICATE")).isEqualTo("a BAD AUTHENTICATE: Missing arguments");
        }

        @Test
        void saslResponseLinesAreBase64OrCancel() {
            assertThat(SaslResponse.parse("*").isCancel()).isTrue();
            assertThat(SaslResponse.parse("").data()).isEmpty();
            assertThat(SaslResponse.parse("dGVzdA==").data()).isEqualTo("test".getBytes(StandardCharsets.US_ASCII));
            assertThat(SaslResponse.parse("dGVzdA==")).isEqualTo(SaslResponse.parse("dGVzdA=="));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SaslResponse.parse("dGVzdA"))
                    .isInstanceOf(IllegalArgumentException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SaslResponse.parse("dG V="))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Mailboxes {

        @Test
        void selectAndExamineTakeAMailbox() throws ImapSyntaxException {
            assertThat(parse("A142 SELECT INBOX"))
                    .isEqualTo(new SelectRequest("A142", MailboxName.INBOX, false, false, Optional.empty()));
            assertThat(parse("A932 EXAMINE blurdybloop"))
                    .isEqualTo(new SelectRequest("A932", box("blurdybloop"), true, false, Optional.empty()));
            assertThat(parse("a select inbox", SelectRequest.class).mailbox()).isEqualTo(MailboxName.INBOX);
        }

        @Test
        void selectTakesCondstoreAndQresyncParameters() throws ImapSyntaxException {
            assertThat(parse("a SELECT INBOX (CONDSTORE)", SelectRequest.class).condstore()).isTrue();
            // RFC 7162 §3.2.5.2 example
            SelectRequest q = parse("A03 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))", SelectRequest.class);
            assertThat(q.qresync()).contains(new SelectRequest.Qresync(67890007, 20050715194045000L,
                    Optional.of(SequenceSet.parse("41,43:211,214:541")), Optional.empty(), Optional.empty()));
            SelectRequest withMatch = parse("B04 SELECT INBOX (QRESYNC (67890007 90060115194045000 "
                    + "41:211,214:541 (1:7,10 41,43,45:49)))", SelectRequest.class);
            assertThat(withMatch.qresync().orElseThrow().knownSequenceNumbers()).contains(SequenceSet.parse("1:7,10"));
            assertThat(withMatch.qresync().orElseThrow().knownSequenceUids()).contains(SequenceSet.parse("41,43,45:49"));
            SelectRequest minimal = parse("a SELECT INBOX (QRESYNC (1 2) CONDSTORE)", SelectRequest.class);
            assertThat(minimal.qresync().orElseThrow().knownUids()).isEmpty();
            assertThat(minimal.condstore()).isTrue();
            SelectRequest matchOnly = parse("a SELECT INBOX (QRESYNC (1 2 (1:2 5:6)))", SelectRequest.class);
            assertThat(matchOnly.qresync().orElseThrow().knownUids()).isEmpty();
            assertThat(matchOnly.qresync().orElseThrow().knownSequenceUids()).contains(SequenceSet.parse("5:6"));
        }

        @Test
        void badSelectParametersAreRefused() {
            assertThat(refusal("a SELECT INBOX (FOO)")).isEqualTo("a BAD SELECT: Unknown parameter FOO");
            assertThat(refusal("a SELECT INBOX ()")).isEqualTo("a BAD SELECT: Expected SELECT parameter at ')'");
            assertThat(refusal("a SELECT INBOX (CONDSTORE CONDSTORE)")).isEqualTo("a BAD SELECT: CONDSTORE given twice");
            assertThat(refusal("a SELECT INBOX (QRESYNC (0 5))"))
                    .isEqualTo("a BAD SELECT: QRESYNC UIDVALIDITY must be a positive number without leading zeros");
            assertThat(refusal("a SELECT INBOX (QRESYNC (1 0))")).isEqualTo("a BAD SELECT: QRESYNC mod-sequence must be positive");
            assertThat(refusal("a SELECT INBOX (QRESYNC (1 5 1:*))"))
                    .isEqualTo("a BAD SELECT: QRESYNC known UIDs may not contain '*' or '$'");
            assertThat(refusal("a SELECT INBOX (QRESYNC (1 5 1:3 (1:2)))")).isEqualTo("a BAD SELECT: Expected a space before ')))'");
            assertThat(refusal("a EXAMINE INBOX (QRESYNC (1 5) QRESYNC (1 5))")).isEqualTo("a BAD EXAMINE: QRESYNC given twice");
            assertThat(refusal("a SELECT INBOX (QRESYNC (1 9223372036854775808))"))
                    .isEqualTo("a BAD SELECT: QRESYNC mod-sequence is too large");
            assertThat(refusal("a SELECT INBOX (QRESYNC (1 5 1:3 (1:2 $)))"))
                    .isEqualTo("a BAD SELECT: QRESYNC known UID set may not contain '*' or '$'");
            assertThat(refusal("a SELECT INBOX (QRESYNC (1 5 1:3 2:4))")).startsWith("a BAD SELECT: Expected sequence match data");
            assertThat(refusal("a SELECT INBOX (QRESYNC 1 5)")).startsWith("a BAD SELECT: ");
            assertThat(refusal("a SELECT INBOX (QRESYNC (1 5 1:3)")).startsWith("a BAD SELECT: ");
        }

        @Test
        void mailboxNamesAreDecodedFromModifiedUtf7() throws ImapSyntaxException {
            assertThat(parse("a SELECT &XfJT0ZAB-", SelectRequest.class).mailbox()).isEqualTo(box("已发送"));
            assertThat(parse("a CREATE \"&mHl27g-/2026\"", CreateRequest.class).mailbox()).isEqualTo(box("项目/2026"));
            assertThat(parse("a DELETE {10+}\r\n&XfJT0ZAB-", DeleteRequest.class).mailbox()).isEqualTo(box("已发送"));
        }

        @Test
        void withUtf8EnabledMailboxNamesAreUtf8() throws ImapSyntaxException {
            assertThat(parseUtf8("a SELECT \"已发送\"")).isEqualTo(new SelectRequest("a", box("已发送"), false, false, Optional.empty()));
            assertThat(((CreateRequest) parseUtf8("a CREATE A&B")).mailbox()).isEqualTo(box("A&B"));
        }

        @Test
        void invalidMailboxNamesAreRefused() {
            assertThat(refusal("a SELECT \"已发送\""))
                    .isEqualTo("a BAD SELECT: Mailbox name is not valid modified UTF-7 (8-bit character; enable UTF8=ACCEPT)");
            assertThat(refusal("a SELECT &AGE-")).isEqualTo("a BAD SELECT: Mailbox name is not valid modified UTF-7 (printable US-ASCII encoded)");
            assertThat(refusal("a SELECT \"\"")).isEqualTo("a NO [NONEXISTENT] Invalid mailbox name");
            assertThat(refusal("a SELECT a//b")).isEqualTo("a NO [NONEXISTENT] Invalid mailbox name");
            assertThat(refusal("a CREATE /top")).isEqualTo("a NO [CANNOT] Invalid mailbox name");
            assertThat(refusal("a CREATE \"" + "x".repeat(1001) + "\"")).isEqualTo("a NO [CANNOT] Invalid mailbox name");
            assertThat(refusal("a RENAME a \"b//c\"")).isEqualTo("a NO [CANNOT] Invalid mailbox name");
            assertThat(refusal("a SELECT (INBOX)")).isEqualTo("a BAD SELECT: Expected mailbox name at '(INBOX)'");
        }

        @Test
        void createDropsATrailingDelimiterAndTakesUseAttributes() throws ImapSyntaxException {
            assertThat(parse("A004 CREATE owatagusiam/")).isEqualTo(new CreateRequest("A004", box("owatagusiam"), Set.of()));
            // RFC 6154 §5.2 example
            assertThat(parse("t1 CREATE MySpecial (USE (\\Drafts \\Sent))"))
                    .isEqualTo(new CreateRequest("t1", box("MySpecial"), Set.of(SpecialUse.DRAFTS, SpecialUse.SENT)));
            assertThat(parse("t1 CREATE x (use ())", CreateRequest.class).specialUses()).isEmpty();
            assertThat(parse("t1 CREATE x (USE (\\archive))", CreateRequest.class).specialUses()).containsExactly(SpecialUse.ARCHIVE);
        }

        @Test
        void createRefusesUnknownParametersAndAttributes() {
            assertThat(refusal("t1 CREATE x (USE (\\Important))")).isEqualTo("t1 NO [USEATTR] CREATE: Unsupported special-use attribute \\Important");
            assertThat(refusal("t1 CREATE x (FOO)")).isEqualTo("t1 BAD CREATE: Unknown parameter FOO");
            assertThat(refusal("t1 CREATE x (USE (Sent))")).isEqualTo("t1 BAD CREATE: Expected a special-use attribute at 'Sent))'");
            assertThat(refusal("t1 CREATE x (USE (\\Sent) USE (\\Sent))")).isEqualTo("t1 BAD CREATE: USE given twice");
        }

        @Test
        void deleteRenameSubscribeUnsubscribeTakeMailboxes() throws ImapSyntaxException {
            assertThat(parse("A683 DELETE blurdybloop")).isEqualTo(new DeleteRequest("A683", box("blurdybloop")));
            assertThat(parse("A683 RENAME blurdybloop sarasoop"))
                    .isEqualTo(new RenameRequest("A683", box("blurdybloop"), box("sarasoop")));
            assertThat(parse("A002 SUBSCRIBE #news.comp.mail.mime")).isEqualTo(new SubscribeRequest("A002", box("#news.comp.mail.mime")));
            assertThat(parse("A002 UNSUBSCRIBE \"a b\"")).isEqualTo(new UnsubscribeRequest("A002", box("a b")));
            assertThat(refusal("A683 RENAME blurdybloop")).isEqualTo("A683 BAD RENAME: Missing arguments");
        }

        @Test
        void statusTakesItemsInTheOrderAsked() throws ImapSyntaxException {
            assertThat(parse("A042 STATUS blurdybloop (UIDNEXT MESSAGES)"))
                    .isEqualTo(new StatusRequest("A042", box("blurdybloop"), List.of(StatusItem.UIDNEXT, StatusItem.MESSAGES)));
            assertThat(parse("a STATUS INBOX (highestmodseq size appendlimit deleted deleted-storage recent unseen uidvalidity uidnext messages)",
                    StatusRequest.class).items()).containsExactly(StatusItem.HIGHESTMODSEQ, StatusItem.SIZE, StatusItem.APPENDLIMIT,
                    StatusItem.DELETED, StatusItem.DELETED_STORAGE, StatusItem.RECENT, StatusItem.UNSEEN, StatusItem.UIDVALIDITY,
                    StatusItem.UIDNEXT, StatusItem.MESSAGES);
            assertThat(parse("a STATUS INBOX (UIDNEXT UIDNEXT)", StatusRequest.class).items()).containsExactly(StatusItem.UIDNEXT);
        }

        @Test
        void statusRefusesBadItems() {
            assertThat(refusal("a STATUS INBOX (FOO)")).isEqualTo("a BAD STATUS: Unknown status item FOO");
            assertThat(refusal("a STATUS INBOX ()")).isEqualTo("a BAD STATUS: Expected status item at ')'");
            assertThat(refusal("a STATUS INBOX UIDNEXT")).isEqualTo("a BAD STATUS: Expected '(' before 'UIDNEXT'");
            assertThat(refusal("a STATUS INBOX (UIDNEXT")).isEqualTo("a BAD STATUS: Expected ')' at the end");
        }

        @Test
        void quotaCommandsParse() throws ImapSyntaxException {
            assertThat(parse("G0001 GETQUOTA \"!partition/sda4\"")).isEqualTo(new GetQuotaRequest("G0001", "!partition/sda4"));
            assertThat(parse("A003 GETQUOTAROOT INBOX")).isEqualTo(new GetQuotaRootRequest("A003", MailboxName.INBOX));
            SetQuotaRequest set = parse("S0000 SETQUOTA \"User quota\" (STORAGE 510 message 20)", SetQuotaRequest.class);
            assertThat(set.root()).isEqualTo("User quota");
            assertThat(set.limits()).containsExactly(Map.entry("STORAGE", 510L), Map.entry("MESSAGE", 20L));
            assertThat(parse("S SETQUOTA \"\" ()", SetQuotaRequest.class).limits()).isEmpty();
            assertThat(refusal("S SETQUOTA \"\" (STORAGE)")).isEqualTo("S BAD SETQUOTA: Expected a space before ')'");
            assertThat(refusal("S SETQUOTA \"\" (STORAGE x)")).isEqualTo("S BAD SETQUOTA: Expected resource limit as a number at 'x)'");
            assertThat(refusal("S SETQUOTA \"\" (STORAGE 1 STORAGE 2)")).isEqualTo("S BAD SETQUOTA: Resource STORAGE given twice");
        }

        @Test
        void compressNamesItsAlgorithm() throws ImapSyntaxException {
            assertThat(parse("a COMPRESS deflate")).isEqualTo(new CompressRequest("a", "DEFLATE"));
            assertThat(refusal("a COMPRESS")).isEqualTo("a BAD COMPRESS: Missing arguments");
        }
    }

    @Nested
    class Listing {

        @Test
        void basicListTakesReferenceAndPattern() throws ImapSyntaxException {
            ListRequest list = parse("A101 LIST \"\" \"\"", ListRequest.class);
            assertThat(list.reference()).isEmpty();
            assertThat(list.patterns()).containsExactly("");
            assertThat(list.extended()).isFalse();
            assertThat(list.asksForDelimiter()).isTrue();
            ListRequest wild = parse("A202 LIST ~/Mail/ %", ListRequest.class);
            assertThat(wild.reference()).isEqualTo("~/Mail/");
            assertThat(wild.patterns()).containsExactly("%");
            assertThat(wild.matchers().get(0).pattern()).isEqualTo("~/Mail/%");
            assertThat(parse("a LIST \"\" *", ListRequest.class).patterns()).containsExactly("*");
            assertThat(parse("a LIST \"\" INBOX/*]x", ListRequest.class).patterns()).containsExactly("INBOX/*]x");
            assertThat(parse("a LIST \"\" &XfJT0ZAB-/%", ListRequest.class).patterns()).containsExactly("已发送/%");
        }

        @Test
        void extendedListTakesSelectionPatternsAndReturnOptions() throws ImapSyntaxException {
            // RFC 5258 §5 examples
            ListRequest l = parse("A02 LIST (SUBSCRIBED) \"\" \"*\"", ListRequest.class);
            assertThat(l.selection()).containsExactly(ListRequest.SelectionOption.SUBSCRIBED);
            assertThat(l.extended()).isTrue();
            ListRequest r = parse("A03 LIST () \"\" \"%\" RETURN (CHILDREN)", ListRequest.class);
            assertThat(r.selection()).isEmpty();
            assertThat(r.returns()).containsExactly(ListRequest.ReturnOption.CHILDREN);
            ListRequest multi = parse("A05 LIST (REMOTE SUBSCRIBED RECURSIVEMATCH) \"\" (\"%\" \"*/%\") RETURN (SUBSCRIBED CHILDREN)",
                    ListRequest.class);
            assertThat(multi.patterns()).containsExactly("%", "*/%");
            assertThat(multi.selection()).containsExactlyInAnyOrder(ListRequest.SelectionOption.REMOTE,
                    ListRequest.SelectionOption.SUBSCRIBED, ListRequest.SelectionOption.RECURSIVEMATCH);
            // RFC 5819 §2 example
            ListRequest status = parse("A01 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))", ListRequest.class);
            assertThat(status.returns()).containsExactly(ListRequest.ReturnOption.STATUS);
            assertThat(status.statusItems()).containsExactly(StatusItem.MESSAGES, StatusItem.UNSEEN);
            // RFC 6154 §5.1 example
            ListRequest special = parse("t3 LIST (SPECIAL-USE) \"\" \"*\" RETURN (SPECIAL-USE)", ListRequest.class);
            assertThat(special.selection()).containsExactly(ListRequest.SelectionOption.SPECIAL_USE);
            assertThat(special.returns()).containsExactly(ListRequest.ReturnOption.SPECIAL_USE);
            assertThat(parse("a LIST \"\" (INBOX)", ListRequest.class).extended()).isTrue();
            assertThat(parse("a LIST \"\" % RETURN ()", ListRequest.class).extended()).isTrue();
        }

        @Test
        void badListOptionsAreRefused() {
            assertThat(refusal("a LIST (RECURSIVEMATCH) \"\" %")).isEqualTo("a BAD LIST: RECURSIVEMATCH needs SUBSCRIBED or SPECIAL-USE");
            assertThat(refusal("a LIST (FOO) \"\" %")).isEqualTo("a BAD LIST: Unknown selection option FOO");
            assertThat(refusal("a LIST \"\" % RETURN (FOO)")).isEqualTo("a BAD LIST: Unknown return option FOO");
            assertThat(refusal("a LIST \"\" % RETURNS (CHILDREN)")).isEqualTo("a BAD LIST: Expected RETURN at 'RETURNS (CHILDREN)'");
            assertThat(refusal("a LIST \"\" % RETURN (STATUS ())")).isEqualTo("a BAD LIST: Expected status item at '))'");
            assertThat(refusal("a LIST \"\" ()")).isEqualTo("a BAD LIST: Expected mailbox pattern at ')'");
            assertThat(refusal("a LIST \"\"")).isEqualTo("a BAD LIST: Missing arguments");
            assertThat(refusal("a LIST \"\" &Jjo")).isEqualTo("a BAD LIST: Mailbox name is not valid modified UTF-7 (unterminated '&' sequence)");
        }

        @Test
        void lsubTakesReferenceAndPattern() throws ImapSyntaxException {
            assertThat(parse("A002 LSUB \"#news.\" \"comp.mail.*\"")).isEqualTo(new LsubRequest("A002", "#news.", "comp.mail.*"));
            assertThat(parse("A002 LSUB \"\" %", LsubRequest.class).matcher().pattern()).isEqualTo("%");
        }
    }

    @Nested
    class Append {

        @Test
        void appendTakesFlagsDateAndALiteral() throws ImapSyntaxException {
            String message = "Date: Mon, 7 Feb 1994 21:52:25 -0800\r\nSubject: afternoon meeting\r\n\r\nHello Joe\r\n";
            AppendRequest a = parse("A003 APPEND saved-messages (\\Seen) \"17-Jul-1996 02:44:25 -0700\" {" + message.length()
                    + "}\r\n" + message, AppendRequest.class);
            assertThat(a.mailbox()).isEqualTo(box("saved-messages"));
            assertThat(a.messages()).hasSize(1);
            AppendRequest.Message m = a.messages().get(0);
            assertThat(m.flags()).isEqualTo(Flags.of(SystemFlag.SEEN));
            assertThat(m.internalDate()).contains(OffsetDateTime.of(1996, 7, 17, 2, 44, 25, 0, ZoneOffset.ofHours(-7)));
            assertThat(new String(m.content().bytes(), StandardCharsets.US_ASCII)).isEqualTo(message);
            assertThat(m.content().binary()).isFalse();
            assertThat(m.utf8()).isFalse();
        }

        @Test
        void flagsAndDateAreOptional() throws ImapSyntaxException {
            AppendRequest a = parse("a APPEND INBOX {3+}\r\nabc", AppendRequest.class);
            assertThat(a.messages().get(0).flags()).isEqualTo(Flags.NONE);
            assertThat(a.messages().get(0).internalDate()).isEmpty();
            AppendRequest d = parse("a APPEND INBOX \" 7-Jul-1996 02:44:25 +0000\" {3+}\r\nabc", AppendRequest.class);
            assertThat(d.messages().get(0).internalDate()).isPresent();
            AppendRequest f = parse("a APPEND INBOX () {3+}\r\nabc", AppendRequest.class);
            assertThat(f.messages().get(0).flags()).isEqualTo(Flags.NONE);
            AppendRequest k = parse("a APPEND INBOX (\\Draft $Forwarded Work) {3+}\r\nabc", AppendRequest.class);
            assertThat(k.messages().get(0).flags()).isEqualTo(new Flags(Set.of(SystemFlag.DRAFT), Set.of("$Forwarded", "Work")));
        }

        @Test
        void multiAppendTakesSeveralMessages() throws ImapSyntaxException {
            // RFC 3502 §6 example, shortened
            AppendRequest a = parse("A003 APPEND saved-messages (\\Seen) {3}\r\none (\\Seen) \"17-Jul-1996 02:44:25 -0700\" {3}\r\ntwo ~{3}\r\nt\0o",
                    AppendRequest.class);
            assertThat(a.messages()).hasSize(3);
            assertThat(a.messages().get(1).internalDate()).isPresent();
            assertThat(a.messages().get(2).content().binary()).isTrue();
            assertThat(a.messages().get(2).content().bytes()).containsExactly('t', 0, 'o');
        }

        @Test
        void utf8AppendWrapsALiteral8() throws ImapSyntaxException {
            // RFC 6855 §4
            AppendRequest a = parseUtf8AppendOf("a APPEND INBOX UTF8 (~{3+}\r\nabc)");
            assertThat(a.messages().get(0).utf8()).isTrue();
            assertThat(a.messages().get(0).content().binary()).isTrue();
            assertThat(refusal("a APPEND INBOX UTF8 ({3+}\r\nabc)")).isEqualTo("a BAD APPEND: UTF8 data must be a literal8 (~{n})");
            assertThat(refusal("a APPEND INBOX UTF8 (~{3+}\r\nabc")).isEqualTo("a BAD APPEND: Expected ')' at the end");
        }

        private AppendRequest parseUtf8AppendOf(String line) throws ImapSyntaxException {
            return (AppendRequest) parseUtf8(line);
        }

        @Test
        void appendRefusesWhatTheGrammarForbids() {
            assertThat(refusal("a APPEND INBOX")).isEqualTo("a BAD APPEND: Missing arguments");
            assertThat(refusal("a APPEND INBOX (\\Seen)")).isEqualTo("a BAD APPEND: Missing arguments");
            assertThat(refusal("a APPEND INBOX \"message\"")).isEqualTo("a BAD APPEND: Invalid date-time 'message', expected dd-Mon-yyyy hh:mm:ss +zzzz");
            assertThat(refusal("a APPEND INBOX hello")).isEqualTo("a BAD APPEND: Expected the message as a literal at 'hello'");
            assertThat(refusal("a APPEND INBOX (\\Recent) {1+}\r\nx")).isEqualTo("a BAD APPEND: \\Recent cannot be set by a client");
            assertThat(refusal("a APPEND INBOX (\\Foo) {1+}\r\nx")).isEqualTo("a BAD APPEND: Unknown system flag \\Foo");
            assertThat(refusal("a APPEND INBOX (\\*) {1+}\r\nx")).isEqualTo("a BAD APPEND: \\* is not a flag");
            assertThat(refusal("a APPEND INBOX {3+}\r\na\0b")).isEqualTo("a BAD APPEND: NUL octet in message literal; send binary data as a literal8 (~{n})");
            assertThat(refusal("a APPEND INBOX {3+}\r\nabc x")).isEqualTo("a BAD APPEND: Expected the message as a literal at 'x'");
            assertThat(refusal("a APPEND INBOX {3+}\r\nabc ")).isEqualTo("a BAD APPEND: Expected the message as a literal at the end");
        }
    }

    @Nested
    class Selected {

        @Test
        void storeSetsAddsAndRemovesFlags() throws ImapSyntaxException {
            assertThat(parse("A003 STORE 2:4 +FLAGS (\\Deleted)")).isEqualTo(new StoreRequest("A003", false, SequenceSet.parse("2:4"),
                    OptionalLong.empty(), StoreRequest.Mode.ADD, false, Flags.of(SystemFlag.DELETED)));
            StoreRequest s = parse("a UID STORE 1:* -flags.silent \\Seen $Junk", StoreRequest.class);
            assertThat(s.uid()).isTrue();
            assertThat(s.mode()).isEqualTo(StoreRequest.Mode.REMOVE);
            assertThat(s.silent()).isTrue();
            assertThat(s.flags()).isEqualTo(new Flags(Set.of(SystemFlag.SEEN), Set.of("$Junk")));
            assertThat(parse("a STORE 1 FLAGS ()", StoreRequest.class).flags()).isEqualTo(Flags.NONE);
            assertThat(parse("a STORE $ FLAGS.SILENT (\\Flagged)", StoreRequest.class).set()).isEqualTo(SequenceSet.SAVED);
        }

        @Test
        void storeTakesUnchangedSince() throws ImapSyntaxException {
            // RFC 7162 §3.1.3 example
            StoreRequest s = parse("d105 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)", StoreRequest.class);
            assertThat(s.unchangedSince()).hasValue(320162338);
            assertThat(parse("d STORE 1 (UNCHANGEDSINCE 0) FLAGS ()", StoreRequest.class).unchangedSince()).hasValue(0);
        }

        @Test
        void storeRefusesBadItems() {
            assertThat(refusal("a STORE 1 FLAG (\\Seen)")).isEqualTo("a BAD STORE: Unknown store item FLAG");
            assertThat(refusal("a STORE 1 +FLAGS.LOUD (\\Seen)")).isEqualTo("a BAD STORE: Unknown store item +FLAGS.LOUD");
            assertThat(refusal("a STORE 1 +FLAGS")).isEqualTo("a BAD STORE: Missing arguments");
            assertThat(refusal("a STORE 1 (FOO 1) FLAGS ()")).isEqualTo("a BAD STORE: Unknown modifier FOO");
            assertThat(refusal("a STORE 0 FLAGS ()")).isEqualTo("a BAD STORE: Invalid sequence set (0 is not a valid sequence number)");
            assertThat(refusal("a STORE 1 FLAGS (\\Seen")).isEqualTo("a BAD STORE: Expected ')' at the end");
            assertThat(refusal("a STORE 1 FLAGS (" + "k".repeat(101) + ")")).isEqualTo("a BAD STORE: Keyword longer than 100 characters");
        }

        @Test
        void copyMoveAndUidExpungeTakeSets() throws ImapSyntaxException {
            assertThat(parse("A003 COPY 2:4 MEETING")).isEqualTo(new CopyRequest("A003", false, SequenceSet.parse("2:4"), box("MEETING")));
            assertThat(parse("a UID MOVE 42:69 foo")).isEqualTo(new MoveRequest("a", true, SequenceSet.parse("42:69"), box("foo")));
            assertThat(parse("a MOVE $ Trash")).isEqualTo(new MoveRequest("a", false, SequenceSet.SAVED, box("Trash")));
            assertThat(parse("A003 UID EXPUNGE 3000:3002")).isEqualTo(new UidExpungeRequest("A003", SequenceSet.parse("3000:3002")));
            assertThat(refusal("a UID EXPUNGE")).isEqualTo("a BAD UID EXPUNGE: Missing arguments");
            assertThat(refusal("a COPY 1:x INBOX")).isEqualTo("a BAD COPY: Invalid sequence set '1:x INBOX'");
            assertThat(refusal("a COPY 4294967296 INBOX"))
                    .isEqualTo("a BAD COPY: Invalid sequence set (Sequence number too large (max 4294967295))");
            assertThat(refusal("a COPY 1,,2 INBOX")).isEqualTo("a BAD COPY: Invalid sequence set (Empty element in sequence set)");
            assertThat(refusal("a COPY INBOX")).isEqualTo("a BAD COPY: Expected sequence set at 'INBOX'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a CAPABILITY|CAPABILITY",
        "a UID FETCH 1 UID|UID FETCH",
        "a UID SEARCH ALL|UID SEARCH",
        "a UID SORT (DATE) UTF-8 ALL|UID SORT",
        "a UID THREAD REFERENCES UTF-8 ALL|UID THREAD",
        "a UID STORE 1 FLAGS ()|UID STORE",
        "a UID COPY 1 x|UID COPY",
        "a SEARCH ALL|SEARCH",
        "a GETQUOTAROOT INBOX|GETQUOTAROOT",
    })
    void everyRequestNamesItsCommand(String line, String name) throws ImapSyntaxException {
        assertThat(parse(line).name()).isEqualTo(name);
    }
}
