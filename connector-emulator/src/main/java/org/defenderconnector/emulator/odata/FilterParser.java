package org.defenderconnector.emulator.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * A recursive-descent parser for the {@code $filter} subset Microsoft documents for these APIs: comparisons
 * ({@code eq ne gt ge lt le}) of a filterable property with a literal, {@code and}, parentheses,
 * {@code startswith(property,'text')} and {@code collection/any(x: x eq 'v')}; {@code or} and {@code not} only
 * where the dialect allows them (Graph). Anything else is refused with a message naming what was not understood.
 *
 * <pre>
 * expression := conjunction ('or' conjunction)*
 * conjunction := unary ('and' unary)*
 * unary      := 'not' unary | '(' expression ')' | 'startswith' '(' property ',' string ')'
 *             | property '/' 'any' '(' variable ':' lambda ')' | property operator literal
 * literal    := 'text' | datetime | number | guid | true | false | null
 * </pre>
 */
public final class FilterParser {

    private static final Set<String> OPERATORS = Set.of("eq", "ne", "gt", "ge", "lt", "le");
    private static final Set<String> OTHER_OPERATORS = Set.of("has", "in", "add", "sub", "mul", "div", "mod");
    private static final Set<String> OTHER_FUNCTIONS = Set.of("contains", "endswith", "substringof", "tolower",
            "toupper", "indexof", "length", "substring", "trim", "concat", "year", "month", "day", "hour", "date");

    private enum Kind { IDENT, STRING, DATETIME, NUMBER, GUID, OPEN, CLOSE, COMMA, COLON, SLASH, END }

    private record Token(Kind kind, String text, int position) {
    }

    private final String text;
    private final EntityFields fields;
    private final String entitySet;
    private final boolean allowOrNot;
    private final List<Token> tokens;
    private int next;

    private FilterParser(String text, EntityFields fields, String entitySet, boolean allowOrNot) {
        this.text = text;
        this.fields = fields;
        this.entitySet = entitySet;
        this.allowOrNot = allowOrNot;
        this.tokens = tokenize(text);
    }

    /**
     * @param allowOrNot whether {@code or} and {@code not} are accepted (documented for Graph only; MDE's pages
     *                   list eq, ne, gt, ge, lt, le, and, startswith)
     */
    public static Filter parse(String text, EntityFields fields, String entitySet, boolean allowOrNot) {
        if (text.isBlank()) {
            throw new ODataException("The $filter query option is empty.");
        }
        FilterParser parser = new FilterParser(text, fields, entitySet, allowOrNot);
        Filter filter = parser.expression();
        if (parser.peek().kind() != Kind.END) {
            throw parser.error("unexpected '" + parser.peek().text() + "'");
        }
        return filter;
    }

    private Filter expression() {
        Filter left = conjunction();
        while (isWord("or")) {
            if (!allowOrNot) {
                throw new ODataException("Invalid filter clause: the operator 'or' is not supported on " + entitySet
                        + "; supported: eq, ne, gt, ge, lt, le, and, startswith().");
            }
            next++;
            left = new Filter.Or(left, conjunction());
        }
        return left;
    }

    private Filter conjunction() {
        Filter left = unary();
        while (isWord("and")) {
            next++;
            left = new Filter.And(left, unary());
        }
        return left;
    }

    private Filter unary() {
        Token token = peek();
        if (isWord("not")) {
            if (!allowOrNot) {
                throw new ODataException("Invalid filter clause: the operator 'not' is not supported on " + entitySet
                        + "; supported: eq, ne, gt, ge, lt, le, and, startswith().");
            }
            next++;
            return new Filter.Not(unary());
        }
        if (token.kind() == Kind.OPEN) {
            next++;
            Filter inner = expression();
            expect(Kind.CLOSE, "')'");
            return inner;
        }
        if (token.kind() != Kind.IDENT) {
            throw error("expected a property name or startswith(), found '" + token.text() + "'");
        }
        next++;
        if (peek().kind() == Kind.OPEN) {
            return function(token);
        }
        if (peek().kind() == Kind.SLASH) {
            return any(token);
        }
        EntityFields.Field field = field(token);
        if (field.type() == FieldType.STRING_LIST || field.type() == FieldType.NUMBER_LIST) {
            throw new ODataException("Invalid filter clause: '" + field.name() + "' is a collection; use "
                    + field.name() + "/any(x: x eq ...).");
        }
        Filter.Op op = operator();
        return new Filter.Compare(field, op, literal(field.type(), field.name()));
    }

