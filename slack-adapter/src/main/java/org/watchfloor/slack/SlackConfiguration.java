package org.watchfloor.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.event.AppMentionEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.watchfloor.core.access.GroupMembership;
import org.watchfloor.core.command.CommandParser;
import org.watchfloor.core.command.CommandService;
import org.watchfloor.core.inbound.InboundDeliveries;
import org.watchfloor.core.notify.TicketNotifier;
import org.watchfloor.core.ticket.TicketService;

/**
 * Wires the Slack adapter: the Web API client, the Bolt app with its handlers, and the servlet that serves
 * {@code /slack/events}, {@code /slack/commands} and {@code /slack/interactive} with the same handler.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackProperties.class)
public class SlackConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SlackConfiguration.class);

    private static final String[] SLACK_PATHS = {"/slack/events", "/slack/commands", "/slack/interactive"};

    @Bean
    Slack slack(SlackProperties properties) {
        SlackConfig config = new SlackConfig();
        if (properties.apiUrl() != null) {
            String url = properties.apiUrl().endsWith("/") ? properties.apiUrl() : properties.apiUrl() + "/";
            config.setMethodsEndpointUrlPrefix(url);
            log.info("Slack Web API at {}", url);
        }
        return Slack.getInstance(config);
    }

    @Bean
    SlackPoster slackPoster(Slack slack, SlackProperties properties) {
        return new SlackPoster(
                slack, properties.botToken(), properties.postAttempts(), duration -> Thread.sleep(duration.toMillis()));
    }

    @Bean
    SlackChatDelivery slackChatDelivery(Slack slack, SlackProperties properties) {
        return new SlackChatDelivery(slack, properties.botToken());
    }

    @Bean
    GroupMembership slackGroupMembership(Slack slack, SlackProperties properties, Clock clock) {
        return new SlackGroupMembership(slack, properties.botToken(), clock, Duration.ofMinutes(5));
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService slackCommandWorkers() {
        return Executors.newFixedThreadPool(8, daemonThreads("slack-command-"));
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService slackPostWorkers() {
        return Executors.newFixedThreadPool(4, daemonThreads("slack-post-"));
    }

    @Bean
    RequestGate requestGate(SlackProperties properties) {
        return new RequestGate(properties);
    }

    @Bean
    Announcer announcer(
            SlackPoster poster,
            TicketService tickets,
            SlackProperties properties,
            TicketNotifier notifier,
            ExecutorService slackPostWorkers) {
        return new Announcer(
                poster, tickets, new OverrideAnnouncements(poster, properties), notifier, slackPostWorkers);
    }

    @Bean
    CommandRunner commandRunner(
            CommandService commands, SlackProperties properties, ExecutorService slackCommandWorkers) {
        return new CommandRunner(commands, slackCommandWorkers, properties.ackBudget());
    }

    @Bean
    App slackApp(
            Slack slack,
            SlackProperties properties,
            CommandParser parser,
            TicketService tickets,
            CommandRunner runner,
            Announcer announcer,
            RequestGate gate,
            SlackPoster poster,
            InboundDeliveries deliveries) {
        if (properties.signingSecret() == null) {
            throw new MissingSlackSettingException("SLACK_SIGNING_SECRET is not set. For a Slack workspace, copy the"
                    + " Signing Secret from the app's Basic Information page into it. To try the bot locally, any"
                    + " value works, for example export SLACK_SIGNING_SECRET=local-dev-secret, as long as"
                    + " scripts/slack-send signs with the same value.");
        }
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .signingSecret(properties.signingSecret())
                .singleTeamBotToken(properties.botToken())
                .ignoringSelfEventsEnabled(false)
                .build();
        App app = new App(config);

        SlashCommands slashCommands = new SlashCommands(parser, tickets, runner, announcer, gate, poster);
        Mentions mentions = new Mentions(parser, tickets, runner, announcer, gate, poster, deliveries);
        CardActions cardActions = new CardActions(tickets, runner, announcer, gate, poster);
        OpenModal openModal = new OpenModal(tickets, announcer);
        app.command(Pattern.compile("^/.+$"), slashCommands::handle);
        app.event(AppMentionEvent.class, mentions::handle);
        app.blockAction(CardActions.ACKNOWLEDGE, cardActions::acknowledge);
        app.blockAction(CardActions.ESCALATE, cardActions::escalate);
        app.viewSubmission(OpenModal.CALLBACK_ID, openModal::submit);

        logStart(properties, gate);
        return app;
    }

    @Bean
    FilterRegistrationBean<SlackRequestFilter> slackRequestFilter(App slackApp, SlackProperties properties) {
        // Depends on slackApp, so a missing signing secret is reported by that bean first.
        FilterRegistrationBean<SlackRequestFilter> registration =
                new FilterRegistrationBean<>(new SlackRequestFilter(properties.signingSecret(), Clock.systemUTC()));
        registration.addUrlPatterns(SLACK_PATHS);
        return registration;
    }

    @Bean
    ServletRegistrationBean<SlackAppServlet> slackServlet(App slackApp) {
        ServletRegistrationBean<SlackAppServlet> registration = new ServletRegistrationBean<>(
                new SlackAppServlet(slackApp), "/slack/events", "/slack/commands", "/slack/interactive");
        registration.setName("slack");
        return registration;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void logStart(SlackProperties properties, RequestGate gate) {
        if (properties.localMode()) {
            log.warn("SLACK_BOT_TOKEN is not set: local mode, so posts are written to this log as 'local post' lines"
                    + " and nothing is sent to Slack");
        }
        if (properties.allowedWorkspaces().isEmpty()
                && properties.allowedChannels().isEmpty()) {
            log.info("No workspace or channel allow-list is configured: serving {}", gate.describe());
        } else {
            log.info("Serving {}", gate.describe());
        }
        if (properties.channels().oncall() == null) {
            log.warn(
                    "watchfloor.slack.channels.oncall is not set: pages go to the channel of the ticket's card, or to the"
                            + " triage channel when no card is known");
        }
        log.info("Slack settings {}", properties);
    }
}
