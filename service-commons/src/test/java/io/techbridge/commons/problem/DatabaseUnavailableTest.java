package io.techbridge.commons.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the fault drill (deploy/local/drill) found: with PostgreSQL killed, every request answered
 * 500 "Internal error". The database being away is an outage, answered 503 with Retry-After.
 */
class DatabaseUnavailableTest {

    @Test
    void aRefusedOrBrokenConnectionOrARestartingServerIsAnOutage() {
        // as Hibernate wraps them: JDBCConnectionException / GenericJDBCException around the driver's exception
        assertTrue(ProblemMappers.databaseUnavailable(new RuntimeException("Unable to acquire JDBC Connection",
                new SQLException("Connection to 127.0.0.1:15432 refused.", "08001"))));
        assertTrue(ProblemMappers.databaseUnavailable(new RuntimeException("could not execute statement",
                new SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P01"))));
        assertTrue(ProblemMappers.databaseUnavailable(new RuntimeException(
                new RuntimeException(new SQLException("FATAL: the database system is starting up", "57P03")))));
        assertTrue(ProblemMappers.databaseUnavailable(new IllegalStateException(
                new SQLTransientConnectionException("Sorry, acquisition timeout!"))));
    }

    @Test
    void aConnectionLostAtTheCommitIsAnOutageThoughTheTransactionManagerKeepsItAsASuppressedError() {
        // as Narayana throws it: RollbackException, the resource's XAException suppressed, the driver's error its cause
        Exception commit = new Exception("ARJUNA016053: Could not commit transaction.");
        Exception resource = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P01"));
        commit.addSuppressed(resource);
        assertTrue(ProblemMappers.databaseUnavailable(new RuntimeException("Error invoking subclass method", commit)));

        Exception unrelated = new Exception("could not commit");
        unrelated.addSuppressed(new IllegalStateException("a bug in a synchronisation"));
        assertFalse(ProblemMappers.databaseUnavailable(new RuntimeException(unrelated)));
    }

    @Test
    void otherDatabaseErrorsAndBugsAreNot() {
        assertFalse(ProblemMappers.databaseUnavailable(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertFalse(ProblemMappers.databaseUnavailable(new RuntimeException(new SQLException("no state"))));
        assertFalse(ProblemMappers.databaseUnavailable(new NullPointerException()));
    }

    @Test
    void theAnswerIs503WithRetryAfter() {
        Problem problem = ProblemMappers.databaseUnavailable();
        assertEquals(503, problem.status());
        assertEquals("5", problem.headers().get("Retry-After"));
        assertTrue(problem.detail().contains("try again shortly"), problem.detail());
    }
}
