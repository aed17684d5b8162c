package io.imageloop.server.store;

import java.sql.SQLException;

/** A database failure: unchecked, so handlers map it to one internal-error response. */
public final class StoreException extends RuntimeException {

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** Whether the failure is a unique or primary key violation (SQLSTATE class 23). */
    public boolean isConstraintViolation() {
        return getCause() instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23");
    }
}
