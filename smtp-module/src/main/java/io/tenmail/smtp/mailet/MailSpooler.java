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
 * by one and record the outcome ({@link QueueUpdates}). Workers look at the database only when it
 * may hold due work ({@link LeaseSchedule}, ADR 0020): when the next due time the last look found
 * has come, at least every {@link SpoolerSettings#maxIdle()} (other nodes' mail, expired leases),
 * and at once after this node queued an entry nobody holds or made one due; one worker looks at a
 * time. An idle worker sleeps until then and wakes at once when this process queues a mail
 * ({@link QueueWakeup}).
 *
 * <p>A pass that only ran mailets a replay repeats harmlessly and queued no mail
 * ({@link ProcessingResult#replaySafe()}) hands its finished entry to {@link BatchedCompletions},
 * which removes many in one transaction; the entry stays leased to this node meanwhile. Other
 * outcomes are recorded at once.
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
    /** How long a finished entry waits for others to be removed with it (ADR 0020). */
    static final Duration COMPLETION_GATHER = Duration.ofMillis(50);
    /** Entries per removal: the rows of 64 ordinary mails stay far below Derby's lock escalation (5,000 row locks on a table). */
    static final int COMPLETION_BATCH = 64;

    private final SpoolerSettings settings;
    private final MailQueue queue;
    private final BlobStore blobs;
    private final QueueWakeup wakeup;
    private final Clock clock;
    private final ContainerSource containerSource;
    private final HandOffQueue handOff;
    private final LeaseSchedule schedule;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private MailetContainer container;
    private QueueUpdates updates;
    private BatchedCompletions completions;

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
        this.schedule = null;
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
        this.schedule = new LeaseSchedule(clock, settings.maxIdle(), wakeup::unleasedQueued);
        // the workers' own reschedules and releases go through the hand-off too, so the schedule hears of them
        this.handOff = new HandOffQueue(queue, settings.handOff(), settings.lease(), clock, at -> {
            schedule.dueAt(at);
            wakeup.signal();
        });
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
        updates = new QueueUpdates(handOff);
        releaseLeasesOfAPreviousLife();
        completions = new BatchedCompletions(handOff, COMPLETION_GATHER, COMPLETION_BATCH, "spooler-completer");
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
        completions.close();   // what the workers finished is removed before the spooler says it stopped
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
                if (schedule.startLook()) {
                    List<QueueEntry> batch = look();
                    if (!batch.isEmpty()) {
                        runBatch(batch);
                        continue;
                    }
                }
                if (handOff.waiting() > 0) continue;   // the look came after a run of handed-off entries
                wakeup.await(seen, schedule.untilNextLook());
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

    /**
     * A look at the database, which the schedule granted: a lease round, and when it leaves nothing
     * due behind, the time the next entry comes due (a failing look-up of it waits the full
     * maxIdle). The other workers are woken afterwards, to sleep until the next look or take
     * their part of what is due.
     */
    private List<QueueEntry> look() throws StoreException {
        List<QueueEntry> batch;
        try {
            batch = queue.lease(settings.batch(), settings.lease());
        } catch (StoreException | RuntimeException e) {
            schedule.failLook(STORE_DOWN_PAUSE);
            wakeup.signal();
            throw e;
        }
        boolean full = batch.size() >= settings.batch();
        Duration next = null;
        if (!full) {
            try {
                next = queue.untilNextDue();
            } catch (StoreException | RuntimeException e) {
                log.debug("cannot read when the next queue entry is due; looking again in {} s: {}", settings.maxIdle().toSeconds(), e.toString());
            }
        }
        schedule.finishLook(full, next);
        wakeup.signal();
        return batch;
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
            handOff.reschedule(entry, clock.instant(), entry.lastError().orElse(null));
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
            long queuedBefore = wakeup.unleasedQueued();
            ProcessingResult result = c.process(mail);
            if (result.isComplete() && result.replaySafe() && wakeup.unleasedQueued() == queuedBefore) {
                // nothing a replay would repeat (no mail queued meanwhile, here or by another worker): removed in a batch
                completions.complete(entry);
            } else {
                updates.apply(entry, result);
            }
        } catch (TemporaryFailure e) {
            Instant next = clock.instant().plus(backoff(entry.attempts()));
            log.warn("queue entry {}: {}; trying again at {}", entry.id().value(), e.getMessage(), next);
            try {
                handOff.reschedule(entry, next, "temporary failure: " + e.getMessage());
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
            handOff.reschedule(entry, at, null);
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
