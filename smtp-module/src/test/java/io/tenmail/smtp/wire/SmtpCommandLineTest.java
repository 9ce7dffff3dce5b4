package io.tenmail.smtp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpCommandLineTest {

    static final Set<SmtpExtension> ALL = EnumSet.allOf(SmtpExtension.class);
    static final Set<SmtpExtension> NONE = EnumSet.noneOf(SmtpExtension.class);

    static SmtpCommandLine parse(String line) throws SmtpSyntaxException {
        return SmtpCommandLine.parse(line, ALL);
    }

    static SmtpSyntaxException refusal(String line, Set<SmtpExtension> advertised, boolean utf8Transaction) {
        SmtpSyntaxException e = catchThrowableOfType(
                () -> SmtpCommandLine.parse(line, advertised, utf8Transaction), SmtpSyntaxException.class);
        assertThat(e).as("refusal of %s", line).isNotNull();
        return e;
    }

    /** The "code enhanced" of the reply the parser wants sent. */
    static String status(String line) {
        return refusal(line, ALL, false).reply().status();
    }

    static String status(String line, Set<SmtpExtension> advertised) {
        return refusal(line, advertised, false).reply().status();
    }

    static Mailbox sender(String line) throws SmtpSyntaxException {
        return parse(line).reversePath().mailbox().orElseThrow();
    }

    static Mailbox recipient(String line) throws SmtpSyntaxException {
        return parse(line).forwardPath().mailbox().orElseThrow();
    }

    @Nested
    class Verbs {
        @Test
        void verbsAreCaseInsensitive() throws Exception {
            assertThat(parse("mail from:<a@example.test>").verb()).isEqualTo(SmtpVerb.MAIL);
            assertThat(parse("Rcpt To:<a@example.test>").verb()).isEqualTo(SmtpVerb.RCPT);
            assertThat(parse("qUiT").verb()).isEqualTo(SmtpVerb.QUIT);
        }

        @Test
        void everyVerbWithoutArgumentParses() throws Exception {
            for (String verb : new String[] {"DATA", "RSET", "QUIT", "STARTTLS", "NOOP", "HELP"}) {
                SmtpCommandLine line = parse(verb);
                assertThat(line.verb().name()).isEqualTo(verb);
                assertThat(line.argument()).isEmpty();
            }
        }

        @Test
        void anEmptyLineIsASyntaxError() {
            assertThat(status("")).isEqualTo("500 5.5.2");
        }

        @ParameterizedTest
        @ValueSource(strings = {"FOO", "MAILX FROM:<a@b.test>", "MAIL\tFROM:<a@b.test>", " MAIL FROM:<a@b.test>",
                "TURN", "ETRN example.test", "X", "HELLO", "DATA1", "ÉHLO x"})
        void anUnknownVerbIsUnrecognized(String line) {
            SmtpSyntaxException e = refusal(line, ALL, false);
            assertThat(e.reply().status()).isEqualTo("500 5.5.1");
            assertThat(e.verb()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"DATA x", "QUIT now", "RSET ", "DATA ", "STARTTLS TLSv1.3"})
        void aVerbWithoutArgumentsRefusesOne(String line) {
            assertThat(status(line)).isEqualTo("501 5.5.4");
        }

        @ParameterizedTest
        @ValueSource(strings = {"HELO", "EHLO", "EHLO ", "MAIL", "RCPT", "VRFY", "EXPN", "AUTH", "BDAT", "MAIL "})
        void aVerbThatNeedsAnArgumentRefusesNone(String line) {
            assertThat(status(line)).isEqualTo("501 5.5.4");
        }

        @ParameterizedTest
        @ValueSource(strings = {"NOOP ", "HELP "})
        void anOptionalArgumentMayNotBeEmpty(String line) {
            assertThat(status(line)).isEqualTo("501 5.5.4");
        }

        @ParameterizedTest
        @ValueSource(strings = {"NOOP a\u0000b", "MAIL FROM:<a\tb@example.test>", "VRFY x\ry", "EHLO a\u007f",
                "RCPT TO:<a@example.test>\u001b"})
        void controlCharactersInArgumentsAreSyntaxErrors(String line) {
            assertThat(status(line)).isEqualTo("501 5.5.2");
        }

        @Test
        void freeTextArgumentsAreKeptAsSent() throws Exception {
            // RFC 5321 §3.5.3 and §3.5.4 examples
            assertThat(parse("VRFY Smith").text()).isEqualTo("Smith");
            assertThat(parse("EXPN Example-People").text()).isEqualTo("Example-People");
            assertThat(parse("HELP MAIL").text()).isEqualTo("MAIL");
            assertThat(parse("NOOP anything goes here").text()).isEqualTo("anything goes here");
            assertThat(parse("NOOP").text()).isEmpty();
            assertThat(parse("VRFY <smith@example.test>").text()).isEqualTo("<smith@example.test>");
        }

        @Test
        void askingForThePartOfAnotherVerbIsABug() throws Exception {
            SmtpCommandLine quit = parse("QUIT");
            assertThatThrownBy(quit::reversePath).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(quit::forwardPath).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(quit::clientDomain).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(quit::authRequest).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(quit::bdatChunk).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(quit::text).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(parse("RCPT TO:<a@example.test>")::mailParameters).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(parse("MAIL FROM:<a@example.test>")::rcptParameters).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void refusalsOfARecognisedVerbNameIt() {
            assertThat(refusal("BDAT x", ALL, false).verb()).contains(SmtpVerb.BDAT);
            assertThat(refusal("MAIL FROM:x", ALL, false).verb()).contains(SmtpVerb.MAIL);
        }
    }

    @Nested
    class HeloAndEhlo {
        @Test
        void theRfcExampleDomainParses() throws Exception {
            // RFC 5321 Appendix D.1
            ClientDomain d = parse("EHLO bar.com").clientDomain();
            assertThat(d).isEqualTo(new ClientDomain("bar.com", ClientDomain.Kind.DOMAIN));
            assertThat(parse("HELO bar.com").clientDomain().kind()).isEqualTo(ClientDomain.Kind.DOMAIN);
        }

        @Test
        void anAddressLiteralIsRecognised() throws Exception {
            assertThat(parse("EHLO [192.0.2.1]").clientDomain().kind()).isEqualTo(ClientDomain.Kind.ADDRESS_LITERAL);
            assertThat(parse("EHLO [IPv6:2001:db8::1]").clientDomain().kind()).isEqualTo(ClientDomain.Kind.ADDRESS_LITERAL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"my_pc", "[192.0.2.300]", "-bad.example", "bad-.example", "a..b", "[not-a-literal]",
                "trailing.dot."})
        void aNonconformingNameIsAcceptedButFlaggedForPolicy(String name) throws Exception {
            assertThat(parse("EHLO " + name).clientDomain()).isEqualTo(new ClientDomain(name, ClientDomain.Kind.NONCONFORMING));
        }

        @Test
        void aDottedQuadWithoutBracketsIsNonconforming() throws Exception {
            // RFC 5321 §4.1.3 wants "[192.0.2.1]"; RFC 3696 §2: no top-level domain is all-numeric
            assertThat(parse("HELO 192.0.2.1").clientDomain().kind()).isEqualTo(ClientDomain.Kind.NONCONFORMING);
            assertThat(parse("HELO 192.0.2.example").clientDomain().kind()).isEqualTo(ClientDomain.Kind.DOMAIN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"EHLO two words", "HELO a  ", "EHLO caf\u00e9.example", "EHLO \u4f8b\u5b50.\u5e7f\u544a"})
        void moreThanOneTokenOrNonAsciiIsRefused(String line) {
            assertThat(status(line)).isEqualTo("501 5.5.4");
        }
    }

    @Nested
    class MailFrom {
        @Test
        void theRfcExamplesParse() throws Exception {
            // RFC 5321 Appendix D.1
            SmtpCommandLine line = parse("MAIL FROM:<Smith@bar.com>");
            assertThat(line.reversePath().mailbox()).contains(new Mailbox("Smith", "bar.com"));
            assertThat(line.mailParameters()).isEqualTo(MailParameters.NONE);
            assertThat(line.reversePath()).hasToString("<Smith@bar.com>");
        }

        @Test
        void theNullReversePathIsAccepted() throws Exception {
            ReversePath path = parse("MAIL FROM:<>").reversePath();
            assertThat(path.isNull()).isTrue();
            assertThat(path.mailbox()).isEmpty();
            assertThat(path).isSameAs(ReversePath.NULL).hasToString("<>");
            assertThat(parse("MAIL FROM:<> SIZE=10").mailParameters().size()).hasValue(10);
        }

        @Test
        void oneSpaceAfterTheColonIsTolerated() throws Exception {
            assertThat(sender("MAIL FROM: <a@example.test>")).isEqualTo(new Mailbox("a", "example.test"));
            assertThat(parse("MAIL FROM: <>").reversePath().isNull()).isTrue();
        }

        @Test
        void fromIsCaseInsensitive() throws Exception {
            assertThat(sender("MAIL from:<a@example.test>")).isEqualTo(new Mailbox("a", "example.test"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"MAIL TO:<a@example.test>", "MAIL FROM", "MAIL FROM <a@example.test>", "MAIL <a@example.test>",
                "MAIL FRO:<a@example.test>"})
        void withoutFromColonItIsASyntaxError(String line) {
            assertThat(status(line)).isEqualTo("501 5.5.2");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "MAIL FROM:a@example.test",            // no angle brackets
            "MAIL FROM:  <a@example.test>",        // the leniency is one space, not two
            "MAIL FROM:\u00a0<a@example.test>",
            "MAIL FROM:<a@example.test",           // unterminated
            "MAIL FROM:<a@example.test>x",         // text glued to the path
            "MAIL FROM:<a@example.test>>",
            "MAIL FROM:<<a@example.test>>",
            "MAIL FROM:<a>",                       // no domain
            "MAIL FROM:<a@>",
            "MAIL FROM:<@example.test>",
            "MAIL FROM:<Postmaster>",              // only RCPT has the domain-less form
            "MAIL FROM:<\"unterminated@example.test>",
            "MAIL FROM:<a@example.test >",
            "MAIL FROM:",
            "MAIL FROM: ",
        })
        void aMalformedSenderIsBadSenderSyntax(String line) {
            assertThat(status(line)).isEqualTo("501 5.1.7");
        }

        @Test
        void theReplyNamesTheProblem() {
            assertThat(refusal("MAIL FROM:<a>", ALL, false).reply().lines().get(0)).contains("missing @domain");
        }

        @Test
        void trailingSpaceIsAnEmptyParameter() {
            assertThat(status("MAIL FROM:<a@example.test> ")).isEqualTo("501 5.5.4");
            assertThat(status("MAIL FROM:<a@example.test>  SIZE=1")).isEqualTo("501 5.5.4");
            assertThat(status("MAIL FROM:<a@example.test> SIZE=1 ")).isEqualTo("501 5.5.4");
        }
    }

    @Nested
    class MailParametersGrammar {
        @Test
        void sizeFromRfc1870() throws Exception {
            // RFC 1870 §7
            assertThat(parse("MAIL FROM:<ned@thor.innosoft.com> SIZE=500000").mailParameters().size()).hasValue(500000);
        }

        @Test
        void aSizeBeyondALongIsClampedSoThatItIsRefusedAsTooBig() throws Exception {
            assertThat(parse("MAIL FROM:<a@example.test> SIZE=99999999999999999999").mailParameters().size())
                    .hasValue(Long.MAX_VALUE);
            assertThat(status("MAIL FROM:<a@example.test> SIZE=999999999999999999999")).isEqualTo("501 5.5.4");
        }

        @ParameterizedTest
        @ValueSource(strings = {"SIZE", "SIZE=", "SIZE=abc", "SIZE=-1", "SIZE=1.5", "SIZE=1=2", "SIZE=+1"})
        void aBadSizeIsAnInvalidArgument(String param) {
            assertThat(status("MAIL FROM:<a@example.test> " + param)).isEqualTo("501 5.5.4");
        }

        @ParameterizedTest
        @CsvSource({"7BIT, SEVEN_BIT", "8BITMIME, EIGHT_BIT_MIME", "BINARYMIME, BINARY_MIME", "8bitmime, EIGHT_BIT_MIME"})
        void bodyTypesFromRfc6152AndRfc3030(String value, MailParameters.Body body) throws Exception {
            assertThat(parse("MAIL FROM:<a@example.test> BODY=" + value).mailParameters().body()).contains(body);
        }

        @Test
        void anUnknownBodyTypeIsAnInvalidArgument() {
            assertThat(status("MAIL FROM:<a@example.test> BODY=9BIT")).isEqualTo("501 5.5.4");
            assertThat(status("MAIL FROM:<a@example.test> BODY")).isEqualTo("501 5.5.4");
        }

        @Test
        void aBodyTypeThatWasNotAdvertisedIsNotImplemented() {
            assertThat(status("MAIL FROM:<a@example.test> BODY=BINARYMIME", EnumSet.of(SmtpExtension.EIGHT_BIT_MIME)))
                    .isEqualTo("504 5.5.4");
            assertThat(status("MAIL FROM:<a@example.test> BODY=8BITMIME",
                    EnumSet.of(SmtpExtension.BINARYMIME, SmtpExtension.CHUNKING))).isEqualTo("504 5.5.4");
        }

        @Test
        void dsnParametersFromRfc3461() throws Exception {
            // RFC 3461 §9 example
            MailParameters p = parse("MAIL FROM:<Alice@Pure.Example> RET=HDRS ENVID=QQ314159").mailParameters();
            assertThat(p.ret()).contains(MailParameters.Ret.HDRS);
            assertThat(p.envelopeId()).contains("QQ314159");
            assertThat(parse("MAIL FROM:<a@example.test> RET=full").mailParameters().ret()).contains(MailParameters.Ret.FULL);
        }

        @Test
        void envidIsXtextDecoded() throws Exception {
            assertThat(parse("MAIL FROM:<a@example.test> ENVID=a+2Bb+3Dc").mailParameters().envelopeId()).contains("a+b=c");
        }

        @Test
        void badDsnParametersAreInvalidArguments() throws Exception {
            assertThat(status("MAIL FROM:<a@example.test> RET=ALL")).isEqualTo("501 5.5.4");
            assertThat(status("MAIL FROM:<a@example.test> RET")).isEqualTo("501 5.5.4");
            assertThat(status("MAIL FROM:<a@example.test> ENVID=a+2")).isEqualTo("501 5.5.4");
            assertThat(status("MAIL FROM:<a@example.test> ENVID=a+ZZ")).isEqualTo("501 5.5.4");
            assertThat(status("MAIL FROM:<a@example.test> ENVID=" + "x".repeat(101))).isEqualTo("501 5.5.4");
            assertThat(parse0("MAIL FROM:<a@example.test> ENVID=" + "x".repeat(100)).envelopeId()).isPresent();
        }

        @Test
        void authParameterFromRfc4954() throws Exception {
            // RFC 4954 §5 example
            assertThat(parse("MAIL FROM:<e=mc2@example.com> AUTH=e+3Dmc2@example.com").mailParameters().auth())
                    .contains("e=mc2@example.com");
            assertThat(parse("MAIL FROM:<a@example.test> AUTH=<>").mailParameters().auth()).contains("<>");
            assertThat(status("MAIL FROM:<a@example.test> AUTH=a+G1")).isEqualTo("501 5.5.4");
            assertThat(status("MAIL FROM:<a@example.test> AUTH")).isEqualTo("501 5.5.4");
        }

        @Test
        void smtpUtf8TakesNoValue() throws Exception {
            assertThat(parse("MAIL FROM:<a@example.test> SMTPUTF8").mailParameters().smtpUtf8()).isTrue();
            assertThat(status("MAIL FROM:<a@example.test> SMTPUTF8=yes")).isEqualTo("501 5.5.4");
        }

        @Test
        void everyParameterTogetherAndInAnyCase() throws Exception {
            MailParameters p = parse("MAIL FROM:<a@example.test> size=10 Body=8BITMIME smtputf8 ret=HDRS envid=x auth=<>")
                    .mailParameters();
            assertThat(p).isEqualTo(new MailParameters(java.util.OptionalLong.of(10), Optional.of(MailParameters.Body.EIGHT_BIT_MIME),
                    true, Optional.of(MailParameters.Ret.HDRS), Optional.of("x"), Optional.of("<>")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"FOO=1", "XFORWARD", "trailing", "MT-PRIORITY=3", "REQUIRETLS", "HOLDFOR=10", "NOTIFY=NEVER", "ORCPT=rfc822;a@b"})
        void anUnknownParameterIsNotRecognized(String param) {
            assertThat(status("MAIL FROM:<a@example.test> " + param)).isEqualTo("555 5.5.4");
        }

        @ParameterizedTest
        @ValueSource(strings = {"SIZE=1", "BODY=7BIT", "BODY=8BITMIME", "SMTPUTF8", "RET=FULL", "ENVID=x", "AUTH=<>"})
        void aParameterOfAnExtensionThatWasNotAdvertisedIsNotRecognized(String param) {
            // after HELO nothing is advertised (RFC 5321 §4.1.1.1)
            assertThat(status("MAIL FROM:<a@example.test> " + param, NONE)).isEqualTo("555 5.5.4");
        }

        @ParameterizedTest
        @ValueSource(strings = {"SIZE=1 SIZE=2", "SIZE=1 size=1", "SMTPUTF8 SMTPUTF8"})
        void aRepeatedParameterIsAnInvalidArgument(String params) {
            assertThat(status("MAIL FROM:<a@example.test> " + params)).isEqualTo("501 5.5.4");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-SIZE=1", "=1", "SI_ZE=1", "S\u0131ZE=1", "SIZE=\u00e91"})
        void aMalformedParameterIsAnInvalidArgument(String param) {
            assertThat(status("MAIL FROM:<a@example.test> " + param)).isEqualTo("501 5.5.4");
        }

        private MailParameters parse0(String line) throws SmtpSyntaxException {
            return parse(line).mailParameters();
        }
    }

    @Nested
    class RcptTo {
        @Test
        void theRfcExamplesParse() throws Exception {
            // RFC 5321 Appendix D.1
            for (String name : new String[] {"Jones", "Green", "Brown"}) {
                SmtpCommandLine line = parse("RCPT TO:<" + name + "@foo.com>");
                assertThat(line.forwardPath().mailbox()).contains(new Mailbox(name, "foo.com"));
                assertThat(line.rcptParameters()).isEqualTo(RcptParameters.NONE);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"RCPT TO:<Postmaster>", "RCPT TO:<postmaster>", "RCPT TO:<POSTMASTER>", "RCPT TO: <PostMaster>"})
        void theDomainlessPostmasterIsAccepted(String line) throws Exception {
            ForwardPath path = parse(line).forwardPath();
            assertThat(path.isBarePostmaster()).isTrue();
            assertThat(path.isPostmaster()).isTrue();
            assertThat(path.mailbox()).isEmpty();
            assertThat(path).hasToString("<Postmaster>");
        }

        @Test
        void postmasterAtADomainIsAnOrdinaryMailboxThatIsAlsoPostmaster() throws Exception {
            ForwardPath path = parse("RCPT TO:<Postmaster@example.test>").forwardPath();
            assertThat(path.isBarePostmaster()).isFalse();
            assertThat(path.isPostmaster()).isTrue();
            assertThat(path.mailbox()).contains(new Mailbox("Postmaster", "example.test"));
        }

        @Test
        void theNullPathIsNotARecipient() {
            assertThat(status("RCPT TO:<>")).isEqualTo("501 5.1.3");
        }

        @ParameterizedTest
        @ValueSource(strings = {"RCPT FROM:<a@example.test>", "RCPT <a@example.test>", "RCPT TO", "RCPT T:<a@b.test>"})
        void withoutToColonItIsASyntaxError(String line) {
            assertThat(status(line)).isEqualTo("501 5.5.2");
        }

        @ParameterizedTest
        @ValueSource(strings = {"RCPT TO:a@example.test", "RCPT TO:<a@example.test", "RCPT TO:<a>", "RCPT TO:<Postmaster>x",
                "RCPT TO:<Postmasterx>", "RCPT TO:<a@example.test>;", "RCPT TO:  <a@example.test>"})
        void aMalformedRecipientIsBadRecipientSyntax(String line) {
            assertThat(status(line)).isEqualTo("501 5.1.3");
        }

        @Test
        void dsnParametersFromRfc3461() throws Exception {
            // RFC 3461 §9 examples
            RcptParameters bob = parse("RCPT TO:<Bob@Big-Box.Example> NOTIFY=SUCCESS ORCPT=rfc822;Bob@Big-Box.Example")
                    .rcptParameters();
            assertThat(bob.notifyOn()).containsExactly(RcptParameters.Notify.SUCCESS);
            assertThat(bob.originalRecipient()).contains(new RcptParameters.OriginalRecipient("rfc822", "Bob@Big-Box.Example"));
            assertThat(parse("RCPT TO:<Dana@Ivory.Example> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;Dana@Ivory.Example")
                    .rcptParameters().notifyOn())
                    .containsExactlyInAnyOrder(RcptParameters.Notify.SUCCESS, RcptParameters.Notify.FAILURE);
            assertThat(parse("RCPT TO:<Fred@Bombs.Example> NOTIFY=NEVER").rcptParameters().notifyOn())
                    .containsExactly(RcptParameters.Notify.NEVER);
            assertThat(parse("RCPT TO:<a@example.test> notify=delay,failure").rcptParameters().notifyOn())
                    .containsExactlyInAnyOrder(RcptParameters.Notify.DELAY, RcptParameters.Notify.FAILURE);
        }

        @Test
        void orcptIsXtextDecoded() throws Exception {
            assertThat(parse("RCPT TO:<a@example.test> ORCPT=rfc822;a+2Bb@example.test").rcptParameters().originalRecipient())
                    .contains(new RcptParameters.OriginalRecipient("rfc822", "a+b@example.test"));
        }

        @Test
        void orcptOfTypeUtf8UsesRfc6533Escapes() throws Exception {
            assertThat(parse("RCPT TO:<a@example.test> ORCPT=utf-8;pel\\x{E9}@example.test").rcptParameters()
                    .originalRecipient().orElseThrow().address()).isEqualTo("pel\u00e9@example.test");
            assertThat(SmtpCommandLine.parse("RCPT TO:<a@example.test> ORCPT=utf-8;pel\u00e9@example.test", ALL, true)
                    .rcptParameters().originalRecipient().orElseThrow().address()).isEqualTo("pel\u00e9@example.test");
        }

        @ParameterizedTest
        @ValueSource(strings = {"NOTIFY=NEVER,SUCCESS", "NOTIFY=", "NOTIFY", "NOTIFY=SOMETIMES", "NOTIFY=SUCCESS,,DELAY",
                "NOTIFY=SUCCESS,SUCCESS", "ORCPT=rfc822", "ORCPT=;a@b.test", "ORCPT=rfc822;", "ORCPT=rfc 822;a",
                "ORCPT=rfc822;a+2", "ORCPT=utf-8;a\\x{D800}b", "ORCPT=utf-8;a\\x{zz}", "ORCPT=utf-8;a+b"})
        void badDsnParametersAreInvalidArguments(String param) {
            assertThat(status("RCPT TO:<a@example.test> " + param)).isEqualTo("501 5.5.4");
        }

        @Test
        void anOrcptOverFiveHundredCharactersIsRefused() throws Exception {
            String ok = "rfc822;" + "a".repeat(493);
            assertThat(parse("RCPT TO:<a@example.test> ORCPT=" + ok).rcptParameters().originalRecipient()).isPresent();
            assertThat(status("RCPT TO:<a@example.test> ORCPT=" + ok + "a")).isEqualTo("501 5.5.4");
        }

        @ParameterizedTest
        @ValueSource(strings = {"SIZE=1", "BODY=8BITMIME", "SMTPUTF8", "FOO"})
        void mailParametersAreNotRcptParameters(String param) {
            assertThat(status("RCPT TO:<a@example.test> " + param)).isEqualTo("555 5.5.4");
        }

        @Test
        void dsnParametersNeedDsnAdvertised() {
            assertThat(status("RCPT TO:<a@example.test> NOTIFY=NEVER", NONE)).isEqualTo("555 5.5.4");
            assertThat(status("RCPT TO:<a@example.test> ORCPT=rfc822;a@example.test", EnumSet.of(SmtpExtension.SIZE)))
                    .isEqualTo("555 5.5.4");
        }
    }

    @Nested
    class SourceRoutes {
        @Test
        void aSourceRouteIsAcceptedAndIgnored() throws Exception {
            // RFC 5321 Appendix C
            ForwardPath path = parse("RCPT TO:<@ONE,@TWO:JOE@THREE>").forwardPath();
            assertThat(path.mailbox()).contains(new Mailbox("JOE", "THREE"));
            assertThat(path.hadSourceRoute()).isTrue();
            assertThat(path).isEqualTo(ForwardPath.of(new Mailbox("JOE", "THREE"))).hasToString("<JOE@THREE>");
            ReversePath from = parse("MAIL FROM:<@hosta.int:userc@d.bar.org>").reversePath();
            assertThat(from.mailbox()).contains(new Mailbox("userc", "d.bar.org"));
            assertThat(from.hadSourceRoute()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"<@ONE,TWO:JOE@THREE>", "<@ONE JOE@THREE>", "<@ONE,@:JOE@THREE>", "<@:JOE@THREE>",
                "<@ONE;@TWO:JOE@THREE>", "<@ONE,@TWO>", "<@[192.0.2.1]:JOE@THREE>", "<@-one:JOE@THREE>"})
        void aMalformedSourceRouteIsRefused(String path) {
            assertThat(status("RCPT TO:" + path)).isEqualTo("501 5.1.3");
        }
    }

    @Nested
    class LocalParts {
        @Test
        void aQuotedLocalPartKeepsItsValueAndIsWrittenWithMinimalQuoting() throws Exception {
            Mailbox spaced = recipient("RCPT TO:<\"john doe\"@example.test>");
            assertThat(spaced.localPart()).isEqualTo("john doe");
            assertThat(spaced).hasToString("\"john doe\"@example.test");
            Mailbox needless = recipient("RCPT TO:<\"john\"@example.test>");
            assertThat(needless).isEqualTo(new Mailbox("john", "example.test")).hasToString("john@example.test");
            Mailbox escaped = recipient("RCPT TO:<\"a\\\"b\\\\c\\d\"@example.test>");
            assertThat(escaped.localPart()).isEqualTo("a\"b\\cd");
            assertThat(escaped).hasToString("\"a\\\"b\\\\cd\"@example.test");
        }

        @Test
        void dotStringsMayUseEveryAtextCharacter() throws Exception {
            String atext = "!#$%&'*+-/=?^_`{|}~.abc.XYZ.019";
            assertThat(recipient("RCPT TO:<" + atext + "@example.test>").localPart()).isEqualTo(atext);
        }

        @ParameterizedTest
        @ValueSource(strings = {"<.a@example.test>", "<a.@example.test>", "<a..b@example.test>", "<a b@example.test>",
                "<a(b)@example.test>", "<a,b@example.test>", "<a[b@example.test>", "<a\\b@example.test>",
                "<\"\"@example.test>", "<\"a\"b@example.test>", "<\"a\\\u00e9\"@example.test>", "<a\"b\"@example.test>",
                "<a:b@example.test>", "<a;b@example.test>", "<@example.test>", "<a@b@example.test>"})
        void aLocalPartOutsideTheGrammarIsRefused(String path) {
            assertThat(status("RCPT TO:" + path)).isEqualTo("501 5.1.3");
        }

        @Test
        void relayTricksAreFlaggedForThePolicyLayer() throws Exception {
            assertThat(recipient("RCPT TO:<user%evil.example@example.test>").relayTricks())
                    .containsExactly(Mailbox.RelayTrick.PERCENT_HACK);
            assertThat(recipient("RCPT TO:<evil.example!user@example.test>").relayTricks())
                    .containsExactly(Mailbox.RelayTrick.BANG_PATH);
            assertThat(recipient("RCPT TO:<\"user@evil.example\"@example.test>").relayTricks())
                    .containsExactly(Mailbox.RelayTrick.QUOTED_AT);
            assertThat(recipient("RCPT TO:<\"a%b!c@d\"@example.test>").relayTricks())
                    .containsExactlyInAnyOrder(Mailbox.RelayTrick.PERCENT_HACK, Mailbox.RelayTrick.BANG_PATH,
                            Mailbox.RelayTrick.QUOTED_AT);
            assertThat(recipient("RCPT TO:<plain.user@example.test>").relayTricks()).isEmpty();
        }
    }

    @Nested
    class Domains {
        @ParameterizedTest
        @ValueSource(strings = {"example.test", "a", "EXAMPLE.TEST", "a-b.c-d.e", "1.2.3.4", "xn--fiqs8s.xn--fiqz9s",
                "123abc.example", "a.b.c.d.e.f.g"})
        void validDomainsParse(String domain) throws Exception {
            assertThat(recipient("RCPT TO:<a@" + domain + ">").domain()).isEqualTo(domain);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-a.example", "a-.example", "a..example", "example.", ".example", "a_b.example",
                "exa mple", "ex!ample", "[192.0.2.1", "a.-b"})
        void invalidDomainsAreRefused(String domain) {
            assertThat(status("RCPT TO:<a@" + domain + ">")).isEqualTo("501 5.1.3");
        }

        @Test
        void aLabelMayHaveSixtyThreeOctetsButNotMore() throws Exception {
            assertThat(recipient("RCPT TO:<a@" + "x".repeat(63) + ".test>").domain()).hasSize(68);
            assertThat(status("RCPT TO:<a@" + "x".repeat(64) + ".test>")).isEqualTo("501 5.1.3");
        }

        @ParameterizedTest
        @CsvSource({
            "[192.0.2.1], 192.0.2.1",
            "[0.0.0.0], 0.0.0.0",
            "[255.255.255.255], 255.255.255.255",
            "[010.001.1.1], 10.1.1.1",
            "[IPv6:2001:db8::1], 2001:db8::1",
            "[ipv6:2001:DB8::1], 2001:db8::1",
            "[IPv6:::], ::",
            "[IPv6:::1], ::1",
            "[IPv6:1::], 1::",
            "[IPv6:1:2:3:4:5:6:7:8], 1:2:3:4:5:6:7:8",
            "[IPv6:1:2:3::6:7:8], 1:2:3::6:7:8",
            "[IPv6:1:2:3:4:5:6:192.0.2.1], 1:2:3:4:5:6:c000:201",
            "[IPv6:::ffff:192.0.2.1], ::ffff:c000:201",
            "[IPv6:1:2:3:4::192.0.2.1], 1:2:3:4::c000:201",
            "[IPv6:::192.0.2.1], ::c000:201",
        })
        void addressLiteralsParseToTheirAddress(String literal, String address) throws Exception {
            Mailbox mailbox = recipient("RCPT TO:<a@" + literal + ">");
            assertThat(mailbox.isAddressLiteral()).isTrue();
            assertThat(mailbox.addressLiteral()).contains(InetAddress.getByName(address));
        }

        @ParameterizedTest
        @ValueSource(strings = {"[1.2.3]", "[1.2.3.4.5]", "[256.1.1.1]", "[1.2.3.1234]", "[1.2.3.-4]", "[]", "[ 1.2.3.4]",
                "[IPv6:1:2:3:4:5:6:7]", "[IPv6:1:2:3:4:5:6:7:8:9]", "[IPv6:1:2:3:4:5:6:7::]", "[IPv6:1:2:3:4:5:6::8]", "[IPv6:1::2::3]",
                "[IPv6:1:2:3:4:5::192.0.2.1]", "[IPv6:12345::]", "[IPv6:g::]", "[IPv6::1]", "[IPv6:1:]",
                "[IPv6:192.0.2.1]", "[IPv6:1:2:3:4:5:6:7:192.0.2.1]", "[IPv6:::1.2.3]", "[IPv6:1.2.3.4::]",
                "[IPv6:\u0661::]", "[tag:content]", "[1.2.3.4]x", "[IPv6:1:2:3:4:5:6:192.0.2.1:1]"})
        void malformedOrUnregisteredAddressLiteralsAreRefused(String literal) {
            assertThat(status("RCPT TO:<a@" + literal + ">")).isEqualTo("501 5.1.3");
        }
    }

    @Nested
    class Limits {
        @Test
        void aLocalPartMayHaveSixtyFourOctetsButNotMore() throws Exception {
            assertThat(recipient("RCPT TO:<" + "a".repeat(64) + "@example.test>").localPart()).hasSize(64);
            SmtpSyntaxException e = refusal("RCPT TO:<" + "a".repeat(65) + "@example.test>", ALL, false);
            assertThat(e.reply().status()).isEqualTo("501 5.1.3");
            assertThat(e.reply().lines().get(0)).contains("local part");
            assertThat(status("MAIL FROM:<" + "a".repeat(65) + "@example.test>")).isEqualTo("501 5.1.7");
        }

        @Test
        void theQuotedFormCountsTowardsTheLocalPartLimit() {
            // 62 characters plus two quotes is 64; plus a needless backslash is 65
            assertThat(status("RCPT TO:<\"" + "a".repeat(61) + "\\a\"@example.test>")).isEqualTo("501 5.1.3");
        }

        @Test
        void aPathMayHave256OctetsIncludingBracketsButNotMore() throws Exception {
            String domain = "d".repeat(63) + "." + "d".repeat(63) + "." + "d".repeat(63) + "." + "d".repeat(53); // 245
            String local = "l".repeat(256 - 2 - 1 - domain.length());
            assertThat(recipient("RCPT TO:<" + local + "@" + domain + ">").toString()).hasSize(254);
            SmtpSyntaxException e = refusal("RCPT TO:<" + local + "l@" + domain + ">", ALL, false);
            assertThat(e.reply().status()).isEqualTo("501 5.1.3");
            assertThat(e.reply().lines().get(0)).contains("path longer than 256");
        }

        @Test
        void aDomainOver255OctetsIsRefused() {
            String domain = ("d".repeat(63) + ".").repeat(4); // 256 with the trailing dot
            domain = domain.substring(0, 256);
            SmtpSyntaxException e = refusal("RCPT TO:<a@" + domain + ">", ALL, false);
            assertThat(e.reply().status()).isEqualTo("501 5.1.3");
            assertThat(e.reply().lines().get(0)).contains("domain longer than 255");
        }

        @Test
        void utf8LimitsCountOctetsNotCharacters() throws Exception {
            // 21 three-octet characters are 63 octets; 22 are 66
            String ok = "\u4f8b".repeat(21);
            assertThat(SmtpCommandLine.parse("RCPT TO:<" + ok + "@example.test>", ALL, true).forwardPath().mailbox()
                    .orElseThrow().localPart()).isEqualTo(ok);
            assertThat(refusal("RCPT TO:<" + ok + "\u4f8b@example.test>", ALL, true).reply().status()).isEqualTo("501 5.1.3");
        }
    }

    @Nested
    class Internationalisation {
        static final String UTF8_SENDER = "MAIL FROM:<\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a>";

        @Test
        void aUtf8SenderNeedsTheSmtpUtf8Parameter() throws Exception {
            assertThat(status(UTF8_SENDER)).isEqualTo("553 5.6.7");
            Mailbox m = sender(UTF8_SENDER + " SMTPUTF8");
            assertThat(m).isEqualTo(new Mailbox("\u7528\u6237", "\u4f8b\u5b50.\u5e7f\u544a"));
            assertThat(m.isAscii()).isFalse();
            assertThat(sender("MAIL FROM:<pel\u00e9@example.test> SMTPUTF8 BODY=8BITMIME").localPart()).isEqualTo("pel\u00e9");
        }

        @Test
        void theSmtpUtf8ParameterNeedsTheExtensionAdvertised() {
            Set<SmtpExtension> noUtf8 = EnumSet.complementOf(EnumSet.of(SmtpExtension.SMTPUTF8));
            assertThat(status(UTF8_SENDER + " SMTPUTF8", noUtf8)).isEqualTo("555 5.5.4");
            assertThat(status("MAIL FROM:<a@example.test> SMTPUTF8", noUtf8)).isEqualTo("555 5.5.4");
        }

        @Test
        void aUtf8RecipientNeedsASmtpUtf8Transaction() throws Exception {
            String line = "RCPT TO:<\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a>";
            assertThat(refusal(line, ALL, false).reply().status()).isEqualTo("553 5.6.7");
            assertThat(SmtpCommandLine.parse(line, ALL, true).forwardPath().mailbox().orElseThrow().domain())
                    .isEqualTo("\u4f8b\u5b50.\u5e7f\u544a");
        }

        @Test
        void utf8WorksInQuotedLocalPartsAndSourceRoutes() throws Exception {
            assertThat(SmtpCommandLine.parse("RCPT TO:<\"j\u00f6rg m\u00fcller\"@example.test>", ALL, true).forwardPath()
                    .mailbox().orElseThrow().localPart()).isEqualTo("j\u00f6rg m\u00fcller");
            assertThat(refusal("RCPT TO:<@b\u00fccher.example:a@example.test>", ALL, false).reply().status())
                    .isEqualTo("553 5.6.7");
        }

        @Test
        void aSyntaxErrorStillWinsOverTheMissingParameter() {
            assertThat(status("MAIL FROM:<\u7528 \u6237@example.test>")).isEqualTo("501 5.1.7");
        }

        @Test
        void anInvalidUnicodeDomainIsRefused() {
            // labels that cannot become A-labels: a trailing hyphen, a prohibited LINE SEPARATOR
            assertThat(refusal("RCPT TO:<a@\u00e9-.example>", ALL, true).reply().status()).isEqualTo("501 5.1.3");
            assertThat(refusal("RCPT TO:<a@\u00e9\u2028.example>", ALL, true).reply().status()).isEqualTo("501 5.1.3");
        }

        @Test
        void latin1DecodedOctetsAreNonAsciiToo() {
            // before SMTPUTF8 the decoder maps octets to chars one-to-one: 0xC3 0xA9 becomes two chars
            String latin1 = new String("MAIL FROM:<pel\u00e9@example.test>".getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.ISO_8859_1);
            assertThat(status(latin1)).isEqualTo("553 5.6.7");
        }
    }

    @Nested
    class Auth {
        @Test
        void aMechanismAloneParses() throws Exception {
            AuthRequest auth = parse("AUTH LOGIN").authRequest();
            assertThat(auth.mechanism()).isEqualTo("LOGIN");
            assertThat(auth.initialResponse()).isEmpty();
        }

        @Test
        void theInitialResponseIsDecoded() throws Exception {
            // RFC 4954 §4 example
            AuthRequest auth = parse("AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=").authRequest();
            assertThat(auth.mechanism()).isEqualTo("PLAIN");
            assertThat(auth.initialResponse().orElseThrow()).isEqualTo("test\0test\u00001234".getBytes(StandardCharsets.US_ASCII));
        }

        @Test
        void anEqualsSignIsAnEmptyInitialResponse() throws Exception {
            assertThat(parse("AUTH EXTERNAL =").authRequest().initialResponse()).hasValueSatisfying(r -> assertThat(r).isEmpty());
        }

        @Test
        void mechanismNamesAreUpperCased() throws Exception {
            assertThat(parse("auth plain").authRequest().mechanism()).isEqualTo("PLAIN");
            assertThat(parse("AUTH SCRAM-SHA-256").authRequest().mechanism()).isEqualTo("SCRAM-SHA-256");
            assertThat(parse("AUTH X_OAUTH2").authRequest().mechanism()).isEqualTo("X_OAUTH2");
        }

        @ParameterizedTest
        @ValueSource(strings = {"AUTH PL@IN", "AUTH PLAIN a b", "AUTH  PLAIN", "AUTH PLAIN ", "AUTH ABCDEFGHIJKLMNOPQRSTU",
                "AUTH PL\u00c4IN"})
        void aBadMechanismOrExtraArgumentIsAnInvalidArgument(String line) {
            assertThat(status(line)).isEqualTo("501 5.5.4");
        }

        @ParameterizedTest
        @ValueSource(strings = {"AUTH PLAIN abc", "AUTH PLAIN ab!=", "AUTH PLAIN ====", "AUTH PLAIN dGVzdA", "AUTH PLAIN ==",
                "AUTH PLAIN a===", "AUTH PLAIN dG=zdA=="})
        void anInitialResponseThatIsNotBase64IsRefused(String line) {
            assertThat(status(line)).isEqualTo("501 5.5.2");
        }

        @Test
        void theInitialResponseNeverReachesTheLog() throws Exception {
            SmtpCommandLine line = parse("AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=");
            assertThat(line.toString()).isEqualTo("AUTH PLAIN ****").doesNotContain("dGVzd");
            assertThat(parse("AUTH LOGIN").toString()).isEqualTo("AUTH LOGIN");
            assertThat(parse("MAIL FROM:<a@example.test> SIZE=1").toString()).isEqualTo("MAIL FROM:<a@example.test> SIZE=1");
        }

        @Test
        void theDecodedResponseIsACopy() throws Exception {
            AuthRequest auth = parse("AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ=").authRequest();
            auth.initialResponse().orElseThrow()[0] = 'X';
            assertThat(auth.initialResponse().orElseThrow()[0]).isEqualTo((byte) 't');
            assertThat(auth).isEqualTo(new AuthRequest("PLAIN", "test\0test\u00001234".getBytes(StandardCharsets.US_ASCII)));
        }
    }

    @Nested
    class Bdat {
        @Test
        void theRfcExamplesParse() throws Exception {
            // RFC 3030 §4
            assertThat(parse("BDAT 86 LAST").bdatChunk()).isEqualTo(new BdatChunk(86, true));
            assertThat(parse("BDAT 100000").bdatChunk()).isEqualTo(new BdatChunk(100000, false));
            assertThat(parse("BDAT 0 LAST").bdatChunk()).isEqualTo(new BdatChunk(0, true));
            assertThat(parse("bdat 7 last").bdatChunk()).isEqualTo(new BdatChunk(7, true));
            assertThat(parse("BDAT 000000000000000001").bdatChunk()).isEqualTo(new BdatChunk(1, false));
        }

        @ParameterizedTest
        @ValueSource(strings = {"BDAT x", "BDAT -1", "BDAT 10 NOTLAST", "BDAT 10 LAST extra", "BDAT 10  LAST", "BDAT LAST",
                "BDAT 1234567890123456789", "BDAT +5", "BDAT 5 ", "BDAT  5"})
        void aMalformedBdatIsAnInvalidArgument(String line) {
            SmtpSyntaxException e = refusal(line, ALL, false);
            assertThat(e.reply().status()).isEqualTo("501 5.5.4");
            assertThat(e.verb()).contains(SmtpVerb.BDAT);
        }
    }
}
