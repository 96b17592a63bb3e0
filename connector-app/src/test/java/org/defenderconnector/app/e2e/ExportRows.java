package org.defenderconnector.app.e2e;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The ids of every row of the emulator's full vulnerability export, read in one page with a plain
 * streaming parser: the truth the vulnerabilities stream is compared with.
 */
final class ExportRows {
    private ExportRows() {
    }

    static List<String> ids(DirectApi api) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        String path = "/api/machines/SoftwareVulnerabilitiesByMachine?pageSize=200000";
        while (path != null) {
            String next = null;
            try (InputStream body = api.get(path, DirectApi.MDE);
                 JsonParser parser = new JsonFactory().createParser(body)) {
                int depth = 0;
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        depth++;
                    } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                        depth--;
                    } else if (token == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        if (depth == 3 && name.equals("id")) {
                            parser.nextToken();
                            ids.add(parser.getText());
                        } else if (depth == 1 && name.equals("@odata.nextLink")) {
                            parser.nextToken();
                            next = parser.getText();
                        }
                    }
                }
            }
            path = next == null ? null : next.substring(next.indexOf("/api/"));
        }
        return ids;
    }
}
