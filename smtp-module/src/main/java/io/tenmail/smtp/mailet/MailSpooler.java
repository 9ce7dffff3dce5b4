package io.tenmail.smtp.mailet;

import io.tenmail.smtp.SmtpSettings;
import io.tenmail.smtp.dsn.DeliveryReports;
import io.tenmail.smtp.policy.MessageScreen;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.Directory;
import io.tenmail.storage.MailQueue;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.QueueEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.apache.mailet.AttributeName;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes mail out of the durable queue and runs it through the {@link MailetContainer}. N worker
 * threads ({@link SpoolerSettings#threads()}) each lease a batch of due entries, process them one
 * by one and record the outcome ({@link QueueUpdates}). An idle worker sleeps until the queue's
 * next due entry, at most {@link SpoolerSettings#maxIdle()}, and wakes at once when this process
 * queues a mail ({@link QueueWakeup}).
 *
 * <p>Mail accepted by SMTP on this node reaches the workers in memory ({@link #intakeQueue()},
 * ADR 0019): it is inserted already leased to this node, and a worker takes handed-off entries
 * before it leases from the database; after a batch's worth of them in a row it leases once, so
 * retries and other nodes' mail are never starved by a busy intake. At start the spooler releases
 * the leases this node still holds from a previous life (a kill), so they are processed at once
 * instead of after {@link SpoolerSettings#lease()}.
 *
 * <p>Failures: a {@link TemporaryFailure} (database or blob store down) reschedules the entry with
 * back-off instead of parking it; a failure to record the outcome leaves the entry leased until its
 * lease runs out, when it is processed again (idempotently). A worker never starts an entry whose
 * lease is half gone, and {@link #close} lets each worker finish its current entry and releases
 * the rest of its batch (due again at once, for this or another node).
 */
@ApplicationScoped
public class MailSpooler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailSpooler.class);
    /** First delay after a temporary failure; doubled per attempt up to {@link #MAX_BACKOFF}. */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Duration STORE_DOWN_PAUSE = Duration.ofSeconds(5);

    private final SpoolerSettings settings;
    private final MailQueue queue;
    private final BlobStore blobs;
    private final QueueWakeup wakeup;
    private final Clock clock;
    private final ContainerSource containerSource;
    private final HandOffQueue handOff;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private MailetContainer container;
    private QueueUpdates updates;

    /** Builds the container when the spooler starts. */
    public interface ContainerSource {
        MailetContainer load() throws ContainerConfigException;
    }

    /** For CDI's client proxy only. */
    protected MailSpooler() {
        this.settings = null;
        this.queue = null;
        this.blobs = null;
        this.wakeup = null;
        this.clock = null;
        this.containerSource = null;
        this.handOff = null;
    }

    @Inject
    public MailSpooler(Config config, MailQueue queue, BlobStore blobs, Directory directory, QueueInjector injector, DeliveryReports reports,
                       QueueWakeup wakeup, BeanManager beans) {
        this(SpoolerSettings.from(config), queue, blobs, wakeup, Clock.systemUTC(), containerFrom(SpoolerSettings.from(config),
                SmtpSettings.from(config), directory, injector, reports, new CdiMailetInstantiator(beans)));
    }

    public MailSpooler(SpoolerSettings settings, MailQueue queue, BlobStore blobs, QueueWakeup wakeup, Clock clock, ContainerSource container) {
        this.settings = settings;
        this.queue = queue;
        this.blobs = blobs;
        this.wakeup = wakeup;
        this.clock = clock;
        this.containerSource = container;
        this.handOff = new HandOffQueue(queue, settings.threads() * settings.batch(), settings.lease(), clock);
    }

    /**
     * The queue for SMTP intake on this node: enqueued mail is handed to these workers without a
     * lease round trip while the spooler runs (see {@link HandOffQueue}).
     */
    public MailQueue intakeQueue() {
        return handOff;
    }

    /** The container from the configured file, with Tenmail's context. */
    public static ContainerSource containerFrom(SpoolerSettings settings, SmtpSettings smtp, Directory directory, QueueInjector injector,
                                                DeliveryReports reports, MailetInstantiator instantiator) {
        return () -> new MailetContainerLoader(new MailetClasses(MailSpooler.class.getClassLoader()), instantiator,
                new QueueMailetContext(directory, injector, reports, smtp.postmaster(), smtp.hostname())).load(settings.configFile());
    }

    /**
     * The screen SMTP runs at the end of DATA on MX mail: this spooler's container, processor
     * {@value DataScreen#PROCESSOR} (ADR 0015); it accepts everything until {@link #start()}.
     */
    public MessageScreen dataScreen() {
        return new DataScreen(this::currentContainer, blobs);
    }

    private synchronized MailetContainer currentContainer() {
        return container;
    }

    /**
     * Loads the mailet container and starts the workers.
     *
     * @throws ContainerConfigException the configuration is unusable (one line: file, line, class)
     */
    public synchronized void start() throws ContainerConfigException {
        if (running) throw new IllegalStateException("the spooler was started already");
        container = containerSource.load();
        updates = new QueueUpdates(queue);
        releaseLeasesOfAPreviousLife();
        running = true;
        handOff.open();
        for (int i = 0; i < settings.threads(); i++) {
            Thread worker = new Thread(this::work, "spooler-" + (i + 1));
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        log.info("spooler started: {} worker(s), batches of {}, leases of {} s, processors {}", settings.threads(), settings.batch(),
                settings.lease().toSeconds(), container.processorNames());
    }

    /** Entries this node leased before it was killed are due again now, not when their lease runs out. */
    private void releaseLeasesOfAPreviousLife() {
        try {
            int released = queue.releaseLeasesOfThisNode();
            if (released > 0) log.info("released {} queue lease(s) this node held before it stopped; processing them now", released);
        } catch (StoreException e) {
            log.warn("cannot release this node's earlier queue leases: {} ({}); they are processed when they run out", e.getMessage(), e.reason());
        }
    }

    @Override
    public void close() {
        List<Thread> stopping;
        List<HandOffQueue.Handed> untaken;
        synchronized (this) {
            if (!running) return;
            running = false;
            untaken = handOff.close();
            stopping = List.copyOf(workers);
            workers.clear();
        }
        wakeup.signal();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (Thread worker : stopping) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) worker.join(Duration.ofNanos(left));
                if (worker.isAlive()) {
                    log.warn("{} is still busy after 30 s; interrupting it (its lease will run out and the mail be retried)", worker.getName());
                    worker.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (HandOffQueue.Handed h : untaken) release(h.entry());
        synchronized (this) {
            if (container != null) container.close();
            container = null;
        }
        log.info("spooler stopped");
    }

    private void work() {
        int handedInARow = 0;
        while (running) {
            long seen = wakeup.generation();
            try {
                Optional<HandOffQueue.Handed> handed = handedInARow < settings.batch() ? handOff.take() : Optional.empty();
                if (handed.isPresent()) {
                    handedInARow++;
                    runHanded(handed.get());
                    continue;
                }
                handedInARow = 0;
                List<QueueEntry> batch = queue.lease(settings.batch(), settings.lease());
                if (batch.isEmpty()) {
                    if (handOff.waiting() > 0) continue;   // the lease round came after a run of handed-off entries
                    wakeup.await(seen, idle());
                    continue;
                }
                runBatch(batch);
            } catch (StoreException e) {
                log.warn("cannot lease from the mail queue: {} ({}); trying again in {} s", e.getMessage(), e.reason(),
                        STORE_DOWN_PAUSE.toSeconds());
                pause(seen);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("spooler worker failed; it goes on", e);
                pause(seen);
            }
        }
    }

    private void pause(long seen) {
        try {
            wakeup.await(seen, STORE_DOWN_PAUSE);   // a new mail or close() cuts the pause short: worth a try
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Until the next due entry, at most maxIdle; a failing look-up waits the full maxIdle. */
    private Duration idle() {
        try {
            Duration next = queue.untilNextDue();
            if (next == null || next.compareTo(settings.maxIdle()) > 0) return settings.maxIdle();
            return next.isZero() ? Duration.ofMillis(10) : next;
        } catch (StoreException e) {
            return settings.maxIdle();
        }
    }

    private void runBatch(List<QueueEntry> batch) {
        Instant leased = clock.instant();
        Instant halfLease = leased.plus(settings.lease().dividedBy(2));
        for (QueueEntry entry : batch) {
            if (!running || clock.instant().isAfter(halfLease)) {
                release(entry);
                continue;
            }
            process(entry);
        }
    }

    /** An entry SMTP intake inserted leased to this node; the same rules as a leased batch. */
    private void runHanded(HandOffQueue.Handed handed) {
        Instant halfLease = handed.leasedAt().plus(settings.lease().dividedBy(2));
        if (!running || clock.instant().isAfter(halfLease)) {
            release(handed.entry());
            return;
        }
        process(handed.entry());
    }

    /** Makes a leased entry due again now, for whichever worker comes first. */
    private void release(QueueEntry entry) {
        try {
            queue.reschedule(entry, clock.instant(), entry.lastError().orElse(null));
        } catch (StoreException e) {
            log.debug("could not release queue entry {}; its lease will run out: {}", entry.id().value(), e.getMessage());
        }
    }

    /** One entry: build its mail, run it, record the outcome. */
    void process(QueueEntry entry) {
        QueueMail mail = QueueMails.of(entry, blobs);
        try {
            if (deferredAtBirth(entry, mail)) return;
            MailetContainer c = container;
            ProcessingResult result = c.process(mail);
            updates.apply(entry, result);
        } catch (TemporaryFailure e) {
            Instant next = clock.instant().plus(backoff(entry.attempts()));
            log.warn("queue entry {}: {}; trying again at {}", entry.id().value(), e.getMessage(), next);
            try {
                queue.reschedule(entry, next, "temporary failure: " + e.getMessage());
            } catch (StoreException again) {
                log.warn("cannot reschedule queue entry {}; its lease will run out: {}", entry.id().value(), again.getMessage());
            }
        } catch (StoreException e) {
            log.warn("cannot record the outcome of queue entry {}: {} ({}); it will be processed again when its lease runs out",
                    entry.id().value(), e.getMessage(), e.reason());
        } catch (RuntimeException e) {
            log.error("processing queue entry {} failed unexpectedly; moving it to the error repository", entry.id().value(), e);
            try {
                queue.moveToError(entry, "internal error: " + e);
            } catch (StoreException again) {
                log.warn("cannot park queue entry {}: {}", entry.id().value(), again.getMessage());
            }
        }
    }

    /**
     * A mail a mailet sent with a delay or to another processor (QueueMailetContext) starts where
     * and when it asked: returns true when it was rescheduled instead.
     */
    private boolean deferredAtBirth(QueueEntry entry, QueueMail mail) throws StoreException {
        Optional<String> start = QueueMails.stringAttribute(mail, QueueAttributes.START_PROCESSOR);
        if (start.isPresent() && MailQueue.ROOT.equals(entry.processor())) mail.setState(start.get());
        Optional<String> next = QueueMails.stringAttribute(mail, QueueAttributes.NEXT_ATTEMPT);
        mail.removeAttribute(AttributeName.of(QueueAttributes.NEXT_ATTEMPT));
        if (next.isEmpty() || entry.attempts() > 0) return false;
        try {
            Instant at = Instant.parse(next.get());
            if (!at.isAfter(clock.instant())) return false;
            queue.reschedule(entry, at, null);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static Duration backoff(int attempts) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts, 16));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
