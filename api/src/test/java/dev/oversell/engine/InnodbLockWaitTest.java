package dev.oversell.engine;


import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the statement gate reads a lock wait on MariaDB from {@code SHOW ENGINE INNODB STATUS}, on the text MariaDB
 * 10.11 printed a moment after a deadlock: sessions 878 and 879 deadlocked (879 was rolled back and has gone; 878
 * now sleeps, waiting for nothing), session 881 waits for a row that session 880 holds. The monitor's LATEST
 * DETECTED DEADLOCK section still names 878 and 879 with the words of a wait ("LOCK WAIT"); a session of a past
 * deadlock read as waiting now made the gate take a statement that was merely running for one blocked, and the
 * exploration of a plan differ from run to run.
 */
class InnodbLockWaitTest {

    private static String status() throws IOException {
        try (InputStream in = InnodbLockWaitTest.class.getResourceAsStream("innodb-status-after-a-deadlock.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aSessionWaitingForARowNowIsWaiting() throws IOException {
        assertThat(Engine.innodbSaysWaiting(status(), 881)).isTrue();
    }

    @Test
    void aSessionOfAPastDeadlockWaitsForNothingNow() throws IOException {
        assertThat(Engine.innodbSaysWaiting(status(), 878)).as("878 sleeps; it only appears in the deadlock section"
                + " as waiting").isFalse();
        assertThat(Engine.innodbSaysWaiting(status(), 879)).as("879, the deadlock's victim, has gone").isFalse();
    }

    @Test
    void aSessionHoldingTheRowWaitsForNothing() throws IOException {
        assertThat(Engine.innodbSaysWaiting(status(), 880)).isFalse();
    }
}
