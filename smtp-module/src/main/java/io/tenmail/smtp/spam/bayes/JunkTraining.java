package io.tenmail.smtp.spam.bayes;

import io.tenmail.storage.BayesTokens;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.Directory;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.MailboxInfo;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.MessagesTransferred;
import io.tenmail.storage.model.SpecialUse;
import io.tenmail.storage.model.TenantId;
import io.tenmail.storage.model.Uid;
import io.tenmail.storage.model.UidRange;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Trains the classifier from what users do (docs/spam.md): a message moved or copied into the
 * account's Junk mailbox (SPECIAL-USE {@code \Junk}) is spam for the account's tenant; one moved
 * or copied out of Junk into anything but Trash is ham (deleting spam says nothing about it). The
 * store names each message by its content's blob, and counts it at most once per class; a message
 * trained as spam and then rescued from Junk moves to ham ({@link BayesTokens#learn}).
 *
 * <p>Observes the store's {@link MessagesTransferred} events, fired after the commit of any copy
 * or move (IMAP COPY/MOVE, or any other client path), so no protocol code calls it. The observer
 * only hands the event to one training thread through a bounded queue ({@value #QUEUE} events):
 * the IMAP thread never waits for the tokenizer or the database, and when users outrun the
 * trainer the surplus is dropped with a warning (training is a statistic, not a duty). Deliveries
 * by our own filter into Junk are appends, not transfers, so the filter never learns its own
 * verdicts. Thread-safe.
 */
@ApplicationScoped
public class JunkTraining {
    private static final Logger log = LoggerFactory.getLogger(JunkTraining.class);
    static final int QUEUE = 1000;

    private final MailboxStore mailboxes;
    private final Directory directory;
    private final BlobStore blobs;
    private final BayesTokens tokens;
    private final ExecutorService trainer;

    /** For CDI's client proxy only. */
    protected JunkTraining() {
        this.mailboxes = null;
        this.directory = null;
        this.blobs = null;
        this.tokens = null;
        this.trainer = null;
    }

    @Inject
    public JunkTraining(MailboxStore mailboxes, Directory directory, BlobStore blobs, BayesTokens tokens) {
        this.mailboxes = mailboxes;
        this.directory = directory;
        this.blobs = blobs;
        this.tokens = tokens;
        this.trainer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "bayes-training");
            t.setDaemon(true);
            return t;
        }, (r, executor) -> {
            throw new RejectedExecutionException("the training queue is full");
        });
    }

    /** A committed copy or move: queued for the training thread, never run here. */
    public void transferred(@Observes MessagesTransferred event) {
        try {
            trainer.execute(() -> train(event));
        } catch (RejectedExecutionException e) {
            log.warn("bayes: training queue full or stopped, {} message(s) of account {} not trained", event.targetUids().size(),
                    event.owner().value());
        }
    }

    /** What a transfer means for the classifier: spam, ham, or nothing. */
    enum Lesson {
        SPAM, HAM, NONE;

        static Lesson of(Optional<SpecialUse> from, Optional<SpecialUse> to) {
            boolean fromJunk = from.equals(Optional.of(SpecialUse.JUNK));
            boolean toJunk = to.equals(Optional.of(SpecialUse.JUNK));
            if (toJunk && !fromJunk) return SPAM;
            if (fromJunk && !toJunk && !to.equals(Optional.of(SpecialUse.TRASH))) return HAM;
            return NONE;
        }
    }

    void train(MessagesTransferred event) {
        try {
            MailboxInfo source = mailboxes.mailbox(event.owner(), event.source());
            MailboxInfo target = mailboxes.mailbox(event.owner(), event.target());
            Lesson lesson = Lesson.of(source.specialUse(), target.specialUse());
            if (lesson == Lesson.NONE) return;
            Optional<Account> account = directory.findAccount(event.owner());
            if (account.isEmpty()) return;
            TenantId tenant = account.get().tenant();
            int trained = 0;
            for (Uid uid : event.targetUids()) {
                List<MessageMeta> metas = mailboxes.messages(event.owner(), event.target(), List.of(UidRange.of(uid)));
                if (metas.isEmpty()) continue;   // moved on or expunged since
                MessageMeta meta = metas.get(0);
                BayesTokens.Learned learned = tokens.learn(tenant, "blob:" + meta.blob().hex(), features(meta), lesson == Lesson.SPAM);
                if (learned != BayesTokens.Learned.ALREADY_TRAINED) trained++;
            }
            log.info("bayes: trained {} message(s) as {} for tenant {} (account {} moved them {} {})", trained,
                    lesson == Lesson.SPAM ? "spam" : "ham", tenant.value(), account.get().address(),
                    lesson == Lesson.SPAM ? "into" : "out of", lesson == Lesson.SPAM ? target.name().path() : source.name().path());
        } catch (StoreException | MessagingException | IOException | RuntimeException e) {
            log.warn("bayes: training from a {} of account {} failed: {}", event.moved() ? "move" : "copy", event.owner().value(), e.toString());
        }
    }

    private java.util.Set<String> features(MessageMeta meta) throws StoreException, IOException, MessagingException {
        try (InputStream in = blobs.open(meta.blob())) {
            return Tokenizer.tokens(new MimeMessage(Session.getInstance(new Properties()), in));
        }
    }

    @PreDestroy
    void stop() {
        if (trainer != null) trainer.shutdownNow();
    }
}
