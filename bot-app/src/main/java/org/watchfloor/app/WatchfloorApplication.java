package org.watchfloor.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts Watchfloor: the ticket service, the Slack adapter and, without MONGODB_URI, the embedded store. */
@SpringBootApplication(scanBasePackages = "org.watchfloor")
public class WatchfloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(WatchfloorApplication.class, args);
    }
}
