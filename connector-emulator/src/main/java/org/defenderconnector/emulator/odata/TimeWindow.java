package org.defenderconnector.emulator.odata;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time range a request asks for: bounds on datetime properties joined by {@code and} at the top of a
 * {@code $filter} (or a hunting query's Timestamp bounds). Null bounds are open.
 */
public record TimeWindow(Instant from, boolean fromInclusive, Instant to, boolean toInclusive) {

    public static final TimeWindow ALL = new TimeWindow(null, true, null, true);

    private static final Pattern BOUND = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s+(gt|ge|lt|le|eq)\\s+("
            + ODataLiterals.DATETIME.pattern() + ")(?![\\w:.-])");
    private static final Pattern OR = Pattern.compile("\\s(or|not)\\s|^not\\s");

    /**
     * The window of a {@code $filter} text of any entity set (without knowing its properties): every
     * {@code property op datetime} bound, when the filter has no {@code or}/{@code not}. Empty otherwise.
     */
    public static Optional<TimeWindow> fromFilterText(String filter) {
        if (filter == null || OR.matcher(filter.toLowerCase(Locale.ROOT)).find()) {
            return Optional.empty();
        }
        TimeWindow window = ALL;
        Matcher m = BOUND.matcher(filter);
        while (m.find()) {
            Instant bound = ODataLiterals.parseInstant(m.group(3));
            if (bound == null) {
                continue;
            }
            window = switch (m.group(2)) {
                case "gt" -> window.withFrom(bound, false);
                case "ge" -> window.withFrom(bound, true);
                case "lt" -> window.withTo(bound, false);
                case "le" -> window.withTo(bound, true);
                default -> window.withFrom(bound, true).withTo(bound, true);
            };
        }
        return window.equals(ALL) ? Optional.empty() : Optional.of(window);
    }

    /** The window of a filter; empty when the filter puts no bound on any datetime property. */
    public static Optional<TimeWindow> of(Filter filter) {
        TimeWindow window = collect(filter, ALL);
        return window.equals(ALL) ? Optional.empty() : Optional.of(window);
    }

    private static TimeWindow collect(Filter filter, TimeWindow window) {
        if (filter instanceof Filter.And and) {
            return collect(and.right(), collect(and.left(), window));
        }
        if (filter instanceof Filter.Compare compare && compare.field().type() == FieldType.DATETIME
                && compare.literal().value() instanceof Instant bound) {
            return switch (compare.op()) {
                case GT -> window.withFrom(bound, false);
                case GE -> window.withFrom(bound, true);
                case LT -> window.withTo(bound, false);
                case LE -> window.withTo(bound, true);
                case EQ -> window.withFrom(bound, true).withTo(bound, true);
                case NE -> window;
            };
        }
        return window;
    }

    /** Narrows the lower bound (keeps the later one). */
    public TimeWindow withFrom(Instant bound, boolean inclusive) {
        if (from == null || bound.isAfter(from) || (bound.equals(from) && !inclusive)) {
            return new TimeWindow(bound, inclusive, to, toInclusive);
        }
        return this;
    }

    /** Narrows the upper bound (keeps the earlier one). */
    public TimeWindow withTo(Instant bound, boolean inclusive) {
        if (to == null || bound.isBefore(to) || (bound.equals(to) && !inclusive)) {
            return new TimeWindow(from, fromInclusive, bound, inclusive);
        }
        return this;
    }

    public boolean contains(Instant time) {
        boolean afterFrom = from == null || (fromInclusive ? !time.isBefore(from) : time.isAfter(from));
        boolean beforeTo = to == null || (toInclusive ? !time.isAfter(to) : time.isBefore(to));
        return afterFrom && beforeTo;
    }

    @Override
    public String toString() {
        return (from == null ? "(-inf" : (fromInclusive ? "[" : "(") + from) + ", "
                + (to == null ? "+inf)" : to + (toInclusive ? "]" : ")"));
    }
}
