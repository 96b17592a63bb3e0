package org.defenderconnector.app.server.security;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Password hashes with the JDK's PBKDF2-HMAC-SHA512: a 16-byte random salt and 210,000 iterations
 * (OWASP's figure for this hash). The stored form carries its parameters,
 * {@code pbkdf2-sha512$iterations$salt$hash}, so the cost can be raised later without breaking old hashes.
 */
public final class PasswordHasher {
    public static final int DEFAULT_ITERATIONS = 210_000;
    /** Long enough to resist guessing, short enough to type; the console says so. */
    public static final int MIN_LENGTH = 12;
    private static final String SCHEME = "pbkdf2-sha512";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    public PasswordHasher(int iterations) {
        if (iterations < 10_000) {
            throw new IllegalArgumentException("at least 10,000 PBKDF2 iterations");
        }
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    public boolean verify(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A hash of nothing, compared against when the user does not exist, so both cases take as long. */
    public String decoy() {
        return hash("decoy-password-not-used".toCharArray());
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is always present in the JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Checks a new password; returns the problem or null. */
    public static String weakness(char[] password, String username) {
        if (password == null || password.length < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (username != null && new String(password).equalsIgnoreCase(username)) {
            return "must not be the username";
        }
        char first = password[0];
        boolean allSame = true;
        for (char c : password) {
            allSame &= c == first;
        }
        return allSame ? "must not repeat one character" : null;
    }

    static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
