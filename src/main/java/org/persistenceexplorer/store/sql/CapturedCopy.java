package org.persistenceexplorer.store.sql;

import java.sql.SQLException;
import org.postgresql.copy.CopyDual;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOperation;
import org.postgresql.copy.CopyOut;
import org.postgresql.util.ByteStreamWriter;

/**
 * One running COPY as pgjdbc returns it, telling its end (rows) or failure to the capture:
 * {@code endCopy()} of a COPY FROM STDIN, the end of the data of a COPY TO STDOUT, a
 * {@code cancelCopy()}, or an error on the way. Only the methods of the operation pgjdbc really
 * returned are valid, as with pgjdbc's own objects. Thread-confined.
 */
final class CapturedCopy implements CopyDual {

    private final CopyOperation operation;
    private final FinishedCallback finished;

    /** @param finished receives the rows handled and the error (null on success) */
    CapturedCopy(CopyOperation operation, FinishedCallback finished) {
        this.operation = operation;
        this.finished = finished;
    }

    /** Called once the COPY is over. */
    @FunctionalInterface
    interface FinishedCallback {
        void finished(long rows, Throwable error);
    }

    @Override
    public void writeToCopy(byte[] buf, int off, int siz) throws SQLException {
        guard(() -> ((CopyIn) operation).writeToCopy(buf, off, siz));
    }

    @Override
    public void writeToCopy(ByteStreamWriter from) throws SQLException {
        guard(() -> ((CopyIn) operation).writeToCopy(from));
    }

    @Override
    public void flushCopy() throws SQLException {
        guard(() -> ((CopyIn) operation).flushCopy());
    }

    @Override
    public long endCopy() throws SQLException {
        try {
            long rows = ((CopyIn) operation).endCopy();
            finished.finished(rows, null);
            return rows;
        } catch (SQLException | RuntimeException e) {
            finished.finished(-1, e);
            throw e;
        }
    }

    @Override
    public byte[] readFromCopy() throws SQLException {
        return readFromCopy(true);
    }

    @Override
    public byte[] readFromCopy(boolean block) throws SQLException {
        try {
            byte[] data = ((CopyOut) operation).readFromCopy(block);
            if (data == null && !operation.isActive()) {
                finished.finished(operation.getHandledRowCount(), null);
            }
            return data;
        } catch (SQLException | RuntimeException e) {
            finished.finished(-1, e);
            throw e;
        }
    }

    @Override
    public void cancelCopy() throws SQLException {
        try {
            operation.cancelCopy();
        } finally {
            finished.finished(-1, new SQLException("COPY cancelled", SqlCaptureListener.QUERY_CANCELED));
        }
    }

    @Override
    public int getFieldCount() {
        return operation.getFieldCount();
    }

    @Override
    public int getFormat() {
        return operation.getFormat();
    }

    @Override
    public int getFieldFormat(int field) {
        return operation.getFieldFormat(field);
    }

    @Override
    public boolean isActive() {
        return operation.isActive();
    }

    @Override
    public long getHandledRowCount() {
        return operation.getHandledRowCount();
    }

    private void guard(CopyStep step) throws SQLException {
        try {
            step.run();
        } catch (SQLException | RuntimeException e) {
            finished.finished(-1, e);
            throw e;
        }
    }

    @FunctionalInterface
    private interface CopyStep {
        void run() throws SQLException;
    }
}
