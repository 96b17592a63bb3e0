package org.defenderconnector.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves secret references: {@code ${env:NAME}} reads an environment variable, {@code ${file:PATH}}
 * reads a file (trailing newline trimmed). Inline secrets are refused, so configuration files can be
 * shared and committed without leaking credentials.
 */
public final class SecretResolver {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");

    private final Function<String, String> environment;
    private final Path baseDir;

    public SecretResolver(Function<String, String> environment, Path baseDir) {
        this.environment = environment;
        this.baseDir = baseDir;
    }

    public static SecretResolver system(Path baseDir) {
        Map<String, String> env = System.getenv();
        return new SecretResolver(env::get, baseDir);
    }

    public Secret resolve(String key, String text) {
        if (text == null || text.isBlank()) {
            throw new ConfigException(key, "is empty", "set it to ${env:NAME} or ${file:/path/to/secret}");
        }
        Matcher matcher = REFERENCE.matcher(text.trim());
        if (!matcher.matches()) {
            // Never echo the value: it is probably the secret itself.
            throw new ConfigException(key, "holds an inline value; secrets must be references",
                    "put the secret in an environment variable and write ${env:NAME}, or in a file and write ${file:/path}");
        }
        String kind = matcher.group(1);
        String name = matcher.group(2).trim();
        if (kind.equals("env")) {
            String value = environment.apply(name);
            if (value == null || value.isEmpty()) {
                throw new ConfigException(key, "refers to environment variable " + name + ", which is not set",
                        "export " + name + " before starting, or use ${file:/path}");
            }
            return new Secret(value, "env:" + name);
        }
        Path path = baseDir == null ? Path.of(name) : baseDir.resolve(name);
        try {
            String value = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new ConfigException(key, "refers to file " + path + ", which is empty", "write the secret into it");
            }
            return new Secret(value, "file:" + path);
        } catch (IOException e) {
            throw new ConfigException(key, "refers to file " + path + ", which cannot be read (" + e.getClass().getSimpleName() + ")",
                    "check the path and that this user may read it");
        }
    }
}
