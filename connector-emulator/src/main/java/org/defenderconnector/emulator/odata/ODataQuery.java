package org.defenderconnector.emulator.odata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The OData query options of one list request, validated against its {@link CollectionSpec}.
 *
 * @param filter    the parsed {@code $filter}, or null
 * @param pageSize  records in this page: {@code $top} capped at the documented maximum, or the default
 * @param skip      {@code $skip}
 * @param expand    expanded relationships, lower-case
 * @param count     {@code $count=true}
 */
public record ODataQuery(Filter filter, int pageSize, int skip, Set<String> expand, boolean count) {

    private static final Set<String> KNOWN = Set.of("$filter", "$top", "$skip", "$expand", "$count");

    public static ODataQuery parse(Map<String, List<String>> query, CollectionSpec spec) {
        for (String name : query.keySet()) {
            if (name.startsWith("$") && !KNOWN.contains(name.toLowerCase(Locale.ROOT))) {
                throw new ODataException("The query parameter '" + name + "' is not supported by " + spec.entitySet()
                        + " (documented: $filter, $top, $skip" + (spec.expandable().isEmpty() ? "" : ", $expand")
                        + (spec.countOption() ? ", $count" : "") + ").");
            }
        }
        String filterText = first(query, "$filter");
        Filter filter = null;
        if (filterText != null) {
            if (spec.fields() == null) {
                throw new ODataException("The query parameter '$filter' is not supported by " + spec.entitySet() + ".");
            }
            filter = FilterParser.parse(filterText, spec.fields(), spec.entitySet(), spec.allowOrNot());
        }
        int pageSize = spec.defaultPageSize();
        String top = first(query, "$top");
        if (top != null) {
            pageSize = Math.min(nonNegative("$top", top), spec.maxTop());
        }
        String skipText = first(query, "$skip");
        int skip = skipText == null ? 0 : nonNegative("$skip", skipText);
        Set<String> expand = new LinkedHashSet<>();
        String expandText = first(query, "$expand");
        if (expandText != null) {
            for (String item : expandText.split(",")) {
                String name = item.trim().toLowerCase(Locale.ROOT);
                if (spec.expandable().stream().noneMatch(e -> e.equalsIgnoreCase(name))) {
                    throw new ODataException("The query specified in the URI is not valid: '" + item.trim()
                            + "' cannot be expanded on " + spec.entitySet()
                            + (spec.expandable().isEmpty() ? " ($expand is not supported)."
                            : " (expandable: " + String.join(", ", spec.expandable()) + ")."));
                }
                expand.add(name);
            }
        }
        boolean count = false;
        String countText = first(query, "$count");
        if (countText != null) {
            if (!spec.countOption()) {
                throw new ODataException("The query parameter '$count' is not supported by " + spec.entitySet() + ".");
            }
            if (!countText.equalsIgnoreCase("true") && !countText.equalsIgnoreCase("false")) {
                throw new ODataException("$count must be true or false, got '" + countText + "'.");
            }
            count = countText.equalsIgnoreCase("true");
        }
        return new ODataQuery(filter, pageSize, skip, Set.copyOf(expand), count);
    }

    public boolean expands(String relationship) {
        return expand.contains(relationship.toLowerCase(Locale.ROOT));
    }

    /** The filter's time window, if it bounds a datetime property. */
    public Optional<TimeWindow> window() {
        return filter == null ? Optional.empty() : TimeWindow.of(filter);
    }

    /**
     * The next page's URL: the request's own parameters with {@code $skip} moved on (and {@code $top} set to
     * the page size, so that a capped {@code $top} shows the cap).
     */
    public String nextLink(String baseUrl, String path, Map<String, List<String>> query) {
        StringJoiner parameters = new StringJoiner("&");
        query.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("$skip") && !lower.equals("$top")) {
                values.forEach(value -> parameters.add(name + "=" + encode(value)));
            }
        });
        parameters.add("$top=" + pageSize);
        parameters.add("$skip=" + (skip + pageSize));
        return baseUrl + path + "?" + parameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%24", "$").replace("%3A", ":")
                .replace("%27", "'").replace("%2C", ",");
    }

    private static String first(Map<String, List<String>> query, String name) {
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    private static int nonNegative(String option, String value) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ODataException("The value '" + value + "' of " + option + " is not a non-negative integer.");
        }
    }
}
