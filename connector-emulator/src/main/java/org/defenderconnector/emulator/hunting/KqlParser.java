package org.defenderconnector.emulator.hunting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.defenderconnector.emulator.odata.ODataLiterals;

/**
 * Parses the KQL subset the emulator runs:
 *
 * <pre>
 * Table
 * | where Column op value [and|or ...]      op: == != =~ !~ &gt; &lt; &gt;= &lt;= has !has contains !contains
 *                                                startswith !startswith
 * | order by Column [asc|desc], ...          (also sort by; desc by default, as in KQL)
 * | take N  /  | limit N
 * | project Column, ...
 * </pre>
 *
 * values: "text" or 'text', numbers, true/false, datetime(2024-01-01T00:00:00Z), ago(1d), now(). Line comments
 * ({@code //}) are ignored. Anything else is refused with the position of what was not understood.
 */
public final class KqlParser {

    private static final Set<String> STRING_OPS = Set.of("has", "!has", "contains", "!contains", "startswith",
            "!startswith");
    private static final Set<String> UNSUPPORTED_OPS = Set.of("in", "!in", "between", "has_any", "has_all",
            "matches", "endswith", "has_cs", "contains_cs", "startswith_cs", "in~", "hasprefix", "hassuffix");

    private enum Kind { IDENT, STRING, NUMBER, TIMESPAN, DATETIME, OP, PIPE, COMMA, OPEN, CLOSE, END }

    private record Token(Kind kind, String text, int column) {
    }

    private final String text;
    private final Instant now;
    private final List<Token> tokens;
    private int next;

    private KqlParser(String text, Instant now) {
        this.text = text;
        this.now = now;
        this.tokens = tokenize(text);
    }

    /** @param now the time {@code ago()} and {@code now()} are relative to */
    public static KqlQuery parse(String text, Instant now) {
        return new KqlParser(text, now).query();
    }

    private KqlQuery query() {
        Token table = peek();
        if (table.kind() != Kind.IDENT) {
            throw error(table, "a query starts with a table name");
        }
        next++;
        List<KqlQuery.Operator> operators = new ArrayList<>();
        while (peek().kind() == Kind.PIPE) {
            next++;
            operators.add(operator());
        }
        if (peek().kind() != Kind.END) {
            throw error(peek(), "expected '|' or the end of the query");
        }
        return new KqlQuery(table.text(), operators);
    }

    private KqlQuery.Operator operator() {
        Token token = peek();
        if (token.kind() != Kind.IDENT) {
            throw error(token, "expected an operator after '|'");
        }
        next++;
        switch (token.text()) {
            case "where":
                return new KqlQuery.Where(predicate());
            case "order", "sort": {
                Token by = peek();
                if (by.kind() != Kind.IDENT || !by.text().equals("by")) {
                    throw error(by, "expected 'by'");
                }
                next++;
                List<KqlQuery.SortKey> keys = new ArrayList<>();
                do {
                    if (!keys.isEmpty()) {
                        next++;
                    }
                    String column = identifier("a column name");
                    boolean descending = true;
                    if (peek().kind() == Kind.IDENT && (peek().text().equals("asc") || peek().text().equals("desc"))) {
                        descending = peek().text().equals("desc");
                        next++;
                    }
                    keys.add(new KqlQuery.SortKey(column, descending));
                } while (peek().kind() == Kind.COMMA);
                return new KqlQuery.OrderBy(keys);
            }
            case "take", "limit": {
                Token count = peek();
                if (count.kind() != Kind.NUMBER || count.text().contains(".")) {
                    throw error(count, "expected a whole number after '" + token.text() + "'");
                }
                next++;
                return new KqlQuery.Take(Long.parseLong(count.text()));
            }
            case "project": {
                List<String> columns = new ArrayList<>();
                do {
                    if (!columns.isEmpty()) {
                        next++;
                    }
                    columns.add(identifier("a column name"));
                    if (peek().kind() == Kind.OP && peek().text().equals("=")) {
                        throw error(peek(), "project renames and expressions are not supported by the emulator");
                    }
                } while (peek().kind() == Kind.COMMA);
                return new KqlQuery.Project(columns);
            }
            default:
                throw new KqlException("Query could not be parsed at '" + token.text() + "' on line [1," + token.column()
                        + "]: the emulator supports only the operators where, order by, sort by, take, limit and "
                        + "project.");
        }
    }

    private KqlQuery.Predicate predicate() {
        KqlQuery.Predicate left = conjunction();
        while (isWord("or")) {
            next++;
            left = new KqlQuery.Or(left, conjunction());
        }
        return left;
    }

    private KqlQuery.Predicate conjunction() {
        KqlQuery.Predicate left = atom();
        while (isWord("and")) {
            next++;
            left = new KqlQuery.And(left, atom());
        }
        return left;
    }

    private KqlQuery.Predicate atom() {
        if (peek().kind() == Kind.OPEN) {
            next++;
            KqlQuery.Predicate inner = predicate();
            expect(Kind.CLOSE, "')'");
            return inner;
        }
        Token column = peek();
        String name = identifier("a column name");
        if (peek().kind() == Kind.OPEN) {
            throw error(column, "functions such as " + name + "() are not supported by the emulator in where");
        }
        Token op = peek();
        String operator;
        if (op.kind() == Kind.OP && !op.text().equals("=")) {
            operator = op.text();
        } else if (op.kind() == Kind.IDENT && STRING_OPS.contains(op.text())) {
            operator = op.text();
        } else if ((op.kind() == Kind.IDENT || op.kind() == Kind.OP) && UNSUPPORTED_OPS.contains(op.text())) {
            throw error(op, "the operator '" + op.text() + "' is not supported by the emulator");
        } else {
            throw error(op, "expected a comparison operator (==, !=, =~, !~, >, <, >=, <=, has, contains, startswith)");
        }
        next++;
        return new KqlQuery.Comparison(name, operator, value(), column.column());
    }

