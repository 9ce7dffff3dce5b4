package io.tenmail.imap.wire.response;

import static io.tenmail.imap.wire.response.EnvelopeAddress.GROUP_END;
import static io.tenmail.imap.wire.response.EnvelopeAddress.MISSING_DOMAIN;
import static io.tenmail.imap.wire.response.EnvelopeAddress.MISSING_MAILBOX;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressParserTest {

    static EnvelopeAddress addr(String name, String mailbox, String host) {
        return new EnvelopeAddress(name, null, mailbox, host);
    }

    static List<EnvelopeAddress> parse(String header) {
        return AddressParser.parse(header);
    }

    @Test
    void rfc5322AppendixAExamplesParse() {
        // A.1.1
        assertThat(parse("\"Joe Q. Public\" <john.q.public@example.com>"))
                .containsExactly(addr("Joe Q. Public", "john.q.public", "example.com"));
        // A.1.2
        assertThat(parse("Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>")).containsExactly(
                addr("Mary Smith", "mary", "x.test"), addr(null, "jdoe", "example.org"), addr("Who?", "one", "y.test"));
        assertThat(parse("<boss@nil.test>, \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>")).containsExactly(
                addr(null, "boss", "nil.test"), addr("Giant; \"Big\" Box", "sysservices", "example.net"));
        // A.1.3
        assertThat(parse("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;")).containsExactly(
                EnvelopeAddress.groupStart("A Group"), addr("Ed Jones", "c", "a.test"), addr(null, "joe", "where.test"),
                addr("John", "jdoe", "one.test"), GROUP_END);
        assertThat(parse("Undisclosed recipients:;")).containsExactly(EnvelopeAddress.groupStart("Undisclosed recipients"), GROUP_END);
        // A.5
        assertThat(parse("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>"))
                .containsExactly(addr("Pete", "pete", "silly.test"));
        assertThat(parse("A Group(Some people)\r\n     :Chris Jones <c@(Chris's host.)public.example>,\r\n"
                + "         joe@example.org,\r\n  John <jdoe@one.test> (my dear friend); (the end of the group)"))
                .containsExactly(EnvelopeAddress.groupStart("A Group"), addr("Chris Jones", "c", "public.example"),
                        addr(null, "joe", "example.org"), addr("John", "jdoe", "one.test"), GROUP_END);
    }

    @Test
    void obsoleteFormsParse() {
        // RFC 5322 §4.4 and A.6.1
        assertThat(parse("Joe Q. Public <john.q.public@example.com>"))
                .containsExactly(addr("Joe Q. Public", "john.q.public", "example.com"));
        assertThat(parse("Mary Smith <@node.test:mary@example.net>, , jdoe@test  . example")).containsExactly(
                new EnvelopeAddress("Mary Smith", "@node.test", "mary", "example.net"), addr(null, "jdoe", "test.example"));
        assertThat(parse("<@a.test,@b.test:joe@c.test>"))
                .containsExactly(new EnvelopeAddress(null, "@a.test,@b.test", "joe", "c.test"));
        assertThat(parse("john . doe @ example . com")).containsExactly(addr(null, "john.doe", "example.com"));
    }

    @Test
    void aCommentAfterABareAddressIsTheName() {
        assertThat(parse("john.doe@example.com (John Doe)")).containsExactly(addr("John Doe", "john.doe", "example.com"));
        assertThat(parse("a@b (x (y) z)")).containsExactly(addr("x (y) z", "a", "b"));
    }

    @Test
    void encodedWordsAndUtf8StayAsSent() {
        assertThat(parse("=?UTF-8?B?5byg5LiJ?= <zhangsan@example.cn>"))
                .containsExactly(addr("=?UTF-8?B?5byg5LiJ?=", "zhangsan", "example.cn"));
        assertThat(parse("=?GB2312?B?1cXI/Q==?= =?GB2312?B?wO7LxA==?= <a@b.cn>"))
                .containsExactly(addr("=?GB2312?B?1cXI/Q==?= =?GB2312?B?wO7LxA==?=", "a", "b.cn"));
        assertThat(parse("张三 <张三@例子.中国>")).containsExactly(addr("张三", "张三", "例子.中国"));
    }

    @Test
    void quotedLocalPartsThatNeedQuotesKeepThem() {
        assertThat(parse("\"john doe\"@example.com")).containsExactly(addr(null, "\"john doe\"", "example.com"));
        assertThat(parse("\"john.doe\"@example.com")).containsExactly(addr(null, "john.doe", "example.com"));
        assertThat(parse("\"a\\\"b\"@example.com")).containsExactly(addr(null, "\"a\\\"b\"", "example.com"));
    }

    @Test
    void domainLiteralsAreKept() {
        assertThat(parse("postmaster@[192.0.2.1]")).containsExactly(addr(null, "postmaster", "[192.0.2.1]"));
    }

    @Test
    void commasInsideQuotesDoNotSplit() {
        assertThat(parse("\"Smith, John\" <js@x.test>, b@y.test"))
                .containsExactly(addr("Smith, John", "js", "x.test"), addr(null, "b", "y.test"));
    }

    @Test
    void brokenAddressesGetPlaceholders() {
        assertThat(parse("undisclosed-recipients")).containsExactly(addr(null, "undisclosed-recipients", MISSING_DOMAIN));
        assertThat(parse("@example.com")).containsExactly(addr(null, MISSING_MAILBOX, "example.com"));
        assertThat(parse("Joe <>")).containsExactly(addr("Joe", MISSING_MAILBOX, MISSING_DOMAIN));
        assertThat(parse("John Doe jdoe@example.com")).containsExactly(addr("John Doe", "jdoe", "example.com"));
        assertThat(parse("\"unterminated <a@b>")).containsExactly(addr(null, "\"unterminated <a@b>\"", MISSING_DOMAIN));
        assertThat(parse("a@b>, > ,c@d")).containsExactly(addr(null, "a", "b"), addr(null, "c", "d"));
        assertThat(parse("Group: a@b")).containsExactly(EnvelopeAddress.groupStart("Group"), addr(null, "a", "b"), GROUP_END);
        assertThat(parse("(only a comment)")).isEmpty();
    }

    @Test
    void emptyValuesHaveNoAddresses() {
        assertThat(parse(null)).isEmpty();
        assertThat(parse("")).isEmpty();
        assertThat(parse("  ")).isEmpty();
        assertThat(parse(" , ,")).isEmpty();
    }

    @Test
    void groupMarkersAreRecognisable() {
        assertThat(EnvelopeAddress.groupStart("g").isGroupStart()).isTrue();
        assertThat(GROUP_END.isGroupEnd()).isTrue();
        assertThat(addr(null, "a", "b").isGroupStart()).isFalse();
    }
}
