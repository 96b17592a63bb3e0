package org.defenderconnector.microsoft.sources;

import org.defenderconnector.microsoft.http.AccessToken;
import org.defenderconnector.microsoft.http.ApiFamily;
import org.defenderconnector.microsoft.http.ApiRequest;
import org.defenderconnector.microsoft.http.RequiredPermission;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Microsoft collection endpoint, as the sources need to know it: where it is, how a record is
 * identified and timed, how big a page may be, and what it costs and needs.
 *
 * @param description  for messages ("MDE alerts")
 * @param kind         the SourceRecord kind of its records
 * @param base         the API base URL (MDE, XDR or Graph host)
 * @param path         the collection path ("/api/alerts", "/v1.0/security/incidents")
 * @param fixedParams  query parameters sent with every first page ($expand=evidence)
 * @param idFields     the natural id field, with fallbacks
 * @param timeFields   the watermark field as the records spell it, with fallbacks (sample/doc disagreements)
 * @param filterField  the field the $filter compares (null for snapshot collections)
 * @param maxPageSize  the documented maximum $top
 */
public record CollectionSpec(String description, String kind, URI base, String path, Map<String, String> fixedParams,
                             List<String> idFields, List<String> timeFields, String filterField, int maxPageSize,
                             ApiFamily family, RequiredPermission permission, AccessToken token) {
    public CollectionSpec {
        fixedParams = new LinkedHashMap<>(fixedParams);
        idFields = List.copyOf(idFields);
        timeFields = List.copyOf(timeFields);
    }

    /** The fields the sources read from each record. */
    public Set<String> wantedFields() {
        Set<String> wanted = new LinkedHashSet<>(idFields);
        wanted.addAll(timeFields);
        return wanted;
    }

    public ApiRequest request(URI uri) {
        return new ApiRequest(uri, family, token, permission);
    }

    /** base + path + query, encoded the way OData servers expect ('$' kept, spaces as %20). */
    public URI uri(Map<String, String> params) {
        StringBuilder url = new StringBuilder(stripSlash(base.toString())).append(path);
        List<String> pairs = new ArrayList<>();
        Map<String, String> all = new LinkedHashMap<>(params);
        fixedParams.forEach(all::putIfAbsent);
        all.forEach((k, v) -> pairs.add(k + "=" + encode(v)));
        if (!pairs.isEmpty()) {
            url.append('?').append(String.join("&", pairs));
        }
        return URI.create(url.toString());
    }

    public CollectionSpec withFixedParams(Map<String, String> params) {
        return new CollectionSpec(description, kind, base, path, params, idFields, timeFields, filterField, maxPageSize,
                family, permission, token);
    }

    public CollectionSpec withPath(String otherPath) {
        return new CollectionSpec(description, kind, base, otherPath, fixedParams, idFields, timeFields, filterField,
                maxPageSize, family, permission, token);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
