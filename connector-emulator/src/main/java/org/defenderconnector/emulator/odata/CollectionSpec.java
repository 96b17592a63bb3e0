package org.defenderconnector.emulator.odata;

import java.util.Set;

/**
 * What one list endpoint supports, as its documentation states it.
 *
 * @param entitySet       name used in messages and {@code @odata.context}
 * @param fields          filterable properties (empty = {@code $filter} not supported)
 * @param defaultPageSize records per page when {@code $top} is absent
 * @param maxTop          documented maximum of {@code $top}; larger values are capped silently (the docs state a
 *                        maximum but not what happens above it)
 * @param expandable      relationships {@code $expand} accepts
 * @param countOption     whether {@code $count=true} is documented (Graph)
 * @param allowOrNot      whether {@code or}/{@code not} are accepted in filters (Graph)
 */
public record CollectionSpec(String entitySet, EntityFields fields, int defaultPageSize, int maxTop,
                             Set<String> expandable, boolean countOption, boolean allowOrNot) {

    public static CollectionSpec mde(String entitySet, EntityFields fields, int maxTop, String... expandable) {
        return new CollectionSpec(entitySet, fields, maxTop, maxTop, Set.of(expandable), false, false);
    }

    public static CollectionSpec graph(String entitySet, EntityFields fields, int defaultPageSize, int maxTop,
                                       String... expandable) {
        return new CollectionSpec(entitySet, fields, defaultPageSize, maxTop, Set.of(expandable), true, true);
    }
}
