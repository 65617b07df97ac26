package org.watchfloor.benchmarks;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Baseline for the ack latency benchmark: a Spring Boot app with the same Bolt version and servlet adapter as the
 * bot, whose {@code /incident} handler only acknowledges. It listens on {@code 127.0.0.1:8081} unless started with
 * {@code --server.port=<port>}, verifies signatures with {@code SLACK_SIGNING_SECRET} and makes no outbound call.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BareBoltApp {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BareBoltApp.class);
        application.setDefaultProperties(Map.of(
                "server.address", "127.0.0.1",
                "server.port", "8081",
                "spring.main.banner-mode", "off",
                "logging.level.root", "WARN"));
        application.run(args);
    }

    @Bean
    App boltApp(@Value("${SLACK_SIGNING_SECRET:}") String signingSecret) {
        if (signingSecret.isBlank()) {
            throw new IllegalStateException("SLACK_SIGNING_SECRET is missing: set it to the secret the benchmark signs"
                    + " with, for example SLACK_SIGNING_SECRET=benchmark-secret");
        }

        // AppConfig reads SLACK_BOT_TOKEN, SLACK_CLIENT_ID and SLACK_CLIENT_SECRET from the environment by default.
        // A bot token makes Bolt call auth.test and client credentials turn on OAuth, so both are cleared here.
        AppConfig config = AppConfig.builder()
                .signingSecret(signingSecret)
                .singleTeamBotToken(null)
                .clientId(null)
                .clientSecret(null)
                .build();
        App app = new App(config);
        app.command("/incident", (request, context) -> context.ack());
        return app;
    }

    @Bean
    ServletRegistrationBean<SlackAppServlet> slackAppServlet(App boltApp) {
        return new ServletRegistrationBean<>(new SlackAppServlet(boltApp), "/slack/events");
    }
}
