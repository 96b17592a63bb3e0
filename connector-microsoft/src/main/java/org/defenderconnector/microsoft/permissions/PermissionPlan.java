package org.defenderconnector.microsoft.permissions;

import org.defenderconnector.microsoft.cloud.Api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The application permissions to grant, per API, for a set of streams.
 *
 * @param streams      the streams it was computed for
 * @param permissions  per API, the permission names (sorted); APIs with nothing to grant are absent
 * @param includesResponse whether the response-action permissions were added
 */
public record PermissionPlan(List<DefenderStream> streams, Map<Api, ? extends SortedSet<String>> permissions,
                             boolean includesResponse) {
    public PermissionPlan {
        streams = List.copyOf(streams);
        Map<Api, SortedSet<String>> copy = new EnumMap<>(Api.class);
        permissions.forEach((api, set) -> copy.put(api, Collections.unmodifiableSortedSet(new TreeSet<>(set))));
        permissions = Collections.unmodifiableMap(copy);
    }

    public List<Api> apis() {
        return List.copyOf(permissions.keySet());
    }

    public SortedSet<String> permissionsFor(Api api) {
        SortedSet<String> set = permissions.get(api);
        return set == null ? Collections.emptySortedSet() : set;
    }
}
