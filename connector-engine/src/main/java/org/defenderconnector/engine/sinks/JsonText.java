package org.defenderconnector.engine.sinks;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Quotes a Java string as a JSON string literal (Jackson's encoder does the escaping). */
final class JsonText {
    private JsonText() {
    }

    static void quote(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        out.append('"');
    }
}
