package fr.relais.it.continuity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The code an authenticator app shows (RFC 6238, Keycloak's default policy: HmacSHA1, 6 digits, 30 s). */
final class Totp {

    private Totp() {
    }

    /**
     * The admin API representation of an enabled user with a password and an authenticator app keyed by
     * {@code storedSecret} (Keycloak's default TOTP policy), for {@code POST /admin/realms/<realm>/users}.
     */
    static Map<String, Object> userWithPasswordAndOtp(String username, String lastName, String password,
                                                      String storedSecret) {
        return Map.of("username", username, "enabled", true, "firstName", "Odile", "lastName", lastName,
                "email", username + "@ehpad.test", "emailVerified", true,
                "credentials", List.of(
                        Map.of("type", "password", "value", password, "temporary", false),
                        Map.of("type", "otp", "userLabel", "Téléphone", "secretData", "{\"value\":\"" + storedSecret + "\"}",
                                "credentialData", "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,"
                                        + "\"algorithm\":\"HmacSHA1\"}")));
    }

    /** Keycloak keys the HMAC with the stored secret's UTF-8 bytes (the app gets them base32-encoded). */
    static String now(String storedSecret) throws GeneralSecurityException {
        long step = System.currentTimeMillis() / 1000 / 30;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(storedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }
}
