package org.defenderconnector.app.server;

import org.defenderconnector.app.server.runtime.NoCollectionSources;
import org.defenderconnector.app.server.runtime.SourceProvider;
import org.defenderconnector.store.EventStore;

import java.nio.file.Path;

/** The collection sources this build has. */
final class DefaultSources {
    private DefaultSources() {
    }

    static SourceProvider provider(Path dataDir, EventStore store) {
        // The REST collection sources are not in this build yet: streams report that plainly.
        return new NoCollectionSources();
    }
}
