package com.orderflow.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.core.GrantedAuthority;

import com.orderflow.shared.ExpiringValues;

/**
 * Logins checked in the last {@code ttl}, so that a client sending HTTP Basic on every call is not checked
 * against the user store (two engine queries, or a directory bind) each time: a quarter of the CPU of a small
 * API call. Only successes are kept, so wrong passwords still count towards Camunda's lock-out; a password
 * change or a removal from a group takes effect within the ttl. Passwords are not kept: the key is an HMAC of
 * the user and the password under a key this JVM draws at start.
 */
final class VerifiedLogins {

    /** Past this many remembered logins the expired ones go; if none has, everything does. */
    static final int MAX_ENTRIES = 10_000;

    private final ExpiringValues<String, List<GrantedAuthority>> verified;
    private final SecretKeySpec key;

    VerifiedLogins(Duration ttl, Clock clock) {
        this.verified = new ExpiringValues<>(ttl, MAX_ENTRIES, clock);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    Optional<List<GrantedAuthority>> recall(String userId, String password) {
        return verified.get(id(userId, password));
    }

    void remember(String userId, String password, List<GrantedAuthority> authorities) {
        verified.put(id(userId, password), List.copyOf(authorities));
    }

    private String id(String userId, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
