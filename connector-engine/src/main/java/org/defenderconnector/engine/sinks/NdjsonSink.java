package org.defenderconnector.engine.sinks;

import org.defenderconnector.api.Event;
import org.defenderconnector.api.Sink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * Writes events as NDJSON, one object per line: uid, tenant, stream, kind, time, the OCSF event and
 * the raw record side by side. To a file, {@link #write} returns after the bytes are forced to disk;
 * to stdout, after a flush (what durability a pipe offers).
 */
public final class NdjsonSink implements Sink {
    private final FileChannel file;
    private final OutputStream stream;
    private final String name;

    private NdjsonSink(FileChannel file, OutputStream stream, String name) {
        this.file = file;
        this.stream = stream;
        this.name = name;
    }

    public static NdjsonSink toFile(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new NdjsonSink(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), null, "ndjson:" + path);
    }

    public static NdjsonSink toStream(PrintStream out) {
        return new NdjsonSink(null, out, "ndjson:stdout");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void write(List<Event> events) throws IOException {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder(events.size() * 512);
        for (Event event : events) {
            appendLine(lines, event);
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        if (file != null) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                file.write(buffer);
            }
            file.force(false);
        } else {
            stream.write(bytes);
            stream.flush();
        }
    }

    /** One line. Raw and OCSF are already JSON text, so they are embedded without re-parsing. */
    static void appendLine(StringBuilder out, Event event) {
        out.append("{\"uid\":");
        JsonText.quote(out, event.uid());
        out.append(",\"tenant\":");
        JsonText.quote(out, event.tenant());
        out.append(",\"stream\":");
        JsonText.quote(out, event.stream());
        out.append(",\"kind\":");
        JsonText.quote(out, event.kind());
        out.append(",\"time\":");
        JsonText.quote(out, Instant.ofEpochMilli(event.time().toEpochMilli()).toString());
        out.append(",\"ocsf\":").append(event.ocsfJson() == null ? "null" : event.ocsfJson());
        out.append(",\"raw\":").append(event.rawJson());
        out.append("}\n");
    }

    @Override
    public synchronized void close() throws IOException {
        if (file != null) {
            file.close();
        } else {
            stream.flush();
        }
    }
}
