package org.watchfloor.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.MongoTimeoutException;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

class StoreHealthIndicatorTests {

    @Test
    void failedPingReportsDownWithError() {
        MongoTemplate mongo = mock(MongoTemplate.class);
        when(mongo.executeCommand(any(Document.class)))
                .thenThrow(new MongoTimeoutException("Timed out waiting for a server"));
        @SuppressWarnings("unchecked")
        ObjectProvider<EmbeddedMongoServer> noEmbeddedServer = mock(ObjectProvider.class);
        StoreHealthIndicator indicator = new StoreHealthIndicator(mongo, noEmbeddedServer);

        Health health = indicator.health(true);

        assertThat(health).isNotNull();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails())
                .containsEntry("error", MongoTimeoutException.class.getName() + ": Timed out waiting for a server");
    }
}
