package org.defenderconnector.store.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a filter and a cursor into one SQL statement listing events newest first.
 *
 * <p>Conditions are split in two. <em>Seek</em> conditions are served by the chosen index (time range,
 * cursor, and tenant+stream or OCSF class when given), so SQLite jumps straight to the first row.
 * <em>Sift</em> conditions (severity, device, free text, a lone tenant or stream) cannot be served by an
 * index without sorting; they are computed as a {@code hit} column instead of filtering in WHERE, so the
 * caller can stop after a bounded number of examined rows even when matches are rare.
 * The index is named explicitly ({@code INDEXED BY}) so the plan never degrades into a sort of the
 * whole table.
 */
final class BrowseQuery {
    /**
     * The list's device and title candidates in one JSON parse: a JSON array of device hostname, name, uid,
     * then finding title, message, class name (the first non-null of each group is shown).
     */
    static final String DETAILS = "CASE WHEN json_valid(ocsf) THEN json_array(json_extract(ocsf,'$.device.hostname'),"
            + " json_extract(ocsf,'$.device.name'), json_extract(ocsf,'$.device.uid'),"
            + " json_extract(ocsf,'$.finding_info.title'), json_extract(ocsf,'$.message'),"
            + " json_extract(ocsf,'$.class_name')) END";

    final String sql;
    final List<Object> args;
    final boolean sifting;

    private BrowseQuery(String sql, List<Object> args, boolean sifting) {
        this.sql = sql;
        this.args = args;
        this.sifting = sifting;
    }

    /** The summary columns, a hit flag, newest first, at most {@code limit} rows. */
    static BrowseQuery summaries(EventFilter filter, PageCursor after, int limit) {
        return build(filter, after, limit, "uid, time, tenant, stream, kind, natural_id, class_uid, severity_id");
    }

    /** Full stored events (raw and OCSF) for export; sift conditions filter in WHERE since export reads on anyway. */
    static BrowseQuery fullEvents(EventFilter filter, PageCursor after, int limit) {
        return build(filter, after, limit, "uid, tenant, stream, kind, natural_id, time, raw, ocsf");
    }

    private static BrowseQuery build(EventFilter filter, PageCursor after, int limit, String columns) {
        boolean summaries = columns.startsWith("uid, time");
        List<String> seek = new ArrayList<>();
        List<Object> seekArgs = new ArrayList<>();
        List<String> sift = new ArrayList<>();
        List<Object> siftArgs = new ArrayList<>();
        String index;
        if (filter.tenant() != null && filter.stream() != null) {
            index = BrowseIndexes.BY_TENANT_STREAM;
            seek.add("tenant = ? AND stream = ?");
            seekArgs.add(filter.tenant());
            seekArgs.add(filter.stream());
            addClass(filter, sift, siftArgs);
        } else if (filter.classUid() != null) {
            index = BrowseIndexes.BY_CLASS;
            seek.add("class_uid = ?");
            seekArgs.add(filter.classUid());
            addTenantStream(filter, sift, siftArgs);
        } else {
            index = BrowseIndexes.BY_TIME;
            addTenantStream(filter, sift, siftArgs);
        }
        if (filter.from() != null) {
            seek.add("time >= ?");
            seekArgs.add(filter.from().toEpochMilli());
        }
        if (filter.to() != null) {
            seek.add("time < ?");
            seekArgs.add(filter.to().toEpochMilli());
        }
        if (after != null) {
            seek.add("(time, uid) < (?, ?)");
            seekArgs.add(after.timeMillis());
            seekArgs.add(after.uid());
        }
        if (!filter.severities().isEmpty()) {
            sift.add("severity_id IN (" + filter.severities().stream().sorted().map(s -> "?")
                    .collect(Collectors.joining(",")) + ")");
            filter.severities().stream().sorted().forEach(siftArgs::add);
        }
        if (filter.device() != null) {
            sift.add("(CASE WHEN json_valid(ocsf) THEN (lower(json_extract(ocsf,'$.device.hostname')) LIKE ? ESCAPE '\\'"
                    + " OR json_extract(ocsf,'$.device.uid') = ?) END)");
            siftArgs.add(likePrefix(filter.device().toLowerCase(java.util.Locale.ROOT)));
            siftArgs.add(filter.device());
        }
        if (filter.text() != null) {
            String pattern = "%" + escapeLike(filter.text()) + "%";
            sift.add("(raw LIKE ? ESCAPE '\\' OR ocsf LIKE ? ESCAPE '\\')");
            siftArgs.add(pattern);
            siftArgs.add(pattern);
        }
        boolean sifting = !sift.isEmpty();
        String siftExpression = sifting ? String.join(" AND ", sift) : "1";
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(columns);
        if (summaries) {
            // The JSON is only looked into for rows that are shown.
            sql.append(", (").append(siftExpression).append(") AS hit");
            args.addAll(siftArgs);
        }
        sql.append(" FROM events INDEXED BY ").append(index);
        List<String> where = new ArrayList<>(seek);
        List<Object> whereArgs = new ArrayList<>(seekArgs);
        if (!summaries && sifting) {
            where.add(siftExpression);
            whereArgs.addAll(siftArgs);
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        args.addAll(whereArgs);
        sql.append(" ORDER BY time DESC, uid DESC LIMIT ?");
        args.add(limit);
        return new BrowseQuery(sql.toString(), args, sifting);
    }

    private static void addTenantStream(EventFilter filter, List<String> sift, List<Object> siftArgs) {
        if (filter.tenant() != null) {
            sift.add("tenant = ?");
            siftArgs.add(filter.tenant());
        }
        if (filter.stream() != null) {
            sift.add("stream = ?");
            siftArgs.add(filter.stream());
        }
    }

    private static void addClass(EventFilter filter, List<String> sift, List<Object> siftArgs) {
        if (filter.classUid() != null) {
            sift.add("class_uid = ?");
            siftArgs.add(filter.classUid());
        }
    }

    private static String likePrefix(String value) {
        return escapeLike(value) + "%";
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
