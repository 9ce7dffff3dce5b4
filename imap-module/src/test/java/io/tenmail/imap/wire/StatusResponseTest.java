package io.tenmail.imap.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StatusResponseTest {

    @Test
    void responsesRenderAsInTheRfc() {
        assertThat(StatusResponse.ok("a1", "NOOP completed").render()).isEqualTo("a1 OK NOOP completed");
        assertThat(StatusResponse.no("A003", ResponseCode.TRYCREATE, "No such mailbox").render())
                .isEqualTo("A003 NO [TRYCREATE] No such mailbox");
        assertThat(StatusResponse.ok(null, "x").withCode(ResponseCode.UIDVALIDITY, "3857529045").render())
                .isEqualTo("* OK [UIDVALIDITY 3857529045] x");
        assertThat(StatusResponse.ok(null, "Limited").withCode(ResponseCode.PERMANENTFLAGS, "(\\Deleted \\Seen \\*)").render())
                .isEqualTo("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited");
        assertThat(StatusResponse.bye("Server shutting down").render()).isEqualTo("* BYE Server shutting down");
        assertThat(StatusResponse.ok("a", ResponseCode.READ_ONLY, "EXAMINE completed").render())
                .isEqualTo("a OK [READ-ONLY] EXAMINE completed");
        assertThat(StatusResponse.bad("a", "x").withTag(null).render()).isEqualTo("* BAD x");
    }

    @Test
    void codesCheckTheirData() {
        assertThatThrownBy(() -> StatusResponse.ok(null, ResponseCode.UIDNEXT, "x")).hasMessageContaining("needs data");
        assertThatThrownBy(() -> StatusResponse.ok(null, "x").withCode(ResponseCode.ALERT, "data"))
                .hasMessageContaining("takes no data");
        assertThatThrownBy(() -> StatusResponse.ok(null, "x").withCode(ResponseCode.CAPABILITY, "IMAP4rev2]"))
                .hasMessageContaining("invalid response code data");
        assertThat(StatusResponse.no("a", ResponseCode.BADCHARSET, "x").render()).isEqualTo("a NO [BADCHARSET] x");
        assertThat(StatusResponse.no("a", "x").withCode(ResponseCode.BADCHARSET, "(UTF-8)").render())
                .isEqualTo("a NO [BADCHARSET (UTF-8)] x");
    }

    @Test
    void malformedResponsesAreRefused() {
        assertThatThrownBy(() -> new StatusResponse("a", Condition.BYE, null, null, "x")).hasMessageContaining("untagged");
        assertThatThrownBy(() -> new StatusResponse("a", Condition.PREAUTH, null, null, "x")).hasMessageContaining("untagged");
        assertThatThrownBy(() -> StatusResponse.ok("a b", "x")).hasMessageContaining("invalid tag");
        assertThatThrownBy(() -> StatusResponse.ok("a+", "x")).hasMessageContaining("invalid tag");
        assertThatThrownBy(() -> StatusResponse.ok("a", "")).hasMessageContaining("invalid response text");
        assertThatThrownBy(() -> StatusResponse.ok("a", "x\r\ny")).hasMessageContaining("invalid response text");
        assertThatThrownBy(() -> StatusResponse.ok("a", "[x] y")).hasMessageContaining("'['");
        assertThatThrownBy(() -> new StatusResponse("a", Condition.OK, null, "d", "x")).hasMessageContaining("without a code");
    }

    @Test
    void textMayBeUtf8() {
        assertThat(StatusResponse.no("a", "邮箱已满").render()).isEqualTo("a NO 邮箱已满");
    }

    @Test
    void everyCodeOfRfc5530AndRfc9051IsDefined() {
        String[] expected = {"ALERT", "ALREADYEXISTS", "APPENDUID", "AUTHENTICATIONFAILED", "AUTHORIZATIONFAILED",
            "BADCHARSET", "CANNOT", "CAPABILITY", "CLIENTBUG", "CLOSED", "CONTACTADMIN", "COPYUID", "CORRUPTION",
            "EXPIRED", "EXPUNGEISSUED", "HASCHILDREN", "INUSE", "LIMIT", "NONEXISTENT", "NOPERM", "OVERQUOTA", "PARSE",
            "PERMANENTFLAGS", "PRIVACYREQUIRED", "READ-ONLY", "READ-WRITE", "SERVERBUG", "TRYCREATE", "UIDNEXT",
            "UIDNOTSTICKY", "UIDVALIDITY", "UNAVAILABLE", "UNKNOWN-CTE",
            // extensions we implement
            "HIGHESTMODSEQ", "NOMODSEQ", "MODIFIED", "NOTSAVED", "TOOBIG", "COMPRESSIONACTIVE", "UNSEEN", "USEATTR"};
        for (String code : expected) {
            assertThat(ResponseCode.lookup(code)).as(code).isPresent();
            assertThat(ResponseCode.lookup(code.toLowerCase()).map(ResponseCode::wire)).contains(code);
        }
        assertThat(ResponseCode.values()).hasSize(expected.length);
        assertThat(ResponseCode.lookup("XYZZY")).isEmpty();
        assertThat(Arrays.stream(ResponseCode.values()).map(ResponseCode::wire)).doesNotHaveDuplicates();
    }

    @Test
    void syntaxExceptionsCarryTheirResponseWithoutAStackTrace() {
        ImapSyntaxException e = ImapSyntaxException.bad("a1", "Unknown command FOO");
        assertThat(e.response().render()).isEqualTo("a1 BAD Unknown command FOO");
        assertThat(e.getMessage()).isEqualTo("a1 BAD Unknown command FOO");
        assertThat(e.getStackTrace()).isEmpty();
    }
}
