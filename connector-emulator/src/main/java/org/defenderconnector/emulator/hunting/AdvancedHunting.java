package org.defenderconnector.emulator.hunting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.defenderconnector.emulator.data.TenantData;
import org.defenderconnector.emulator.odata.TimeWindow;

/**
 * Runs advanced hunting queries of the supported KQL subset over a tenant's generated tables, within the
 * limits of {@link HuntingSettings}: rows beyond the row cap are cut off (the docs state the cap, not an error),
 * and each query's simulated CPU cost is charged to the tenant's {@link HuntingQuota}.
 */
public final class AdvancedHunting {

    /** A query's outcome. {@code truncated}: more rows matched than the row cap. */
    public record Result(List<HuntingTable.Column> columns, List<Object[]> rows, long scanned, boolean truncated,
                         double cpuSeconds) {
    }

    private final Clock clock;
    private final HuntingQuota quota;
    private volatile HuntingSettings settings;

    public AdvancedHunting(HuntingSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.quota = new HuntingQuota(settings.cpuSecondsPer15Minutes(), clock);
    }

    public HuntingSettings settings() {
        return settings;
    }

    /** Replaces the limits (the CPU budget applies from the next query; usage so far is kept). */
    public void update(HuntingSettings newSettings) {
        List<String> problems = newSettings.problems("hunting");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.settings = newSettings;
        quota.setBudgetSeconds(newSettings.cpuSecondsPer15Minutes());
    }

    public HuntingQuota quota() {
        return quota;
    }

    /**
     * Parses and checks a query without running it (tenants without data still refuse bad queries).
     *
     * @throws KqlException when it is not valid in the supported subset
     */
    public KqlQuery check(String text) {
        KqlQuery query = KqlParser.parse(text, clock.instant());
        HuntingTable table = table(query);
        compile(query, table);
        return query;
    }

    /**
     * Runs a query within {@code window} (Graph's Timespan, or the legacy APIs' last 30 days).
     *
     * @throws KqlException when it is not valid in the supported subset
     */
    public Result run(String text, TimeWindow window, TenantData data) {
        KqlQuery query = KqlParser.parse(text, clock.instant());
        HuntingTable table = table(query);
        Pipeline pipeline = compile(query, table);
        TimeWindow scan = narrow(query, window);
        HuntingSettings limits = settings;
        Collector collector = new Collector(limits.rowCap());
        Stage head = pipeline.build(collector);
        long scanned = 0;
        if (scan.from() != null && scan.to() != null && !scan.to().isBefore(scan.from())) {
            scanned = new HuntingRows(data).scan(table, scan.from(), scan.to(), row -> scan.contains(
                    (Instant) row[0]) ? head.push(row) : true);
        }
        head.end();
        double cpu = (limits.cpuMillisPerQuery() + scanned * limits.cpuMillisPer1000Rows() / 1000.0) / 1000.0;
        return new Result(pipeline.outputColumns(), collector.rows, scanned, collector.truncated, cpu);
    }

    /**
     * The time range a query reads: {@code window} narrowed by Timestamp bounds of the {@code where} operators at
     * the head of the pipeline.
     */
    public TimeWindow narrow(KqlQuery query, TimeWindow window) {
        TimeWindow result = window;
        for (KqlQuery.Operator operator : query.operators()) {
            if (!(operator instanceof KqlQuery.Where where)) {
                break;
            }
            result = bounds(where.predicate(), result);
        }
        return result;
    }

    /** Like {@link #narrow(KqlQuery, TimeWindow)} from a query text; empty when it does not parse. */
    public Optional<TimeWindow> window(String text, TimeWindow base) {
        try {
            return Optional.of(narrow(KqlParser.parse(text, clock.instant()), base));
        } catch (KqlException e) {
            return Optional.empty();
        }
    }

    private static TimeWindow bounds(KqlQuery.Predicate predicate, TimeWindow window) {
        if (predicate instanceof KqlQuery.And and) {
            return bounds(and.right(), bounds(and.left(), window));
        }
        if (predicate instanceof KqlQuery.Comparison c && c.column().equals("Timestamp")
                && c.value() instanceof Instant time) {
            return switch (c.op()) {
                case ">" -> window.withFrom(time, false);
                case ">=" -> window.withFrom(time, true);
                case "<" -> window.withTo(time, false);
                case "<=" -> window.withTo(time, true);
                case "==" -> window.withFrom(time, true).withTo(time, true);
                default -> window;
            };
        }
        return window;
    }

