package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.watchfloor.core.sla.SlaProperties;
import org.watchfloor.core.ticket.Severity;

/**
 * Binds application.yml with environment variables as a deployment sets them, to check that each documented
 * variable reaches its property, including those whose property name has a dash, which relaxed binding misses.
 */
class EnvironmentVariablesTests {

    @Test
    void slaPolicyVariableChangesOneValue() throws IOException {
        StandardEnvironment environment = environment(Map.of("WATCHFLOOR_SLA_POLICIES_HIGH_ACKNOWLEDGE", "20s"));

        SlaProperties sla = Binder.get(environment)
                .bind("watchfloor.sla", SlaProperties.class)
                .get();

        assertThat(sla.effectivePolicies().get(Severity.HIGH).acknowledge()).isEqualTo(Duration.ofSeconds(20));
        assertThat(sla.effectivePolicies().get(Severity.HIGH).update()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void sweepIntervalVariableReachesDashedProperty() throws IOException {
        StandardEnvironment environment = environment(Map.of("WATCHFLOOR_SCHEDULER_SLA_SWEEP_INTERVAL", "2s"));

        Duration interval = Binder.get(environment)
                .bind("watchfloor.scheduler.sla-sweep-interval", Duration.class)
                .get();

        assertThat(interval).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void slackVariablesReachDashedProperties() throws IOException {
        StandardEnvironment environment = environment(Map.of(
                "WATCHFLOOR_SLACK_API_URL", "http://127.0.0.1:9000/api/",
                "WATCHFLOOR_SLACK_CHANNELS_ONCALL", "C0ONCALL01",
                "SLACK_SIGNING_SECRET", "from-environment"));

        assertThat(environment.getProperty("watchfloor.slack.api-url")).isEqualTo("http://127.0.0.1:9000/api/");
        assertThat(environment.getProperty("watchfloor.slack.channels.oncall")).isEqualTo("C0ONCALL01");
        assertThat(environment.getProperty("watchfloor.slack.signing-secret")).isEqualTo("from-environment");
    }

    @Test
    void defaultsApplyWithoutVariables() throws IOException {
        StandardEnvironment environment = environment(Map.of());

        assertThat(Binder.get(environment)
                        .bind("watchfloor.scheduler.sla-sweep-interval", Duration.class)
                        .get())
                .isEqualTo(Duration.ofSeconds(15));
        assertThat(environment.getProperty("server.port")).isEqualTo("8080");
    }

    private static StandardEnvironment environment(Map<String, Object> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .forEach(sources::addLast);
        return environment;
    }
}
