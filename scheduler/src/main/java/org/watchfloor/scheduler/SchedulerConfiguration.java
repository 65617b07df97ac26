package org.watchfloor.scheduler;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Schedules the outbox delivery job. Spring Boot's Quartz auto-configuration adds every {@link JobDetail} and
 * {@link Trigger} bean to its scheduler, with Spring's job factory, which autowires each job's constructor. Other
 * jobs, such as the SLA sweep on {@link SchedulerProperties#slaSweepInterval()}, declare their beans in their own
 * configuration class in this package.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerProperties.class)
public class SchedulerConfiguration {

    static final String GROUP = "watchfloor";
    static final JobKey OUTBOX_DELIVERY = JobKey.jobKey("outboxDelivery", GROUP);

    @Bean
    JobDetail outboxDeliveryJobDetail() {
        return JobBuilder.newJob(OutboxDeliveryJob.class)
                .withIdentity(OUTBOX_DELIVERY)
                .withDescription("Posts the due messages of the outbox")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger outboxDeliveryTrigger(SchedulerProperties properties) {
        // A run that outlasts the interval delays the next one instead of queueing the runs it missed.
        SimpleScheduleBuilder everyInterval = SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(properties.deliveryInterval().toMillis())
                .repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount();
        return TriggerBuilder.newTrigger()
                .forJob(OUTBOX_DELIVERY)
                .withIdentity("outboxDeliveryTrigger", GROUP)
                .withSchedule(everyInterval)
                .build();
    }
}
