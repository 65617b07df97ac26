package org.watchfloor.scheduler;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.watchfloor.core.sla.SlaSweep;

/**
 * Runs the SLA sweep. Quartz fires it on the wall clock at a short interval, and the sweep reads the application's
 * {@code Clock} to decide what is due, so tests move a test clock and let the real trigger fire.
 */
@DisallowConcurrentExecution
public class SlaSweepJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(SlaSweepJob.class);

    @Autowired
    private SlaSweep sweep;

    @Override
    public void execute(JobExecutionContext context) {
        int processed = sweep.sweep();
        if (processed > 0) {
            log.debug("SLA sweep processed tickets={}", processed);
        }
    }
}
