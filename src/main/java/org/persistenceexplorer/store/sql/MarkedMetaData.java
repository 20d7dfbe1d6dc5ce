package org.persistenceexplorer.store.sql;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.postgresql.PGResultSetMetaData;

/**
 * A result set's metadata with every call marked ({@link DriverLookups#inMetadataCall()}), so that
 * the column lookup pgjdbc may run for it on a statement of its own is recorded. A plain class, not
 * a JDK proxy: every console page and grid asks for its columns' labels and types. Like pgjdbc's
 * own it is a {@link PGResultSetMetaData} too (the base names). Confined to the thread that reads
 * the result set.
 */
final class MarkedMetaData implements ResultSetMetaData, PGResultSetMetaData {

    private final ResultSetMetaData metadata;

    MarkedMetaData(ResultSetMetaData metadata) {
        this.metadata = metadata;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws SQLException;
    }

    private static <T> T marked(Call<T> call) throws SQLException {
        Boolean outer = DriverLookups.enterMetadataCall();
        try {
            return call.run();
        } finally {
            DriverLookups.leaveMetadataCall(outer);
        }
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        return marked(() -> metadata.getCatalogName(column));
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return marked(() -> metadata.getColumnClassName(column));
    }

    @Override
    public int getColumnCount() throws SQLException {
        return marked(() -> metadata.getColumnCount());
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return marked(() -> metadata.getColumnDisplaySize(column));
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return marked(() -> metadata.getColumnLabel(column));
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return marked(() -> metadata.getColumnName(column));
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return marked(() -> metadata.getColumnType(column));
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return marked(() -> metadata.getColumnTypeName(column));
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return marked(() -> metadata.getPrecision(column));
    }

    @Override
    public int getScale(int column) throws SQLException {
        return marked(() -> metadata.getScale(column));
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        return marked(() -> metadata.getSchemaName(column));
    }

    @Override
    public String getTableName(int column) throws SQLException {
        return marked(() -> metadata.getTableName(column));
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        return marked(() -> metadata.isAutoIncrement(column));
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return marked(() -> metadata.isCaseSensitive(column));
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        return marked(() -> metadata.isCurrency(column));
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        return marked(() -> metadata.isDefinitelyWritable(column));
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return marked(() -> metadata.isNullable(column));
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        return marked(() -> metadata.isReadOnly(column));
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        return marked(() -> metadata.isSearchable(column));
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return marked(() -> metadata.isSigned(column));
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return marked(() -> metadata.isWrapperFor(type));
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        return marked(() -> metadata.isWritable(column));
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return marked(() -> metadata.unwrap(type));
    }

    // ---- pgjdbc's own: the column's base table and name (a lookup of its own, hence marked too)

    @Override
    public String getBaseColumnName(int column) throws SQLException {
        return marked(() -> pg().getBaseColumnName(column));
    }

    @Override
    public String getBaseTableName(int column) throws SQLException {
        return marked(() -> pg().getBaseTableName(column));
    }

    @Override
    public String getBaseSchemaName(int column) throws SQLException {
        return marked(() -> pg().getBaseSchemaName(column));
    }

    @Override
    public int getFormat(int column) throws SQLException {
        return marked(() -> pg().getFormat(column));
    }

    private PGResultSetMetaData pg() throws SQLException {
        return metadata.unwrap(PGResultSetMetaData.class);
    }
}
