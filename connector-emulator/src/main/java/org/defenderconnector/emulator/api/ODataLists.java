package org.defenderconnector.emulator.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.defenderconnector.emulator.odata.CollectionSpec;
import org.defenderconnector.emulator.odata.ODataException;
import org.defenderconnector.emulator.odata.ODataQuery;

/**
 * Answers a list request the OData way: filter on the record's JSON, order, skip, page, and
 * {@code @odata.nextLink} while more records match. Pages reflect the data at request time, so a record that
 * changes between two page requests can move between pages, as on the real services.
 */
final class ODataLists {

    private ODataLists() {
    }

    /** Parses the request's query options; an invalid one becomes the family's 400. */
    static ODataQuery query(ApiRequest request, CollectionSpec spec) throws ApiRejection {
        try {
            return ODataQuery.parse(request.query(), spec);
        } catch (ODataException e) {
            throw badRequest(request, e);
        }
    }

    static ApiRejection badRequest(ApiRequest request, ODataException e) {
        return new ApiRejection(400, request.family() == ApiFamily.GRAPH ? "BadRequest" : "ODataError",
                e.getMessage());
    }

    /**
     * @param records    every record of the set, as it is now
     * @param filterView the JSON the filter is evaluated on
     * @param pageView   the JSON served for a record of the page (may expand relationships)
     * @param order      the order of the set (null: the order of {@code records})
     * @param context    the {@code @odata.context} value
     */
    static <T> ObjectNode page(ApiRequest request, ODataQuery query, List<T> records, Function<T, ObjectNode> filterView,
                               Function<T, ObjectNode> pageView, Comparator<T> order, String context) {
        List<T> matching = new ArrayList<>();
        for (T record : records) {
            if (query.filter() == null || query.filter().test(filterView.apply(record))) {
                matching.add(record);
            }
        }
        if (order != null) {
            matching.sort(order);
        }
        int from = Math.min(query.skip(), matching.size());
        int to = (int) Math.min((long) from + query.pageSize(), matching.size());
        List<ObjectNode> page = new ArrayList<>(to - from);
        for (T record : matching.subList(from, to)) {
            page.add(pageView.apply(record));
        }
        return body(request, query, context, page, matching.size(), to < matching.size() && query.pageSize() > 0);
    }

    /**
     * Pages a stream of records without holding it: records are visited in order until one past the page is
     * seen. {@code stream} feeds each record to the visitor until it returns false.
     */
    static <T> ObjectNode pageStream(ApiRequest request, ODataQuery query, Consumer<Predicate<T>> stream,
                                     Function<T, ObjectNode> view, String context) {
        List<ObjectNode> page = new ArrayList<>();
        long[] seen = {0};
        boolean[] more = {false};
        stream.accept(record -> {
            ObjectNode node = view.apply(record);
            if (query.filter() != null && !query.filter().test(node)) {
                return true;
            }
            long index = seen[0]++;
            if (index < query.skip()) {
                return true;
            }
            if (page.size() < query.pageSize()) {
                page.add(node);
                return true;
            }
            more[0] = true;
            return false;
        });
        return body(request, query, context, page, -1, more[0]);
    }

    /** {@code {"@odata.context", ["@odata.count"], "value", ["@odata.nextLink"]}}. */
    static ObjectNode body(ApiRequest request, ODataQuery query, String context, List<ObjectNode> page, long total,
                           boolean more) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@odata.context", context);
        if (query.count() && total >= 0) {
            body.put("@odata.count", total);
        }
        ArrayNode value = body.putArray("value");
        page.forEach(value::add);
        if (more) {
            body.put("@odata.nextLink", query.nextLink(request.baseUrl(), request.path(), request.query()));
        }
        return body;
    }
}
