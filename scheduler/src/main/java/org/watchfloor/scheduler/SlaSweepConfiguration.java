package org.watchfloor.scheduler;

import java.time.Duration;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Schedules the SLA sweep every {@code watchfloor.scheduler.sla-sweep-interval}, 15 s by default. */
@Configuration(proxyBeanMethods = false)
public class SlaSweepConfiguration {

    @Bean
    JobDetail slaSweepJob() {
        return JobBuilder.newJob(SlaSweepJob.class)
                .withIdentity("sla-sweep")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger slaSweepTrigger(
            JobDetail slaSweepJob, @Value("${watchfloor.scheduler.sla-sweep-interval:15s}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(
                    "watchfloor.scheduler.sla-sweep-interval must be positive, for example" + " 15s; got " + interval);
        }
        return TriggerBuilder.newTrigger()
                .forJob(slaSweepJob)
                .withIdentity("sla-sweep")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
