package org.watchfloor.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Schedules the housekeeping job every hour, starting a minute after start. Several replicas may run it at once,
 * because each deletion is a plain delete by age.
 */
@Configuration(proxyBeanMethods = false)
public class HousekeepingConfiguration {

    static final Duration INTERVAL = Duration.ofHours(1);

    @Bean
    JobDetail housekeepingJob() {
        return JobBuilder.newJob(HousekeepingJob.class)
                .withIdentity("housekeeping", SchedulerConfiguration.GROUP)
                .withDescription("Deletes records past their retention")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger housekeepingTrigger(JobDetail housekeepingJob) {
        return TriggerBuilder.newTrigger()
                .forJob(housekeepingJob)
                .withIdentity("housekeeping", SchedulerConfiguration.GROUP)
                .startAt(Date.from(Instant.now().plus(Duration.ofMinutes(1))))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(INTERVAL.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