    private Object value() {
        Token token = peek();
        next++;
        switch (token.kind()) {
            case STRING:
                return token.text();
            case NUMBER:
                return token.text().contains(".") ? (Object) Double.parseDouble(token.text())
                        : (Object) Long.parseLong(token.text());
            case DATETIME: {
                Instant instant = ODataLiterals.parseInstant(token.text().trim());
                if (instant == null) {
                    throw error(token, "'" + token.text() + "' is not a datetime");
                }
                return instant;
            }
            case IDENT:
                switch (token.text()) {
                    case "true":
                        return Boolean.TRUE;
                    case "false":
                        return Boolean.FALSE;
                    case "ago": {
                        expect(Kind.OPEN, "'('");
                        Duration span = timespan(expect(Kind.TIMESPAN, "a timespan such as 1d, 2h or 30m"));
                        expect(Kind.CLOSE, "')'");
                        return now.minus(span);
                    }
                    case "now": {
                        expect(Kind.OPEN, "'('");
                        expect(Kind.CLOSE, "')'");
                        return now;
                    }
                    default:
                        throw error(token, "expected a value; '" + token.text() + "' is not supported here");
                }
            default:
                throw error(token, "expected a value");
        }
    }

    private static Duration timespan(Token token) {
        String value = token.text();
        int unitAt = 0;
        while (unitAt < value.length() && (Character.isDigit(value.charAt(unitAt)) || value.charAt(unitAt) == '.')) {
            unitAt++;
        }
        double amount = Double.parseDouble(value.substring(0, unitAt));
        long millis = switch (value.substring(unitAt)) {
            case "d" -> (long) (amount * 86_400_000);
            case "h" -> (long) (amount * 3_600_000);
            case "m" -> (long) (amount * 60_000);
            case "s" -> (long) (amount * 1_000);
            case "ms" -> (long) amount;
            default -> throw new KqlException("Query could not be parsed at '" + value + "' on line [1,"
                    + token.column() + "]: unknown timespan unit");
        };
        return Duration.ofMillis(millis);
    }

    private String identifier(String what) {
        Token token = peek();
        if (token.kind() != Kind.IDENT) {
            throw error(token, "expected " + what);
        }
        next++;
        return token.text();
    }

    private boolean isWord(String word) {
        return peek().kind() == Kind.IDENT && peek().text().equals(word);
    }

    private Token peek() {
        return tokens.get(Math.min(next, tokens.size() - 1));
    }

    private Token expect(Kind kind, String what) {
        Token token = peek();
        if (token.kind() != kind) {
            throw error(token, "expected " + what);
        }
        next++;
        return token;
    }

    private KqlException error(Token token, String problem) {
        String at = token.kind() == Kind.END ? "<end of query>" : token.text();
        return new KqlException("Query could not be parsed at '" + at + "' on line [1," + token.column() + "]: "
                + problem + ".");
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '|') {
                tokens.add(new Token(Kind.PIPE, "|", column));
                i++;
            } else if (c == ',') {
                tokens.add(new Token(Kind.COMMA, ",", column));
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "(", column));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")", column));
                i++;
            } else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new KqlException("Query could not be parsed at '" + text.substring(column - 1)
                                + "' on line [1," + column + "]: unterminated string literal.");
                    }
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        value.append(text.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (d == c) {
                        i++;
                        break;
                    }
                    value.append(d);
                    i++;
                }
                tokens.add(new Token(Kind.STRING, value.toString(), column));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                int unit = i;
                while (i < n && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(unit == i ? Kind.NUMBER : Kind.TIMESPAN, text.substring(start, i), column));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                String word = text.substring(start, i);
                int after = i;
                while (after < n && Character.isWhitespace(text.charAt(after))) {
                    after++;
                }
                if (word.equals("datetime") && after < n && text.charAt(after) == '(') {
                    int close = text.indexOf(')', after);
                    if (close < 0) {
                        throw new KqlException("Query could not be parsed at 'datetime' on line [1," + column
                                + "]: missing ')'.");
                    }
                    tokens.add(new Token(Kind.DATETIME, text.substring(after + 1, close), column));
                    i = close + 1;
                } else {
                    tokens.add(new Token(Kind.IDENT, word, column));
                }
            } else if (c == '!' && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                int start = i;
                i++;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENT, text.substring(start, i), column));
            } else {
                String two = i + 1 < n ? text.substring(i, i + 2) : "";
                if (two.equals("==") || two.equals("!=") || two.equals("=~") || two.equals("!~") || two.equals(">=")
                        || two.equals("<=") || two.equals("<>")) {
                    tokens.add(new Token(Kind.OP, two, column));
                    i += 2;
                } else if (c == '>' || c == '<' || c == '=') {
                    tokens.add(new Token(Kind.OP, Character.toString(c), column));
                    i++;
                } else {
                    throw new KqlException("Query could not be parsed at '" + c + "' on line [1," + column
                            + "]: unexpected character.");
                }
            }
        }
        tokens.add(new Token(Kind.END, "", n + 1));
        return tokens;
    }
}
