package org.defenderconnector.streaming;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends dead letters to a JSON Lines file, one object per line
 * ({@code stream, location, offset, error, at, payload}), forced to disk before returning so a letter
 * survives the crash that may follow it. A failure to write is logged, never thrown.
 */
public final class JsonlDeadLetterFile implements DeadLetterListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JsonlDeadLetterFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final FileChannel channel;

    public JsonlDeadLetterFile(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void deadLetter(DeadLetter letter) {
        ObjectNode line = JSON.createObjectNode();
        line.put("stream", letter.stream());
        line.put("location", letter.location());
        line.put("offset", letter.offset());
        line.put("error", letter.error());
        line.put("at", letter.at().toString());
        line.put("payload", letter.payload());
        try {
            ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            LOG.error("could not write a dead letter for {} at offset {} to {}: {} (check disk space and permissions)",
                    letter.location(), letter.offset(), path, e.getMessage());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
