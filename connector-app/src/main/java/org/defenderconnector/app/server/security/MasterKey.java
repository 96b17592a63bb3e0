package org.defenderconnector.app.server.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.Function;

/**
 * The 256-bit AES key that encrypts secrets at rest. From {@value #ENV} (base64) when set, so it can
 * live in a secret manager apart from the data; otherwise from {@value #FILE_NAME} in the data
 * directory, created owner-only on first start. Whoever holds both the key and the database holds the
 * secrets: keep backups of the two apart.
 */
public final class MasterKey {
    public static final String ENV = "DEFENDER_CONNECTOR_KEY";
    public static final String FILE_NAME = "secret.key";
    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);

    /** @param origin where the key came from, for the startup message (never the key) */
    public record Loaded(SecretKey key, String origin) {
        @Override
        public String toString() {
            return "MasterKey[" + origin + "]";
        }
    }

    private MasterKey() {
    }

    public static Loaded load(Function<String, String> environment, Path dataDir) {
        String fromEnv = environment.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Loaded(decode(fromEnv.strip(), ENV), "environment variable " + ENV);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
                return new Loaded(decode(Files.readString(file).strip(), file.toString()), "key file " + file + " (created)");
            }
            warnIfOthersCanRead(file);
            return new Loaded(decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString()),
                    "key file " + file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the secret key file " + file + " ("
                    + e.getClass().getSimpleName() + "); check the data directory's permissions, or set " + ENV, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // Created with 0600 from the start: there is no moment where others could read it.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.write(file, text);
    }

    private static void warnIfOthersCanRead(Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            LOG.warn("The secret key file {} can be read by other users; run: chmod 600 {}", file, file);
        }
    }

    private static SecretKey decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " does not hold base64 text; generate a key with: openssl rand -base64 32");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(where + " holds " + key.length + " bytes, not 32 (AES-256); generate a key"
                    + " with: openssl rand -base64 32");
        }
        return new SecretKeySpec(key, "AES");
    }
}
