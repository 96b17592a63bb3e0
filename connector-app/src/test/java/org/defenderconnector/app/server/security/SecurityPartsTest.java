package org.defenderconnector.app.server.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityPartsTest {
    @TempDir
    Path dir;

    /** A clock tests move by hand. */
    private static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }
    }

    @Test
    void passwordsAreSaltedSlowHashesThatVerify() {
        PasswordHasher hasher = new PasswordHasher(10_000);
        String a = hasher.hash("correct horse battery".toCharArray());
        String b = hasher.hash("correct horse battery".toCharArray());
        assertThat(a).startsWith("pbkdf2-sha512$10000$").isNotEqualTo(b).doesNotContain("correct");
        assertThat(hasher.verify("correct horse battery".toCharArray(), a)).isTrue();
        assertThat(hasher.verify("correct horse batterY".toCharArray(), a)).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "garbage")).isFalse();
        assertThat(new PasswordHasher().verify("correct horse battery".toCharArray(), a)).as("cost is in the hash").isTrue();
        assertThat(PasswordHasher.weakness("short".toCharArray(), "u")).contains("12");
        assertThat(PasswordHasher.weakness("aaaaaaaaaaaaaaa".toCharArray(), "u")).contains("repeat");
        assertThat(PasswordHasher.weakness("administrator".toCharArray(), "Administrator")).contains("username");
        assertThat(PasswordHasher.weakness("a fine long passphrase".toCharArray(), "u")).isNull();
        assertThatThrownBy(() -> new PasswordHasher(1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyComesFromTheEnvironmentOrAnOwnerOnlyFile() throws Exception {
        String env = "q7nYk8mHq3eG5ZkqjH2l0Z0m3kVtq8Lw2VfXr4a9tCs=";
        MasterKey.Loaded fromEnv = MasterKey.load(Map.of(MasterKey.ENV, env)::get, dir);
        assertThat(fromEnv.origin()).contains(MasterKey.ENV);
        assertThat(fromEnv.toString()).doesNotContain(env);
        assertThat(Files.exists(dir.resolve(MasterKey.FILE_NAME))).isFalse();

        MasterKey.Loaded created = MasterKey.load(name -> null, dir);
        assertThat(created.origin()).contains("(created)");
        assertThat(Files.getPosixFilePermissions(dir.resolve(MasterKey.FILE_NAME)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        MasterKey.Loaded again = MasterKey.load(name -> null, dir);
        assertThat(again.key().getEncoded()).isEqualTo(created.key().getEncoded());

        assertThatThrownBy(() -> MasterKey.load(Map.of(MasterKey.ENV, "c2hvcnQ=")::get, dir))
                .hasMessageContaining("not 32").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> MasterKey.load(Map.of(MasterKey.ENV, "%%%")::get, dir)).hasMessageContaining("base64");
    }

    @Test
    void sessionsEndWhenIdleOrOld() {
        MovableClock clock = new MovableClock();
        Sessions sessions = new Sessions(clock);
        Sessions.Started started = sessions.start("ann", Role.VIEWER);
        assertThat(started.toString()).doesNotContain(started.id());
        assertThat(sessions.find(started.id())).isPresent();
        assertThat(sessions.find(started.id() + "x")).isEmpty();
        clock.advance(Duration.ofMinutes(59));
        assertThat(sessions.find(started.id())).as("used within the hour").isPresent();
        clock.advance(Duration.ofMinutes(61));
        assertThat(sessions.find(started.id())).as("idle for over an hour").isEmpty();

        Sessions.Started busy = sessions.start("bob", Role.ADMIN);
        for (int i = 0; i < 14; i++) {
            clock.advance(Duration.ofMinutes(55));
            sessions.find(busy.id());
        }
        assertThat(sessions.find(busy.id())).as("older than twelve hours").isEmpty();

        Sessions.Started one = sessions.start("cid", Role.VIEWER);
        Sessions.Started two = sessions.start("CID", Role.VIEWER);
        sessions.endAllOf("cid");
        assertThat(sessions.find(one.id())).isEmpty();
        assertThat(sessions.find(two.id())).isEmpty();
    }

    @Test
    void loginThrottleLocksAfterFiveFailuresForAWhile() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 4; i++) {
            throttle.failed("Eve");
        }
        assertThat(throttle.retryAfterSeconds("eve")).isZero();
        throttle.failed("eve");
        assertThat(throttle.retryAfterSeconds("EVE")).isBetween(1L, 900L);
        assertThat(throttle.retryAfterSeconds("someone-else")).isZero();
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.retryAfterSeconds("eve")).isZero();
        throttle.failed("eve");
        throttle.succeeded("eve");
        assertThat(throttle.retryAfterSeconds("eve")).isZero();
    }

    @Test
    void rolesCoverDownwards() {
        assertThat(Role.ADMIN.covers(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.covers(Role.ADMIN)).isFalse();
        assertThat(Role.fromId(" Admin ")).isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> Role.fromId("root")).hasMessageContaining("viewer");
    }
}
