package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.OcsfMapper;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One golden file pair under src/test/resources/golden/rest/&lt;kind&gt;/: {@code <name>.input.json} holds
 * the raw records (a JSON array, one element per record, e.g. the {@code value} items of a Microsoft
 * documentation sample) and {@code <name>.expected.json} the OCSF events, in the same order.
 */
record GoldenCase(String kind, String name, Path input, Path expected) {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ROOT = "/golden/rest";

    @Override
    public String toString() {
        return kind + "/" + name;
    }

    static List<GoldenCase> all() {
        try {
            URL root = GoldenCase.class.getResource(ROOT);
            if (root == null) {
                throw new IllegalStateException("no golden files at " + ROOT);
            }
            Path base = Path.of(root.toURI());
            List<GoldenCase> cases = new ArrayList<>();
            try (Stream<Path> files = Files.walk(base)) {
                files.filter(p -> p.getFileName().toString().endsWith(".input.json")).sorted().forEach(input -> {
                    String file = input.getFileName().toString();
                    String name = file.substring(0, file.length() - ".input.json".length());
                    cases.add(new GoldenCase(input.getParent().getFileName().toString(), name, input,
                            input.resolveSibling(name + ".expected.json")));
                });
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    List<ObjectNode> records() {
        try {
            JsonNode node = JSON.readTree(input.toFile());
            List<ObjectNode> records = new ArrayList<>();
            (node.isArray() ? node : JSON.createArrayNode().add(node)).forEach(r -> records.add((ObjectNode) r));
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The context every golden event is mapped with: no tenant known, log name = the record kind. */
    MappingContext context() {
        return context(kind);
    }

    static MappingContext context(String kind) {
        return new MappingContext(null, kind, Product.DEFENDER_FOR_ENDPOINT);
    }

    static ObjectNode map(OcsfMapper mapper, String kind, JsonNode record) {
        return mapper.map(new RecordFields(record.deepCopy()), context(kind));
    }

    ArrayNode mapAll(OcsfMapper mapper) {
        ArrayNode events = JSON.createArrayNode();
        records().forEach(record -> events.add(map(mapper, kind, record)));
        return events;
    }
}
