package org.watchfloor.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

class EmbeddedStoreConfigurationIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void templateWritesToEmbeddedStore() {
        try (ConfigurableApplicationContext context = startApp(dataDir)) {
            MongoTemplate mongo = context.getBean(MongoTemplate.class);

            mongo.insert(new Document("_id", "INC-1"), "tickets");

            EmbeddedMongoServer server = context.getBean(EmbeddedMongoServer.class);
            assertThat(server.dataFile()).isEqualTo(dataDir.resolve(EmbeddedMongoServer.DATA_FILE_NAME));
            assertThat(mongo.getDb().getName()).isEqualTo(EmbeddedStoreConfiguration.DATABASE);
            assertThat(mongo.findById("INC-1", Document.class, "tickets")).isNotNull();
        }
    }

    @Test
    void dataSurvivesContextRestart() {
        try (ConfigurableApplicationContext context = startApp(dataDir)) {
            context.getBean(MongoTemplate.class).insert(new Document("_id", "INC-1"), "tickets");
        }

        try (ConfigurableApplicationContext context = startApp(dataDir)) {
            MongoTemplate mongo = context.getBean(MongoTemplate.class);

            assertThat(mongo.findById("INC-1", Document.class, "tickets")).isNotNull();
        }
    }

    @Test
    void contextCloseStopsServer() {
        int port;
        try (ConfigurableApplicationContext context = startApp(dataDir)) {
            port = context.getBean(EmbeddedMongoServer.class).port();
            assertThat(accepts(port)).isTrue();
        }

        assertThat(accepts(port)).isFalse();
    }

    @Test
    void twoContextsUseTheirOwnServers(@TempDir Path otherDataDir) {
        try (ConfigurableApplicationContext first = startApp(dataDir);
                ConfigurableApplicationContext second = startApp(otherDataDir)) {
            first.getBean(MongoTemplate.class).insert(new Document("_id", "INC-1"), "tickets");

            EmbeddedMongoServer firstServer = first.getBean(EmbeddedMongoServer.class);
            EmbeddedMongoServer secondServer = second.getBean(EmbeddedMongoServer.class);
            assertThat(firstServer.port()).isNotEqualTo(secondServer.port());
            assertThat(firstServer.dataFile()).isNotEqualTo(secondServer.dataFile());
            assertThat(second.getBean(MongoTemplate.class).findById("INC-1", Document.class, "tickets"))
                    .isNull();
        }
    }

    @Test
    void healthIsUpAndEmbedded() {
        try (ConfigurableApplicationContext context = startApp(dataDir)) {
            HealthIndicator store = storeIndicator(context);

            var health = store.health(true);

            assertThat(health).isNotNull();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("kind", "embedded");
            assertThat(health.getDetails()).containsEntry("database", EmbeddedStoreConfiguration.DATABASE);
        }
    }

    @Test
    void mongoUriStartsNoEmbeddedServer() {
        MongoServer external = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        external.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + external.getLocalAddress().getPort() + "/external";
        try (ConfigurableApplicationContext context =
                startApp(dataDir, "--spring.mongodb.uri=" + uri, "--management.health.mongodb.enabled=false")) {
            MongoTemplate mongo = context.getBean(MongoTemplate.class);
            mongo.insert(new Document("_id", "INC-1"), "tickets");

            assertThat(context.getBeansOfType(EmbeddedMongoServer.class)).isEmpty();
            assertThat(mongo.getDb().getName()).isEqualTo("external");
            assertThat(external.getLocalAddress()).isNotNull();
            assertThat(storeIndicator(context).health(true).getDetails()).containsEntry("kind", "external");
            assertThat(dataDir.resolve(EmbeddedMongoServer.DATA_FILE_NAME)).doesNotExist();
        } finally {
            external.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext startApp(Path dataDir, String... arguments) {
        return new SpringApplicationBuilder(StoreApp.class)
                .web(WebApplicationType.NONE)
                .properties("watchfloor.store.data-dir=" + dataDir)
                .run(arguments);
    }

    private static HealthIndicator storeIndicator(ConfigurableApplicationContext context) {
        var contributor = context.getBean(HealthContributorRegistry.class).getContributor("store");
        assertThat(contributor).isInstanceOf(HealthIndicator.class);
        return (HealthIndicator) contributor;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The store's beans and the auto-configurations they need, without the rest of the application. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        MongoAutoConfiguration.class,
        DataMongoAutoConfiguration.class,
        HealthContributorRegistryAutoConfiguration.class
    })
    @Import({EmbeddedStoreConfiguration.class, StoreHealthIndicator.class})
    static class StoreApp {}
}
