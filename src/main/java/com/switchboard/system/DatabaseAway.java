package com.switchboard.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells a failure that is PostgreSQL being unreachable (or restarting) from any other. */
public final class DatabaseAway {

    private DatabaseAway() {
    }

    /** Whether the failure, or anything it was caused by, says the database cannot be reached. */
    public static boolean causedIt(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    // SQL state class 08 is "connection exception"; 57P0x, the server shutting down.
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            // A rollback that failed on the dead connection hides why the transaction failed.
            if (cause instanceof TransactionSystemException rollback && rollback.getOriginalException() != null
                    && causedIt(rollback.getOriginalException())) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, in one line, for a log. */
    public static String describe(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