    private Filter function(Token name) {
        if (!name.text().equals("startswith")) {
            throw new ODataException("Invalid filter clause: the function '" + name.text() + "' is not supported on "
                    + entitySet + "; supported: startswith().");
        }
        expect(Kind.OPEN, "'('");
        EntityFields.Field field = field(expect(Kind.IDENT, "a property name"));
        if (field.type() != FieldType.STRING && field.type() != FieldType.ENUM) {
            throw new ODataException("Invalid filter clause: startswith() needs a text property; '" + field.name()
                    + "' is not one.");
        }
        expect(Kind.COMMA, "','");
        String prefix = expect(Kind.STRING, "a quoted text").text();
        expect(Kind.CLOSE, "')'");
        return new Filter.StartsWith(field, prefix);
    }

    private Filter any(Token collection) {
        EntityFields.Field field = field(collection);
        next++;
        Token any = expect(Kind.IDENT, "any");
        if (!any.text().equals("any")) {
            throw new ODataException("Invalid filter clause: only " + field.name() + "/any(...) is supported, not '"
                    + any.text() + "'.");
        }
        if (field.type() != FieldType.STRING_LIST && field.type() != FieldType.NUMBER_LIST) {
            throw new ODataException("Invalid filter clause: '" + field.name() + "' is not a collection.");
        }
        expect(Kind.OPEN, "'('");
        String variable = expect(Kind.IDENT, "a lambda variable").text();
        expect(Kind.COLON, "':'");
        Filter result;
        FieldType element = field.type() == FieldType.NUMBER_LIST ? FieldType.NUMBER : FieldType.STRING;
        if (isWord("startswith")) {
            next++;
            expect(Kind.OPEN, "'('");
            lambdaVariable(variable);
            expect(Kind.COMMA, "','");
            String prefix = expect(Kind.STRING, "a quoted text").text();
            expect(Kind.CLOSE, "')'");
            result = new Filter.Any(field, null, new Filter.Literal(prefix));
        } else {
            lambdaVariable(variable);
            Filter.Op op = operator();
            result = new Filter.Any(field, op, literal(element, field.name()));
        }
        expect(Kind.CLOSE, "')'");
        return result;
    }

    private void lambdaVariable(String variable) {
        Token token = expect(Kind.IDENT, "the lambda variable '" + variable + "'");
        if (!token.text().equals(variable)) {
            throw error("expected the lambda variable '" + variable + "', found '" + token.text() + "'");
        }
    }

    private EntityFields.Field field(Token name) {
        return fields.find(name.text()).orElseThrow(() -> new ODataException("Invalid filter clause: the property '"
                + name.text() + "' cannot be used in $filter on " + entitySet + ". Filterable properties: "
                + String.join(", ", fields.names()) + "."));
    }

    private Filter.Op operator() {
        Token token = peek();
        if (token.kind() == Kind.IDENT && OPERATORS.contains(token.text())) {
            next++;
            return Filter.Op.valueOf(token.text().toUpperCase(java.util.Locale.ROOT));
        }
        if (token.kind() == Kind.IDENT && OTHER_OPERATORS.contains(token.text())) {
            throw new ODataException("Invalid filter clause: the operator '" + token.text() + "' is not supported on "
                    + entitySet + "; supported: eq, ne, gt, ge, lt, le.");
        }
        throw error("expected an operator (eq, ne, gt, ge, lt, le), found '" + token.text() + "'");
    }

