package io.tenmail.smtp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepliesTest {

    static Map<String, Reply> constants() throws IllegalAccessException {
        Map<String, Reply> all = new LinkedHashMap<>();
        for (Field f : Replies.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Reply.class) all.put(f.getName(), (Reply) f.get(null));
        }
        return all;
    }

    @Test
    void everyReplyHasTheRfcCode() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("SHUTTING_DOWN", "421 4.3.2");
        expected.put("TIMEOUT", "421 4.4.2");
        expected.put("TOO_MANY_ERRORS", "421 4.7.0");
        expected.put("TOO_MANY_CONNECTIONS", "421 4.7.0");
        expected.put("OK", "250 2.0.0");
        expected.put("SENDER_OK", "250 2.1.0");
        expected.put("RECIPIENT_OK", "250 2.1.5");
        expected.put("RESET_OK", "250 2.0.0");
        expected.put("START_MAIL_INPUT", "354");
        expected.put("HELP", "214 2.0.0");
        expected.put("CANNOT_VRFY", "252 2.5.0");
        expected.put("EXPN_DISABLED", "502 5.5.1");
        expected.put("READY_TO_START_TLS", "220 2.0.0");
        expected.put("TLS_NOT_AVAILABLE", "454 4.7.0");
        expected.put("TLS_ALREADY_ACTIVE", "503 5.5.1");
        expected.put("MUST_ISSUE_STARTTLS", "530 5.7.0");
        expected.put("AUTH_SUCCEEDED", "235 2.7.0");
        expected.put("AUTH_REQUIRED", "530 5.7.0");
        expected.put("AUTH_FAILED", "535 5.7.8");
        expected.put("AUTH_MECHANISM_TOO_WEAK", "534 5.7.9");
        expected.put("AUTH_ENCRYPTION_REQUIRED", "538 5.7.11");
        expected.put("AUTH_TEMPORARY_FAILURE", "454 4.7.0");
        expected.put("AUTH_MECHANISM_UNKNOWN", "504 5.5.4");
        expected.put("AUTH_CANCELLED", "501 5.7.0");
        expected.put("AUTH_BAD_BASE64", "501 5.5.2");
        expected.put("ALREADY_AUTHENTICATED", "503 5.5.1");
        expected.put("AUTH_NOT_DURING_TRANSACTION", "503 5.5.1");
        expected.put("COMMAND_UNRECOGNIZED", "500 5.5.1");
        expected.put("SYNTAX_ERROR", "500 5.5.2");
        expected.put("LINE_TOO_LONG", "500 5.5.2");
        expected.put("INVALID_UTF8", "500 5.5.2");
        expected.put("ARGUMENT_SYNTAX", "501 5.5.2");
        expected.put("INVALID_ARGUMENTS", "501 5.5.4");
        expected.put("NOT_IMPLEMENTED", "502 5.5.1");
        expected.put("BAD_SEQUENCE", "503 5.5.1");
        expected.put("NEED_MAIL", "503 5.5.1");
        expected.put("NEED_RCPT", "503 5.5.1");
        expected.put("NESTED_MAIL", "503 5.5.1");
        expected.put("DATA_NOT_ALLOWED", "503 5.5.1");
        expected.put("PARAMETER_NOT_IMPLEMENTED", "504 5.5.4");
        expected.put("UNKNOWN_PARAMETER", "555 5.5.4");
        expected.put("NON_ASCII_ADDRESS", "553 5.6.7");
        expected.put("NO_SUCH_USER", "550 5.1.1");
        expected.put("RELAY_DENIED", "550 5.7.1");
        expected.put("POLICY_REJECTED", "550 5.7.1");
        expected.put("SENDER_NOT_ALLOWED", "553 5.7.1");
        expected.put("TOO_MANY_RECIPIENTS", "452 4.5.3");
        expected.put("MAILBOX_FULL", "452 4.2.2");
        expected.put("NO_VALID_RECIPIENTS", "554 5.5.1");
        expected.put("MESSAGE_TOO_BIG", "552 5.3.4");
        expected.put("INSUFFICIENT_STORAGE", "452 4.3.1");
        expected.put("QUOTA_EXCEEDED", "552 5.2.2");
        expected.put("BARE_LINE_ENDING", "554 5.6.0");
        expected.put("CONTENT_NOT_ALLOWED", "554 5.6.0");
        expected.put("TRANSACTION_FAILED", "554 5.0.0");
        expected.put("TEMPORARY_FAILURE", "451 4.3.0");
        expected.put("MAILBOX_BUSY", "450 4.2.1");
        expected.put("TOO_MANY_COMMANDS", "421 4.7.0");
        expected.put("AUTH_INVALID_RESPONSE", "501 5.5.2");
        expected.put("AUTH_NOT_AVAILABLE", "503 5.5.1");
        expected.put("AUTH_ACCOUNT_DISABLED", "535 5.7.8");
        expected.put("AUTH_PROTOCOL_DISABLED", "535 5.7.8");
        expected.put("AUTH_APP_PASSWORD_REQUIRED", "535 5.7.8");
        expected.put("AUTH_THROTTLED", "454 4.7.0");
        expected.put("SEND_HELLO_FIRST", "503 5.5.1");
        expected.put("SENDER_NOT_SUPPORTED", "553 5.1.7");
        expected.put("RECIPIENT_NOT_SUPPORTED", "553 5.1.3");
        Map<String, String> actual = new LinkedHashMap<>();
        constants().forEach((name, reply) -> actual.put(name, reply.status()));
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void everyReplyButTheIntermediateOnesCarriesAnEnhancedCode() throws Exception {
        // RFC 2034 §4: every 2xx/4xx/5xx except the greeting and the HELO/EHLO response
        constants().forEach((name, reply) -> {
            assertThat(reply.enhancedCode().isPresent()).as(name).isEqualTo(!reply.isIntermediate());
            assertThat(reply.render()).as(name).endsWith("\r\n").doesNotContain("\r\n" + reply.code() + " ");
        });
    }

    @Test
    void theGreetingStartsWithTheServerDomainAndHasNoEnhancedCode() {
        assertThat(Replies.greeting("mx.example.test").render()).isEqualTo("220 mx.example.test ESMTP ready\r\n");
        assertThat(Replies.helo("mx.example.test").render()).isEqualTo("250 mx.example.test\r\n");
        assertThat(Replies.noService("mx.example.test").status()).isEqualTo("554 5.7.1");
    }

    @Test
    void parameterisedRepliesKeepTheirCodes() {
        assertThat(Replies.closing("mx.example.test").render()).isEqualTo("221 2.0.0 mx.example.test closing connection\r\n");
        assertThat(Replies.queued("Q81c2").render()).isEqualTo("250 2.0.0 OK queued as Q81c2\r\n");
        assertThat(Replies.chunkReceived(1024).render()).isEqualTo("250 2.0.0 1024 octets received\r\n");
        assertThat(Replies.authChallenge("").render()).isEqualTo("334 \r\n");
        assertThat(Replies.authChallenge("VXNlcm5hbWU6").render()).isEqualTo("334 VXNlcm5hbWU6\r\n");
        assertThat(Replies.internalError("7f3a9c").render()).isEqualTo("451 4.3.0 Internal error, ref 7f3a9c\r\n");
        assertThat(Replies.badSenderSyntax("x").status()).isEqualTo("501 5.1.7");
        assertThat(Replies.badRecipientSyntax("x").status()).isEqualTo("501 5.1.3");
        assertThat(Replies.invalidArguments("x").status()).isEqualTo("501 5.5.4");
    }
}
