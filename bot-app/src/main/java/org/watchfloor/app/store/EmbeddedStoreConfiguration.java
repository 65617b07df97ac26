package org.watchfloor.app.store;

import com.mongodb.ConnectionString;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded store when no MongoDB URI is configured, and points Spring Boot's MongoDB auto-configuration
 * at it. The {@link MongoConnectionDetails} bean replaces the one Boot derives from {@code spring.mongodb.*}, and
 * because the MongoDB client is built from it, the server starts before the client and stops after it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedStoreConfiguration.NoMongoUriCondition.class)
@EnableConfigurationProperties(StoreProperties.class)
class EmbeddedStoreConfiguration {

    static final String DATABASE = "watchfloor";

    @Bean(destroyMethod = "close")
    EmbeddedMongoServer embeddedMongoServer(StoreProperties properties) {
        return EmbeddedMongoServer.start(properties.dataDir());
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server) {
        ConnectionString connectionString = server.connectionString(DATABASE);
        return () -> connectionString;
    }

    /** Matches when {@code spring.mongodb.uri} is unset or blank. MONGODB_URI reaches it through the mapping. */
    static class NoMongoUriCondition extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String uri = context.getEnvironment().getProperty(StoreEnvironmentPostProcessor.MONGODB_URI_PROPERTY);
            if (StringUtils.hasText(uri)) {
                return ConditionOutcome.noMatch("spring.mongodb.uri is set, so the external MongoDB is used");
            }
            return ConditionOutcome.match("spring.mongodb.uri is not set, so the embedded store is used");
        }
    }
}
