package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.ocsf.Product;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden cases under src/test/resources/golden: {@code <Table>.<case>.input.json} is either one
 * hunting row, or a streamed record ({@code {time, tenantId, category, properties}}) whose category
 * names the table; {@code <Table>.<case>.expected.json} is the OCSF event. Run the tests with
 * {@code -Dgolden.update=true} to (re)write the expected files from the current mappers, then review
 * the diff before committing.
 */
final class GoldenFiles {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String TENANT = "00000000-0000-0000-0000-0000000000aa";
    static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");
    private static final Normalizer NORMALIZER = Normalizer.withAllMappers();

    private GoldenFiles() {
    }

    record Case(String name, Path input, Path expected) {
        String table() {
            return name.substring(0, name.indexOf('.'));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(Path::getFileName).map(Path::toString).filter(f -> f.endsWith(".input.json")).sorted()
                    .map(f -> f.substring(0, f.length() - ".input.json".length()))
                    .map(n -> new Case(n, DIRECTORY.resolve(n + ".input.json"), DIRECTORY.resolve(n + ".expected.json")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps a golden input the way a source would hand it over. */
    static ObjectNode normalize(Case golden) throws IOException {
        JsonNode input = JSON.readTree(golden.input().toFile());
        if (input.has("category") && input.has("properties")) {
            String category = input.get("category").asText();
            String table = category.startsWith("AdvancedHunting-") ? category.substring("AdvancedHunting-".length()) : category;
            return normalize(table, input.get("properties"), input.path("tenantId").asText(TENANT), category);
        }
        return normalize(golden.table(), input, TENANT, null);
    }

    static ObjectNode normalize(String table, JsonNode row, String tenant, String logName) {
        // Sources do not know the product of each table; Product.DEFENDER_XDR stands for "whatever the caller
        // assumed" and the table mappers must replace it with the table's own product.
        return NORMALIZER.normalize(table, row, new MappingContext(tenant, logName, Product.DEFENDER_XDR));
    }

    static Normalizer normalizer() {
        return NORMALIZER;
    }
}
