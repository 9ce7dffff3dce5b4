package io.tenmail.smtp.spam;

import jakarta.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Recognises GTUBE, the Generic Test for Unsolicited Bulk Email (SpamAssassin's test string), in
 * the raw message body, so that an administrator can prove the spam path end to end: it adds
 * {@code GTUBE} with init parameter {@code score} (default 1000). The body is read as a stream
 * with a window as long as the string, so large messages cost no extra memory.
 */
public class GtubeCheck extends GenericMailet {
    static final byte[] GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X".getBytes(StandardCharsets.US_ASCII);

    private double score;

    @Override
    public void init() throws MessagingException {
        score = MailetParameters.score(this, "score", 1000.0);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        try (InputStream in = MessageBytes.openBody(mail)) {
            if (contains(in, GTUBE)) SpamScore.add(mail, "GTUBE", score);
        } catch (IOException e) {
            throw new MessagingException("cannot read the message of " + mail.getName(), e);
        }
    }

    /** Streaming search (Knuth-Morris-Pratt): each octet is looked at once. */
    static boolean contains(InputStream in, byte[] pattern) throws IOException {
        int[] failure = new int[pattern.length];
        for (int i = 1, k = 0; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) k = failure[k - 1];
            if (pattern[i] == pattern[k]) k++;
            failure[i] = k;
        }
        byte[] buffer = new byte[8192];
        int matched = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            for (int i = 0; i < n; i++) {
                while (matched > 0 && buffer[i] != pattern[matched]) matched = failure[matched - 1];
                if (buffer[i] == pattern[matched]) matched++;
                if (matched == pattern.length) return true;
            }
        }
        return false;
    }

    @Override
    public String getMailetInfo() {
        return "GTUBE test string";
    }
}
