package io.tenmail.smtp.remote;

import io.tenmail.smtp.dsn.DeliveryFailure;
import io.tenmail.smtp.dsn.DeliveryReports;
import org.apache.mailet.Mail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the reports RemoteDelivery asks for, instead of sending them. */
final class RecordingReports implements DeliveryReports {
    final List<DeliveryFailure> failed = new CopyOnWriteArrayList<>();
    final List<DeliveryFailure> delayed = new CopyOnWriteArrayList<>();
    /** How many delay notices were asked for (each may list several recipients). */
    int delayNotices;

    @Override
    public void failed(Mail mail, List<DeliveryFailure> failures) {
        failed.addAll(failures);
    }

    @Override
    public void delayed(Mail mail, List<DeliveryFailure> pending) {
        delayNotices++;
        delayed.addAll(pending);
    }
}
