package org.watchfloor.app;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.watchfloor.core.oncall.OnCallProperties;
import org.watchfloor.core.oncall.OnCallService;

/** Wires the on-call rosters from {@code watchfloor.oncall} and the overrides store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OnCallProperties.class)
class OnCallConfiguration {

    @Bean
    OnCallService onCallService(OnCallProperties properties, MongoTemplate mongo, Clock clock) {
        OnCallService service = new OnCallService(properties.parsedRosters(), mongo, clock);
        service.createIndexes();
        return service;
    }
}
