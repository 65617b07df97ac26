package org.watchfloor.benchmarks;

import java.net.URI;

/** A Slack endpoint under load, with its own command sequence. */
record Target(String name, URI url, IncidentCommands commands) {}
