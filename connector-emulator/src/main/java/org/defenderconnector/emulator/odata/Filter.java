package org.defenderconnector.emulator.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** A parsed {@code $filter} expression, evaluated against a record's JSON. */
public sealed interface Filter {

    boolean test(JsonNode record);

    /** Comparison operators. */
    enum Op {
        EQ, NE, GT, GE, LT, LE;

        boolean holds(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
            };
        }
    }

    /** A literal: a String, an Instant, a BigDecimal, a Boolean, or null. */
    record Literal(Object value) {
    }

    record And(Filter left, Filter right) implements Filter {
        @Override
        public boolean test(JsonNode record) {
            return left.test(record) && right.test(record);
        }
    }

    record Or(Filter left, Filter right) implements Filter {
        @Override
        public boolean test(JsonNode record) {
            return left.test(record) || right.test(record);
        }
    }

    record Not(Filter inner) implements Filter {
        @Override
        public boolean test(JsonNode record) {
            return !inner.test(record);
        }
    }

    record Compare(EntityFields.Field field, Op op, Literal literal) implements Filter {
        @Override
        public boolean test(JsonNode record) {
            return compare(record.get(field.name()), field.type(), op, literal);
        }
    }

    record StartsWith(EntityFields.Field field, String prefix) implements Filter {
        @Override
        public boolean test(JsonNode record) {
            JsonNode value = record.get(field.name());
            return value != null && value.isTextual() && value.asText().toLowerCase(Locale.ROOT)
                    .startsWith(prefix.toLowerCase(Locale.ROOT));
        }
    }

    /** {@code field/any(x: x op literal)} or {@code field/any(x: startswith(x, 'p'))} ({@code op} null). */
    record Any(EntityFields.Field field, Op op, Literal literal) implements Filter {
        @Override
        public boolean test(JsonNode record) {
            JsonNode values = record.get(field.name());
            if (values == null || !values.isArray()) {
                return false;
            }
            FieldType element = field.type() == FieldType.NUMBER_LIST ? FieldType.NUMBER : FieldType.STRING;
            for (JsonNode value : values) {
                if (op == null ? value.isTextual() && value.asText().toLowerCase(Locale.ROOT)
                        .startsWith(((String) literal.value()).toLowerCase(Locale.ROOT))
                        : compare(value, element, op, literal)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean compare(JsonNode value, FieldType type, Op op, Literal literal) {
        boolean absent = value == null || value.isNull();
        if (literal.value() == null) {
            return op == Op.EQ ? absent : op == Op.NE && !absent;
        }
        if (absent) {
            return op == Op.NE;
        }
        int comparison = switch (type) {
            case DATETIME -> {
                Instant actual = ODataLiterals.parseInstant(value.asText());
                yield actual == null ? Integer.MIN_VALUE : actual.compareTo((Instant) literal.value());
            }
            case NUMBER -> new BigDecimal(value.asText()).compareTo((BigDecimal) literal.value());
            case BOOLEAN -> Boolean.compare(value.asBoolean(), (Boolean) literal.value());
            default -> value.asText().compareToIgnoreCase((String) literal.value());
        };
        return comparison != Integer.MIN_VALUE && op.holds(comparison);
    }
}
