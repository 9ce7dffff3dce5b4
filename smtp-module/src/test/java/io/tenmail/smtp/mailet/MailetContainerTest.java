package io.tenmail.smtp.mailet;

import io.tenmail.smtp.dsn.DeliveryFailure;
import io.tenmail.smtp.dsn.DeliveryReports;
import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.QueueEntryId;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The container's James semantics, without stores: matchers, splits, state changes, failures, deferral. */
class MailetContainerTest {
    static final String T = "io.tenmail.smtp.mailet.MailetContainerTest$";

    /** What the test mailets saw. */
    public static final class Log {
        final List<String> lines = new CopyOnWriteArrayList<>();
    }

    /** Records "tag: recipients". */
    public static final class Tag extends GenericMailet {
        private final Log log;

        @Inject
        public Tag(Log log) {
            this.log = log;
        }

        @Override
        public void service(Mail mail) {
            log.lines.add(getInitParameter("tag") + ": " + mail.getRecipients().stream().map(r -> r.asString()).sorted().toList());
        }
    }

    /** Delivers: removes every recipient. */
    public static final class Deliver extends GenericMailet {
        @Override
        public void service(Mail mail) {
            mail.setRecipients(List.of());
        }
    }

    public static final class Boom extends GenericMailet {
        @Override
        public void service(Mail mail) throws MessagingException {
            throw new MessagingException("boom");
        }
    }

    public static final class DatabaseDown extends GenericMailet {
        @Override
        public void service(Mail mail) throws MessagingException {
            throw new TemporaryFailure("database down", null);
        }
    }

    public static final class Defer extends GenericMailet {
        @Override
        public void service(Mail mail) {
            mail.setState("later");
            mail.setAttribute(new Attribute(AttributeName.of(QueueAttributes.NEXT_ATTEMPT), AttributeValue.of("2030-01-01T00:00:00Z")));
            mail.setAttribute(new Attribute(AttributeName.of(QueueAttributes.LAST_ERROR), AttributeValue.of("451 4.4.1 no answer")));
        }
    }

    private final Log log = new Log();

    MailetContainer container(String processors) throws ContainerConfigException {
        ContainerDefinition d = ContainerConfigParserTest.parse("<mailetcontainer>" + processors
                + "<processor state=\"error\"><mailet match=\"All\" class=\"ToErrorRepository\"/></processor></mailetcontainer>");
        QueueMailetContext context = new QueueMailetContext(null, null, new NoReports(), new EmailAddress("postmaster", "x.test"), "mx.x.test");
        return new MailetContainerLoader(new MailetClasses(getClass().getClassLoader()), new ServiceInstantiator(log, new NoReports()), context)
                .build(d);
    }

    static QueueMail mail(String... recipients) {
        QueuedMail queued = new QueuedMail(new BlobId("0".repeat(64)), 10, Optional.of(EmailAddress.parse("s@x.test")),
                Arrays.stream(recipients).map(r -> QueuedRecipient.pending(EmailAddress.parse(r))).toList(), Map.of(), Instant.EPOCH);
        return QueueMails.of(new QueueEntry(new QueueEntryId(7), queued, "root", 0, Instant.EPOCH, Optional.empty(), 1), null);
    }

    @Test
    void aMatcherThatPicksSomeRecipientsSplitsTheMailAndBothPartsGoOn() throws Exception {
        try (MailetContainer c = container("<processor state=\"root\">"
                + "<mailet match=\"RecipientIs=a@x.test\" class=\"" + T + "Tag\"><tag>a-only</tag></mailet>"
                + "<mailet match=\"All\" class=\"" + T + "Tag\"><tag>all</tag></mailet>"
                + "<mailet match=\"All\" class=\"" + T + "Deliver\"/></processor>")) {
            ProcessingResult result = c.process(mail("a@x.test", "b@x.test"));
            assertThat(result.isComplete()).isTrue();
            assertThat(log.lines).containsExactlyInAnyOrder("a-only: [a@x.test]", "all: [a@x.test]", "all: [b@x.test]");
        }
    }

    @Test
    void aMailetThatThrowsSendsTheMailToErrorWithTheReason() throws Exception {
        try (MailetContainer c = container("<processor state=\"root\"><mailet match=\"All\" class=\"" + T + "Boom\"/></processor>")) {
            ProcessingResult result = c.process(mail("a@x.test"));
            assertThat(result.parked()).singleElement().satisfies(p -> {
                assertThat(p.reason()).contains("Boom").contains("boom");
                assertThat(p.recipients()).extracting(r -> r.asString()).containsExactly("a@x.test");
            });
        }
    }

    @Test
    void onMailetExceptionIgnoreGoesOnToTheNextPair() throws Exception {
        try (MailetContainer c = container("<processor state=\"root\"><mailet match=\"All\" class=\"" + T + "Boom\">"
                + "<onMailetException>ignore</onMailetException></mailet><mailet match=\"All\" class=\"" + T + "Deliver\"/></processor>")) {
            assertThat(c.process(mail("a@x.test")).isComplete()).isTrue();
        }
    }

