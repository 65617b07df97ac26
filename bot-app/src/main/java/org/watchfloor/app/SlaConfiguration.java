package org.watchfloor.app;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.watchfloor.core.escalation.EscalationProperties;
import org.watchfloor.core.escalation.EscalationRules;
import org.watchfloor.core.notify.PageCheck;
import org.watchfloor.core.notify.TicketNotifier;
import org.watchfloor.core.oncall.OnCallProperties;
import org.watchfloor.core.oncall.OnCallService;
import org.watchfloor.core.sla.OnCallLookup;
import org.watchfloor.core.sla.PagingProperties;
import org.watchfloor.core.sla.SlaProperties;
import org.watchfloor.core.sla.SlaRules;
import org.watchfloor.core.sla.SlaSweep;
import org.watchfloor.core.sla.SlaTimers;
import org.watchfloor.core.sla.TicketPageCheck;
import org.watchfloor.core.sla.TimerStore;
import org.watchfloor.core.ticket.TicketService;
import org.watchfloor.core.ticket.Tier;

/** Wires the SLA deadlines, the escalation rules and chains, and the sweep that the scheduler runs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SlaProperties.class, PagingProperties.class, EscalationProperties.class})
class SlaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SlaConfiguration.class);

    /** Tickets the sweep looks at per run; the rest are due again on the next run. */
    private static final int SWEEP_BATCH = 2000;

    /** Tickets one sweep works on at once; their synced writes overlap, which the embedded store syncs together. */
    private static final int SWEEP_THREADS = 8;

    @Bean
    OnCallLookup onCallLookup(OnCallService onCall, OnCallProperties rosters) {
        List<String> missing = Arrays.stream(Tier.values())
                .filter(tier -> !rosters.parsedRosters().containsKey(tier))
                .map(tier -> tier.name().toLowerCase(Locale.ROOT))
                .toList();
        if (!missing.isEmpty()) {
            log.warn(
                    "No on-call roster for {}: their pages name no person unless an override is set. Configure"
                            + " watchfloor.oncall.rosters.<tier>.members",
                    missing);
        }
        return (tier, at) -> onCall.onCall(tier, at)
                .map(current -> new OnCallLookup.OnCallPair(current.primary(), current.secondary(), current.group()))
                .orElse(OnCallLookup.OnCallPair.NOBODY);
    }

    @Bean
    EscalationRules escalationRules(EscalationProperties properties) {
        return new EscalationRules(properties);
    }

    @Bean
    SlaRules slaRules(SlaProperties sla, PagingProperties paging, OnCallLookup onCall) {
        return new SlaRules(sla, paging, onCall);
    }

    @Bean
    TimerStore timerStore(MongoTemplate mongo, Clock clock) {
        TimerStore timers = new TimerStore(mongo, clock);
        timers.createCollection();
        int listed = timers.listTimersWithoutSlot();
        if (listed > 0) {
            log.info("Listed {} SLA timers written by an earlier version in their time slots", listed);
        }
        return timers;
    }

    @Bean
    SlaTimers slaTimers(TimerStore timers, TicketNotifier notifier, Clock clock, TicketService tickets) {
        SlaTimers slaTimers = new SlaTimers(timers, notifier, clock);
        tickets.addObserver(slaTimers);
        return slaTimers;
    }

    /** Lets the outbox re-read a page's ticket right before it posts the page, with the rules that end a chain. */
    @Bean
    PageCheck pageCheck(TicketService tickets) {
        return new TicketPageCheck(tickets);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService slaSweepWorkers() {
        return Executors.newFixedThreadPool(SWEEP_THREADS);
    }

    @Bean
    SlaSweep slaSweep(
            TimerStore timers,
            TicketService tickets,
            SlaRules rules,
            SlaTimers slaTimers,
            Clock clock,
            ExecutorService slaSweepWorkers) {
        return new SlaSweep(timers, tickets, rules, slaTimers, clock, SWEEP_BATCH, slaSweepWorkers);
    }
}
