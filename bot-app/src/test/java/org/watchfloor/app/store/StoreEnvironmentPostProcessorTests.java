package org.watchfloor.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

class StoreEnvironmentPostProcessorTests {

    private final StoreEnvironmentPostProcessor postProcessor = new StoreEnvironmentPostProcessor();

    @Test
    void mongodbUriVariableSetsBootProperty() {
        StandardEnvironment environment = environmentWithVariables(Map.of("MONGODB_URI", "mongodb://db.internal/soc"));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://db.internal/soc");
    }

    @Test
    void dataDirVariableSetsStoreProperty() {
        StandardEnvironment environment =
                environmentWithVariables(Map.of("WATCHFLOOR_DATA_DIR", "/var/lib/watchfloor"));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("watchfloor.store.data-dir")).isEqualTo("/var/lib/watchfloor");
    }

    @Test
    void blankVariablesAreIgnored() {
        StandardEnvironment environment =
                environmentWithVariables(Map.of("MONGODB_URI", " ", "WATCHFLOOR_DATA_DIR", ""));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains(StoreEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
                .isFalse();
        assertThat(environment.getProperty("spring.mongodb.uri")).isNull();
    }

    @Test
    void variableOverridesConfigurationFile() {
        StandardEnvironment environment = environmentWithVariables(Map.of("MONGODB_URI", "mongodb://db.internal/soc"));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "application.yml", Map.of("spring.mongodb.uri", "mongodb://127.0.0.1/from-file")));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://db.internal/soc");
    }

    @Test
    void systemPropertyOverridesVariable() {
        StandardEnvironment environment = environmentWithVariables(Map.of("MONGODB_URI", "mongodb://db.internal/soc"));
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                        new MapPropertySource(
                                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                                Map.of("spring.mongodb.uri", "mongodb://127.0.0.1/from-flag")));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://127.0.0.1/from-flag");
    }

    @Test
    void postProcessorIsRegisteredForSpringBoot() {
        // Boot's own post-processors need constructor arguments that this test does not supply, so it skips them.
        FailureHandler skipUnbuildable = FailureHandler.handleMessage((message, failure) -> {});

        List<EnvironmentPostProcessor> registered = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(EnvironmentPostProcessor.class, skipUnbuildable);

        assertThat(registered).hasAtLeastOneElementOfType(StoreEnvironmentPostProcessor.class);
    }

    /** Creates an environment whose system environment is the given map and whose system properties are empty. */
    private static StandardEnvironment environmentWithVariables(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        sources.replace(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, Map.of()));
        return environment;
    }
}
