package org.defenderconnector.app.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.Normalizer;
import org.defenderconnector.ocsf.Product;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code defender-connector normalize}: raw Defender records in, OCSF 1.8.0 NDJSON out. */
@Command(name = "normalize", mixinStandardHelpOptions = true,
        description = {"Reads raw records as a source delivers them and writes OCSF 1.8.0 events as NDJSON to stdout.",
                "Input: API pages {\"value\":[...]} or one entity per line; Event Hub messages {\"records\":[...]} or one "
                        + "record per line; Storage PT1H.json lines; hunting results {\"Results\":[...]} or rows per line.",
                "A bad record is reported on stderr with its line number and processing goes on."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every record was normalized", "1:some records were bad (see stderr)", "2:usage error"})
public final class NormalizeCommand implements Callable<Integer> {
    @Option(names = "--source", required = true, paramLabel = "SOURCE",
            description = "alerts|machines|machine-actions|vulnerabilities|software|incidents|graph-alerts|hunting|eventhub|storage")
    String source;

    @Option(names = "--table", paramLabel = "TABLE",
            description = "Advanced hunting table of the rows (required for --source hunting; a fallback for streamed records)")
    String table;

    @Option(names = "--tenant-id", paramLabel = "GUID", description = "Tenant id for metadata.tenant_uid when the records lack one")
    String tenantId;

    @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "Input file, or - (default) for stdin")
    String file = "-";

    private final PrintStream out;
    private final PrintStream err;

    public NormalizeCommand() {
        this(System.out, System.err);
    }

    NormalizeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        InputSource input = InputSource.byName(source).orElse(null);
        if (input == null) {
            err.println("normalize: --source '" + source + "' is not known; use one of " + InputSource.names());
            return 2;
        }
        if (input == InputSource.HUNTING && table == null) {
            err.println("normalize: --source hunting needs --table (e.g. --table DeviceProcessEvents)");
            return 2;
        }
        Normalizer normalizer = Normalizer.withAllMappers();
        ObjectMapper json = new ObjectMapper();
        int[] bad = {0};
        try (Reader reader = open()) {
            JsonValues.read(reader, new JsonValues.Handler() {
                @Override
                public void value(JsonNode value, long line) {
                    try {
                        input.unwrap(value, table, item -> {
                            String tenant = tenantId != null ? tenantId : item.record().path("tenantId").asText(
                                    value.path("tenantId").asText(null));
                            JsonNode event = normalizer.normalize(item.kind(), item.record(),
                                    new MappingContext(tenant, item.kind(), Product.forKind(item.kind())));
                            try {
                                out.println(json.writeValueAsString(event));
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                    } catch (RuntimeException e) {
                        error(line, e.getMessage());
                    }
                }

                @Override
                public void error(long line, String message) {
                    bad[0]++;
                    err.println("normalize: line " + line + ": " + message);
                }
            });
        }
        out.flush();
        return bad[0] == 0 ? 0 : 1;
    }

    private Reader open() throws IOException {
        if (file.equals("-")) {
            return new InputStreamReader(System.in, StandardCharsets.UTF_8);
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("normalize: cannot read " + path);
        }
        return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    }
}
