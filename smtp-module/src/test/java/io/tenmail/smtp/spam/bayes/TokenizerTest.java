package io.tenmail.smtp.spam.bayes;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    private static MimeMessage message(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void subjectBodyLinksAndAuthorDomainBecomeFeatures() throws Exception {
        Set<String> tokens = Tokenizer.tokens(message("From: Promo <deals@Cheap.example>\r\nSubject: Cheap WATCHES today\r\n\r\n"
                + "Buy cheap watches at https://Shop.cheap.example/x now! 12345 ok\r\n"));
        assertThat(tokens).contains("from:cheap.example", "s:cheap", "s:watches", "s:today", "buy", "cheap", "watches",
                "url:shop.cheap.example", "now");
        assertThat(tokens).doesNotContain("12345", "ok", "at");
    }

    @Test
    void htmlTagsAreDroppedAndAttachmentsCountByType() throws Exception {
        Set<String> tokens = Tokenizer.tokens(message("From: a@b.example\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n"
                + "<p style=\"color:red\">Invoice attached</p>\r\n--b\r\nContent-Type: application/zip; name=\"i.zip\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nUEsDBA==\r\n--b--\r\n"));
        assertThat(tokens).contains("invoice", "attached", "type:application/zip").doesNotContain("style", "color");
    }

    @Test
    void chineseTextGivesCharacterPairs() {
        Set<String> out = new LinkedHashSet<>();
        Tokenizer.words("免费发票 invoice", "", out);
        assertThat(out).containsExactly("免费", "费发", "发票", "invoice");
    }
}
