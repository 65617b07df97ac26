package org.watchfloor.app.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * Maps the store's environment variables to their properties, because Spring's relaxed binding reaches neither:
 * MONGODB_URI sets {@code spring.mongodb.uri} and WATCHFLOOR_DATA_DIR sets {@code watchfloor.store.data-dir}. A
 * blank variable counts as unset. The mapped values rank with the environment variables: above the application's
 * configuration files, below system properties and command-line arguments.
 */
class StoreEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String MONGODB_URI_VARIABLE = "MONGODB_URI";
    static final String MONGODB_URI_PROPERTY = "spring.mongodb.uri";
    static final String DATA_DIR_VARIABLE = "WATCHFLOOR_DATA_DIR";
    static final String DATA_DIR_PROPERTY = "watchfloor.store.data-dir";
    static final String PROPERTY_SOURCE_NAME = "watchfloorStoreVariables";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        copyIfSet(environment, MONGODB_URI_VARIABLE, MONGODB_URI_PROPERTY, mapped);
        copyIfSet(environment, DATA_DIR_VARIABLE, DATA_DIR_PROPERTY, mapped);
        if (mapped.isEmpty()) {
            return;
        }

        addWithEnvironmentVariables(
                environment.getPropertySources(), new MapPropertySource(PROPERTY_SOURCE_NAME, mapped));
    }

    private static void copyIfSet(
            ConfigurableEnvironment environment, String variable, String property, Map<String, Object> mapped) {
        String value = environment.getProperty(variable);
        if (StringUtils.hasText(value)) {
            mapped.put(property, value);
        }
    }

    private static void addWithEnvironmentVariables(MutablePropertySources sources, MapPropertySource mapped) {
        String variables = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        if (sources.contains(variables)) {
            sources.addAfter(variables, mapped);
        } else {
            sources.addLast(mapped);
        }
    }
}
