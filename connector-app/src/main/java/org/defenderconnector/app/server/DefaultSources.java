package org.defenderconnector.app.server;

import org.defenderconnector.app.server.runtime.RestCollectionSources;
import org.defenderconnector.app.server.runtime.SourceProvider;
import org.defenderconnector.store.EventStore;

import java.nio.file.Path;

/** The collection sources this build has: the REST sources; snapshot streams keep state under DATA_DIR/state. */
final class DefaultSources {
    private DefaultSources() {
    }

    static SourceProvider provider(Path dataDir, EventStore store) {
        return new RestCollectionSources(store, dataDir.resolve("state"));
    }
}
