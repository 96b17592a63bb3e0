package org.defenderconnector.store.admin;

import org.defenderconnector.store.StoreException;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Secrets at rest (client secrets, certificate keys and passwords, storage keys), encrypted with
 * AES-256-GCM under the server's key. Each value gets a fresh random 96-bit nonce, and its owner and
 * name are bound in as associated data, so a ciphertext copied onto another row does not decrypt.
 * Values only leave this class to be used (a token request), never to be shown.
 */
public final class SecretVault {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final AdminDatabase db;
    private final SecretKey key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SecretVault(AdminDatabase db, SecretKey key, Clock clock) {
        if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || key.getEncoded() == null || key.getEncoded().length != 32) {
            throw new IllegalArgumentException("the secret key must be a 256-bit AES key");
        }
        this.db = db;
        this.key = key;
        this.clock = clock;
    }

    public void put(String owner, String name, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, nonce, owner, name, plaintext);
        db.update("INSERT INTO secrets(owner, name, nonce, ciphertext, updated) VALUES (?,?,?,?,?)"
                        + " ON CONFLICT(owner, name) DO UPDATE SET nonce=excluded.nonce, ciphertext=excluded.ciphertext,"
                        + " updated=excluded.updated",
                owner, name, nonce, ciphertext, clock.millis());
    }

    public void put(String owner, String name, String plaintext) {
        put(owner, name, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<byte[]> get(String owner, String name) {
        return db.queryOne("SELECT nonce, ciphertext FROM secrets WHERE owner=? AND name=?",
                        rs -> new byte[][] {rs.getBytes(1), rs.getBytes(2)}, owner, name)
                .map(row -> crypt(Cipher.DECRYPT_MODE, row[0], owner, name, row[1]));
    }

    public Optional<String> getString(String owner, String name) {
        return get(owner, name).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** The names of the secrets an owner has (never their values): what the API shows as "set". */
    public Set<String> names(String owner) {
        return new LinkedHashSet<>(db.query("SELECT name FROM secrets WHERE owner=? ORDER BY name",
                rs -> rs.getString(1), owner));
    }

    public void delete(String owner, String name) {
        db.update("DELETE FROM secrets WHERE owner=? AND name=?", owner, name);
    }

    public void deleteAll(String owner) {
        db.update("DELETE FROM secrets WHERE owner=?", owner);
    }

    private byte[] crypt(int mode, byte[] nonce, String owner, String name, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((owner + "\u0000" + name).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            // Never include the value: only say which secret and the likely cause.
            throw new StoreException("secret '" + name + "' of '" + owner + "' cannot be decrypted: the server key"
                    + " (DEFENDER_CONNECTOR_KEY or the key file) is not the one it was stored with", e);
        } catch (GeneralSecurityException e) {
            throw new StoreException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }
}