    private Filter.Literal literal(FieldType type, String property) {
        Token token = peek();
        next++;
        Object value = switch (token.kind()) {
            case STRING, GUID -> token.text();
            case DATETIME -> ODataLiterals.parseInstant(token.text());
            case NUMBER -> new BigDecimal(token.text());
            case IDENT -> switch (token.text()) {
                case "null" -> null;
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw error("expected a literal, found '" + token.text() + "'");
            };
            default -> throw error("expected a literal, found '" + token.text() + "'");
        };
        if (value == null) {
            return new Filter.Literal(null);
        }
        boolean fits = switch (type) {
            case DATETIME -> value instanceof Instant;
            case NUMBER, NUMBER_LIST -> value instanceof BigDecimal;
            case BOOLEAN -> value instanceof Boolean;
            default -> value instanceof String;
        };
        if (!fits) {
            String expected = switch (type) {
                case DATETIME -> "an unquoted datetime such as 2024-01-01T00:00:00Z";
                case NUMBER, NUMBER_LIST -> "a number";
                case BOOLEAN -> "true or false";
                default -> "a quoted text such as 'value'";
            };
            throw new ODataException("Invalid filter clause: a binary operator with incompatible types was detected: '"
                    + property + "' needs " + expected + ", found " + token.text() + ".");
        }
        return new Filter.Literal(value);
    }

    private boolean isWord(String word) {
        Token token = peek();
        return token.kind() == Kind.IDENT && token.text().equals(word);
    }

    private Token peek() {
        return tokens.get(Math.min(next, tokens.size() - 1));
    }

    private Token expect(Kind kind, String what) {
        Token token = peek();
        if (token.kind() != kind) {
            throw error("expected " + what + ", found '" + (token.kind() == Kind.END ? "end of filter" : token.text())
                    + "'");
        }
        next++;
        return token;
    }

    private ODataException error(String problem) {
        Token token = peek();
        if (token.kind() == Kind.IDENT && OTHER_FUNCTIONS.contains(token.text())) {
            return new ODataException("Invalid filter clause: the function '" + token.text() + "' is not supported on "
                    + entitySet + "; supported: startswith().");
        }
        return new ODataException("Syntax error at position " + token.position() + " in '" + text + "': " + problem
                + ".");
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            switch (c) {
                case '(' -> tokens.add(new Token(Kind.OPEN, "(", i++));
                case ')' -> tokens.add(new Token(Kind.CLOSE, ")", i++));
                case ',' -> tokens.add(new Token(Kind.COMMA, ",", i++));
                case ':' -> tokens.add(new Token(Kind.COLON, ":", i++));
                case '/' -> tokens.add(new Token(Kind.SLASH, "/", i++));
                case '\'' -> {
                    StringBuilder value = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= text.length()) {
                            throw new ODataException("Syntax error at position " + start + " in '" + text
                                    + "': unterminated text literal.");
                        }
                        char d = text.charAt(i);
                        if (d == '\'') {
                            if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                                value.append('\'');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        value.append(d);
                        i++;
                    }
                    tokens.add(new Token(Kind.STRING, value.toString(), start));
                }
                default -> {
                    Matcher guid = ODataLiterals.GUID.matcher(text).region(i, text.length());
                    Matcher datetime = ODataLiterals.DATETIME.matcher(text).region(i, text.length());
                    if (guid.lookingAt() && ends(text, guid.end())) {
                        tokens.add(new Token(Kind.GUID, guid.group(), start));
                        i = guid.end();
                    } else if (Character.isDigit(c) && datetime.lookingAt() && ends(text, datetime.end())) {
                        tokens.add(new Token(Kind.DATETIME, datetime.group(), start));
                        i = datetime.end();
                    } else if (Character.isDigit(c) || (c == '-' && i + 1 < text.length()
                            && Character.isDigit(text.charAt(i + 1)))) {
                        i++;
                        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                            i++;
                        }
                        String number = text.substring(start, i);
                        if (!number.matches("-?\\d+(\\.\\d+)?")) {
                            throw new ODataException("Syntax error at position " + start + " in '" + text
                                    + "': '" + number + "' is not a number.");
                        }
                        tokens.add(new Token(Kind.NUMBER, number, start));
                    } else if (Character.isLetter(c) || c == '_' || c == '$') {
                        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i))
                                || text.charAt(i) == '_')) {
                            i++;
                        }
                        tokens.add(new Token(Kind.IDENT, text.substring(start, i), start));
                    } else {
                        throw new ODataException("Syntax error at position " + start + " in '" + text
                                + "': unexpected character '" + c + "'"
                                + (c == '"' ? " (OData text literals use single quotes)" : "") + ".");
                    }
                }
            }
        }
        tokens.add(new Token(Kind.END, "", text.length()));
        return tokens;
    }

    /** A literal must end where a token may end (so that 2024-01-01Tx is not half a datetime). */
    private static boolean ends(String text, int end) {
        return end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
    }
}
