package org.watchfloor.scheduler;

import java.time.Clock;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.PersistJobDataAfterExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.core.notify.OutboxDelivery;

/**
 * Runs one outbox delivery. Quartz fires it on the wall clock; which messages are due is decided by the injected
 * {@link Clock}, so tests can move time. A run lasts until the next one is due, and it also delivers the messages that fall
 * due meanwhile, such as those that their channel's pacing held back, at the time they fall due. A failed run, such as
 * one without a store, is logged at WARN the first time and then once per {@value #WARN_EVERY} failed runs in a row,
 * so an outage does not log every second.
 */
@DisallowConcurrentExecution
@PersistJobDataAfterExecution
public class OutboxDeliveryJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(OutboxDeliveryJob.class);

    /** Job data key of the number of failed runs in a row, kept by Quartz between runs. */
    static final String FAILED_RUNS = "failedRuns";

    static final int WARN_EVERY = 60;

    private final OutboxDelivery delivery;
    private final Clock clock;
    private final Duration interval;

    public OutboxDeliveryJob(OutboxDelivery delivery, Clock clock, SchedulerProperties properties) {
        this.delivery = delivery;
        this.clock = clock;
        this.interval = properties.deliveryInterval();
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getJobDetail().getJobDataMap();
        int failedRuns = data.containsKey(FAILED_RUNS) ? data.getInt(FAILED_RUNS) : 0;
        try {
            OutboxDelivery.Run run = delivery.deliverUntil(clock.instant().plus(interval));
            log.debug("Outbox delivery run {}", run);
            if (failedRuns > 0) {
                log.info("Outbox delivery works again after {} failed runs", failedRuns);
            }
            data.put(FAILED_RUNS, 0);
        } catch (RuntimeException e) {
            failedRuns++;
            if (failedRuns % WARN_EVERY == 1) {
                log.warn("Outbox delivery run failed, will run again failedRuns={}", failedRuns, e);
            } else {
                log.debug("Outbox delivery run failed failedRuns={} error={}", failedRuns, e.toString());
            }
            data.put(FAILED_RUNS, failedRuns);
        }
    }
}