    private static HuntingTable table(KqlQuery query) {
        return HuntingSchema.table(query.table()).orElseThrow(() -> new KqlException(
                "Failed to resolve table or column expression named '" + query.table() + "'. The emulator serves "
                        + String.join(", ", HuntingSchema.tables().stream().map(HuntingTable::name).toList()) + "."));
    }

    // ---- compilation: checks columns and types, and builds the stages ----

    private interface Stage {
        /** Takes a row; false when no more rows are wanted. */
        boolean push(Object[] row);

        void end();
    }

    private interface StageFactory {
        Stage create(Stage downstream);
    }

    private record Pipeline(List<StageFactory> factories, List<HuntingTable.Column> outputColumns) {
        Stage build(Stage sink) {
            Stage stage = sink;
            for (int i = factories.size() - 1; i >= 0; i--) {
                stage = factories.get(i).create(stage);
            }
            return stage;
        }
    }

    private static Pipeline compile(KqlQuery query, HuntingTable table) {
        List<HuntingTable.Column> columns = new ArrayList<>(table.columns());
        List<StageFactory> factories = new ArrayList<>();
        for (KqlQuery.Operator operator : query.operators()) {
            List<HuntingTable.Column> current = List.copyOf(columns);
            if (operator instanceof KqlQuery.Where where) {
                java.util.function.Predicate<Object[]> test = predicate(where.predicate(), current);
                factories.add(down -> new Stage() {
                    public boolean push(Object[] row) {
                        return !test.test(row) || down.push(row);
                    }

                    public void end() {
                        down.end();
                    }
                });
            } else if (operator instanceof KqlQuery.Take take) {
                long limit = take.count();
                factories.add(down -> new Stage() {
                    long passed;

                    public boolean push(Object[] row) {
                        if (passed >= limit) {
                            return false;
                        }
                        passed++;
                        return down.push(row) && passed < limit;
                    }

                    public void end() {
                        down.end();
                    }
                });
            } else if (operator instanceof KqlQuery.OrderBy order) {
                Comparator<Object[]> comparator = null;
                for (KqlQuery.SortKey key : order.keys()) {
                    int index = index(current, key.column(), -1);
                    if (current.get(index).type() == ColumnType.DYNAMIC) {
                        throw new KqlException("Semantic error: ordering by the dynamic column '" + key.column()
                                + "' is not supported by the emulator.");
                    }
                    Comparator<Object[]> byKey = Comparator.comparing(row -> (Comparable) row[index],
                            Comparator.nullsFirst(Comparator.naturalOrder()));
                    if (key.descending()) {
                        byKey = byKey.reversed();
                    }
                    comparator = comparator == null ? byKey : comparator.thenComparing(byKey);
                }
                Comparator<Object[]> sort = comparator;
                factories.add(down -> new Stage() {
                    final List<Object[]> buffer = new ArrayList<>();

                    public boolean push(Object[] row) {
                        buffer.add(row);
                        return true;
                    }

                    public void end() {
                        buffer.sort(sort);
                        for (Object[] row : buffer) {
                            if (!down.push(row)) {
                                break;
                            }
                        }
                        down.end();
                    }
                });
            } else if (operator instanceof KqlQuery.Project project) {
                int[] indexes = new int[project.columns().size()];
                List<HuntingTable.Column> projected = new ArrayList<>();
                for (int i = 0; i < indexes.length; i++) {
                    indexes[i] = index(current, project.columns().get(i), -1);
                    projected.add(current.get(indexes[i]));
                }
                columns = projected;
                factories.add(down -> new Stage() {
                    public boolean push(Object[] row) {
                        Object[] out = new Object[indexes.length];
                        for (int i = 0; i < indexes.length; i++) {
                            out[i] = row[indexes[i]];
                        }
                        return down.push(out);
                    }

                    public void end() {
                        down.end();
                    }
                });
            }
        }
        return new Pipeline(factories, List.copyOf(columns));
    }

