package org.watchfloor.app.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded store, which runs only while no MongoDB URI is set.
 *
 * @param dataDir folder of the store file, created at start if missing. A relative path resolves against the
 *     working directory. The variable WATCHFLOOR_DATA_DIR sets it too.
 */
@ConfigurationProperties("watchfloor.store")
record StoreProperties(@DefaultValue("./data") Path dataDir) {}
