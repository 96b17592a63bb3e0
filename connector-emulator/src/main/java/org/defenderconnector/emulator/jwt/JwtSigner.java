package org.defenderconnector.emulator.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The emulated directory's token signing key: RSA 2048, RS256, generated at start. Its {@code kid} is published
 * in the JWKS document so that anyone can validate the emulator's tokens the way they would validate Entra's.
 */
public final class JwtSigner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String kid;

    private JwtSigner(KeyPair keys, String kid) {
        this.keys = keys;
        this.kid = kid;
    }

    public static JwtSigner generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(keys.getPublic().getEncoded());
            return new JwtSigner(keys, BASE64URL.encodeToString(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate the token signing key", e);
        }
    }

    public String kid() {
        return kid;
    }

    /** Signs {@code claims} as an RS256 JWT whose header carries {@code kid} and {@code x5t} like Entra's. */
    public String sign(ObjectNode claims) {
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256").put("x5t", kid).put("kid", kid);
        String input = BASE64URL.encodeToString(bytes(header)) + "." + BASE64URL.encodeToString(bytes(claims));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + BASE64URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /** True when {@code jwt} was signed by this key (RS256, matching kid, valid signature). */
    public boolean signed(Jwt jwt) {
        return "RS256".equals(jwt.alg()) && kid.equals(jwt.header().path("kid").asText())
                && jwt.verify(keys.getPublic());
    }

    /** The JWKS document ({@code {"keys":[...]}}) with this key. */
    public ObjectNode jwks() {
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        ObjectNode jwks = JSON.createObjectNode();
        jwks.putArray("keys").addObject()
                .put("kty", "RSA").put("use", "sig").put("kid", kid).put("x5t", kid)
                .put("n", BASE64URL.encodeToString(unsigned(publicKey.getModulus().toByteArray())))
                .put("e", BASE64URL.encodeToString(unsigned(publicKey.getPublicExponent().toByteArray())));
        return jwks;
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
