package org.defenderconnector.emulator.hunting;

import java.time.Instant;
import java.util.List;

/** A parsed query of the supported subset: a table and a pipeline of operators. */
public record KqlQuery(String table, List<Operator> operators) {

    /** A pipeline operator. */
    public sealed interface Operator permits Where, OrderBy, Take, Project {
    }

    public record Where(Predicate predicate) implements Operator {
    }

    public record SortKey(String column, boolean descending) {
    }

    public record OrderBy(List<SortKey> keys) implements Operator {
    }

    public record Take(long count) implements Operator {
    }

    public record Project(List<String> columns) implements Operator {
    }

    /** A boolean expression over columns. */
    public sealed interface Predicate permits And, Or, Comparison {
    }

    public record And(Predicate left, Predicate right) implements Predicate {
    }

    public record Or(Predicate left, Predicate right) implements Predicate {
    }

    /**
     * {@code column op value}; the value is a String, a Long, a Double, a Boolean or an Instant ({@code datetime()},
     * {@code ago()}, {@code now()} are resolved when parsed).
     */
    public record Comparison(String column, String op, Object value, int position) implements Predicate {
    }

    /** A time bound found in the query (for scanning only the rows that can match). */
    public record Bound(Instant time, boolean lower, boolean inclusive) {
    }
}
