package org.watchfloor.scheduler;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.watchfloor.core.housekeeping.Housekeeping;

/** Deletes records past their retention, such as delivered messages of the outbox. */
@DisallowConcurrentExecution
public class HousekeepingJob implements Job {

    @Autowired
    private Housekeeping housekeeping;

    @Override
    public void execute(JobExecutionContext context) {
        housekeeping.run();
    }
}