    @Test
    void aMailThatRunsOffTheEndOfAProcessorIsParkedNotDropped() throws Exception {
        try (MailetContainer c = container("<processor state=\"root\"><mailet match=\"All\" class=\"" + T + "Tag\"><tag>x</tag></mailet></processor>")) {
            assertThat(c.process(mail("a@x.test")).parked()).singleElement()
                    .satisfies(p -> assertThat(p.reason()).contains("reached the end of processor \"root\""));
        }
    }

    @Test
    void aStateChangeStartsTheOtherProcessorFromItsFirstPair() throws Exception {
        try (MailetContainer c = container("<processor state=\"root\"><mailet match=\"All\" class=\"ToProcessor\"><processor>next</processor></mailet>"
                + "</processor><processor state=\"next\"><mailet match=\"All\" class=\"" + T + "Tag\"><tag>next</tag></mailet>"
                + "<mailet match=\"All\" class=\"" + T + "Deliver\"/></processor>")) {
            assertThat(c.process(mail("a@x.test")).isComplete()).isTrue();
            assertThat(log.lines).containsExactly("next: [a@x.test]");
        }
    }

    @Test
    void aPassThroughMailetsThatOnlyChangeTheMailInMemoryIsSafeToReplay() throws Exception {
        try (MailetContainer c = container("<processor state=\"root\">"
                + "<mailet match=\"RecipientIs=nobody@x.test\" class=\"" + T + "Boom\"/>"
                + "<mailet match=\"All\" class=\"ToProcessor\"><processor>next</processor></mailet></processor>"
                + "<processor state=\"next\"><mailet match=\"All\" class=\"SetMailAttribute\"><x.flag>yes</x.flag></mailet>"
                + "<mailet match=\"All\" class=\"Null\"/></processor>")) {
            ProcessingResult result = c.process(mail("a@x.test"));
            assertThat(result.isComplete()).isTrue();
            assertThat(result.replaySafe()).as("the skipped mailet does not count").isTrue();
        }
    }

    @Test
    void aPassThatRanAMailetOutsideTheReplaySafeListIsNotSafeToReplay() throws Exception {
        try (MailetContainer c = container("<processor state=\"root\"><mailet match=\"All\" class=\"" + T + "Deliver\"/></processor>")) {
            ProcessingResult result = c.process(mail("a@x.test"));
            assertThat(result.isComplete()).isTrue();
            assertThat(result.replaySafe()).isFalse();
        }
    }

    @Test
    void aProcessorLoopIsParkedAfterABoundedNumberOfHops() throws Exception {
        try (MailetContainer c = container("<processor state=\"root\"><mailet match=\"All\" class=\"ToProcessor\"><processor>other</processor>"
                + "</mailet></processor><processor state=\"other\"><mailet match=\"All\" class=\"ToProcessor\"><processor>root</processor>"
                + "</mailet></processor>")) {
            assertThat(c.process(mail("a@x.test")).parked()).singleElement()
                    .satisfies(p -> assertThat(p.reason()).contains("more than " + MailetContainer.MAX_HOPS));
        }
    }

    @Test
    void aDeferralEndsThePassAndNamesTheProcessorTimeAndError() throws Exception {
        try (MailetContainer c = container("<processor state=\"root\"><mailet match=\"All\" class=\"" + T + "Defer\"/>"
                + "<mailet match=\"All\" class=\"" + T + "Tag\"><tag>not reached</tag></mailet></processor>"
                + "<processor state=\"later\"/>")) {
            ProcessingResult result = c.process(mail("a@x.test", "b@x.test"));
            assertThat(result.deferrals()).singleElement().satisfies(d -> {
                assertThat(d.processor()).isEqualTo("later");
                assertThat(d.next()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
                assertThat(d.error()).contains("451 4.4.1 no answer");
                assertThat(d.recipients()).hasSize(2);
            });
            assertThat(log.lines).isEmpty();
        }
    }

    @Test
    void aTemporaryFailureIsNotParkedButEndsTheWholePass() throws Exception {
        try (MailetContainer c = container("<processor state=\"root\"><mailet match=\"All\" class=\"" + T + "DatabaseDown\"/></processor>")) {
            assertThatThrownBy(() -> c.process(mail("a@x.test"))).isInstanceOf(TemporaryFailure.class);
        }
    }

    @Test
    void theGhostStateEndsTheMail() throws Exception {
        try (MailetContainer c = container("<processor state=\"root\"><mailet match=\"All\" class=\"Null\"/></processor>")) {
            assertThat(c.process(mail("a@x.test")).isComplete()).isTrue();
        }
    }

    @Test
    void jamesStandardMatchersAndMailetsResolveByShortName() throws Exception {
        try (MailetContainer c = container("<processor state=\"root\"><mailet match=\"SenderIs=s@x.test\" class=\"SetMailAttribute\">"
                + "<seen>yes</seen></mailet><mailet match=\"HasMailAttribute=seen\" class=\"" + T + "Deliver\"/></processor>")) {
            assertThat(c.process(mail("a@x.test")).isComplete()).isTrue();
        }
    }

    /** DeliveryReports that must not be used by these tests. */
    static final class NoReports implements DeliveryReports {
        @Override
        public void failed(Mail mail, List<DeliveryFailure> failures) {
            throw new AssertionError("no report expected");
        }

        @Override
        public void delayed(Mail mail, List<DeliveryFailure> pending) {
            throw new AssertionError("no report expected");
        }
    }
}