    private static java.util.function.Predicate<Object[]> predicate(KqlQuery.Predicate predicate,
                                                                   List<HuntingTable.Column> columns) {
        if (predicate instanceof KqlQuery.And and) {
            var left = predicate(and.left(), columns);
            var right = predicate(and.right(), columns);
            return row -> left.test(row) && right.test(row);
        }
        if (predicate instanceof KqlQuery.Or or) {
            var left = predicate(or.left(), columns);
            var right = predicate(or.right(), columns);
            return row -> left.test(row) || right.test(row);
        }
        KqlQuery.Comparison c = (KqlQuery.Comparison) predicate;
        int index = index(columns, c.column(), c.position());
        ColumnType type = columns.get(index).type();
        String op = c.op();
        Object value = c.value();
        switch (type) {
            case STRING -> {
                if (!(value instanceof String text)) {
                    throw mismatch(c, "string");
                }
                String lower = text.toLowerCase(Locale.ROOT);
                return switch (op) {
                    case "==" -> row -> text.equals(string(row[index]));
                    case "!=" -> row -> !text.equals(string(row[index]));
                    case "=~" -> row -> text.equalsIgnoreCase(string(row[index]));
                    case "!~" -> row -> !text.equalsIgnoreCase(string(row[index]));
                    case "contains" -> row -> string(row[index]).toLowerCase(Locale.ROOT).contains(lower);
                    case "!contains" -> row -> !string(row[index]).toLowerCase(Locale.ROOT).contains(lower);
                    case "startswith" -> row -> string(row[index]).toLowerCase(Locale.ROOT).startsWith(lower);
                    case "!startswith" -> row -> !string(row[index]).toLowerCase(Locale.ROOT).startsWith(lower);
                    case "has" -> row -> hasTerm(string(row[index]), lower);
                    case "!has" -> row -> !hasTerm(string(row[index]), lower);
                    default -> throw unsupported(c, "string");
                };
            }
            case DATETIME, LONG, INT, REAL -> {
                boolean time = type == ColumnType.DATETIME;
                if (time ? !(value instanceof Instant) : !(value instanceof Number)) {
                    throw mismatch(c, time ? "datetime (use datetime(...), ago() or now())" : "number");
                }
                return switch (op) {
                    case "==" -> row -> compare(row[index], value) == 0;
                    case "!=" -> row -> row[index] == null || compare(row[index], value) != 0;
                    case ">" -> row -> row[index] != null && compare(row[index], value) > 0;
                    case ">=" -> row -> row[index] != null && compare(row[index], value) >= 0;
                    case "<" -> row -> row[index] != null && compare(row[index], value) < 0;
                    case "<=" -> row -> row[index] != null && compare(row[index], value) <= 0;
                    default -> throw unsupported(c, type.schemaName());
                };
            }
            case BOOL -> {
                if (!(value instanceof Boolean flag)) {
                    throw mismatch(c, "bool (true or false)");
                }
                return switch (op) {
                    case "==" -> row -> flag.equals(row[index]);
                    case "!=" -> row -> !flag.equals(row[index]);
                    default -> throw unsupported(c, "bool");
                };
            }
            default -> throw new KqlException("Semantic error at column " + c.position() + ": comparing the dynamic "
                    + "column '" + c.column() + "' is not supported by the emulator.");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object actual, Object expected) {
        if (actual == null) {
            return Integer.MIN_VALUE;
        }
        if (actual instanceof Number a && expected instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return ((Comparable) actual).compareTo(expected);
    }

    /** KQL {@code has}: a whole term, case-insensitively (terms are runs of letters and digits). */
    static boolean hasTerm(String value, String lowerTerm) {
        if (lowerTerm.isEmpty()) {
            return true;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(lowerTerm);
        while (at >= 0) {
            boolean startOk = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1))
                    || !Character.isLetterOrDigit(lowerTerm.charAt(0));
            int end = at + lowerTerm.length();
            boolean endOk = end >= lower.length() || !Character.isLetterOrDigit(lower.charAt(end))
                    || !Character.isLetterOrDigit(lowerTerm.charAt(lowerTerm.length() - 1));
            if (startOk && endOk) {
                return true;
            }
            at = lower.indexOf(lowerTerm, at + 1);
        }
        return false;
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }

    private static int index(List<HuntingTable.Column> columns, String name, int position) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new KqlException("Semantic error" + (position > 0 ? " at column " + position : "") + ": failed to "
                + "resolve scalar expression named '" + name + "'.");
    }

    private static KqlException mismatch(KqlQuery.Comparison c, String expected) {
        return new KqlException("Semantic error at column " + c.position() + ": '" + c.column() + "' " + c.op()
                + " needs a " + expected + " value, got " + c.value() + ".");
    }

    private static KqlException unsupported(KqlQuery.Comparison c, String type) {
        return new KqlException("Semantic error at column " + c.position() + ": the operator '" + c.op()
                + "' cannot be applied to the " + type + " column '" + c.column() + "'.");
    }

    /** Keeps up to {@code cap} rows and notes whether more came. */
    private static final class Collector implements Stage {
        final List<Object[]> rows = new ArrayList<>();
        final int cap;
        boolean truncated;

        Collector(int cap) {
            this.cap = cap;
        }

        public boolean push(Object[] row) {
            if (rows.size() >= cap) {
                truncated = true;
                return false;
            }
            rows.add(row);
            return true;
        }

        public void end() {
        }
    }
}
