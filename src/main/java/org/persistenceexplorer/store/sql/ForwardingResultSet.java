package org.persistenceexplorer.store.sql;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A result set that hands every call to the one it wraps, as plain method calls: the base of
 * {@link CountedResultSet}. A JDK proxy did this before; reflection and an argument array per
 * call were a fifth of the client's time for a 500-row page (thousands of {@code getString}
 * and {@code next} calls). Generated from {@code java.sql.ResultSet}'s methods (JDBC 4.3, as of
 * Java 17); nothing but forwarding belongs here. Confined to one thread, like what it wraps.
 */
@SuppressWarnings("deprecation") // forwards the interface's deprecated methods too
abstract class ForwardingResultSet implements ResultSet {

    protected final ResultSet resultSet;

    ForwardingResultSet(ResultSet resultSet) {
        this.resultSet = resultSet;
    }

    @Override
    public boolean absolute(int row) throws SQLException {
        return resultSet.absolute(row);
    }

    @Override
    public void afterLast() throws SQLException {
        resultSet.afterLast();
    }

    @Override
    public void beforeFirst() throws SQLException {
        resultSet.beforeFirst();
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        resultSet.cancelRowUpdates();
    }

    @Override
    public void clearWarnings() throws SQLException {
        resultSet.clearWarnings();
    }

    @Override
    public void close() throws SQLException {
        resultSet.close();
    }

    @Override
    public void deleteRow() throws SQLException {
        resultSet.deleteRow();
    }

    @Override
    public int findColumn(String label) throws SQLException {
        return resultSet.findColumn(label);
    }

    @Override
    public boolean first() throws SQLException {
        return resultSet.first();
    }

    @Override
    public Array getArray(String label) throws SQLException {
        return resultSet.getArray(label);
    }

    @Override
    public Array getArray(int column) throws SQLException {
        return resultSet.getArray(column);
    }

    @Override
    public InputStream getAsciiStream(String label) throws SQLException {
        return resultSet.getAsciiStream(label);
    }

    @Override
    public InputStream getAsciiStream(int column) throws SQLException {
        return resultSet.getAsciiStream(column);
    }

    @Deprecated
    @Override
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        return resultSet.getBigDecimal(label, scale);
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return resultSet.getBigDecimal(label);
    }

    @Deprecated
    @Override
    public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
        return resultSet.getBigDecimal(column, scale);
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        return resultSet.getBigDecimal(column);
    }

    @Override
    public InputStream getBinaryStream(String label) throws SQLException {
        return resultSet.getBinaryStream(label);
    }

    @Override
    public InputStream getBinaryStream(int column) throws SQLException {
        return resultSet.getBinaryStream(column);
    }

    @Override
    public Blob getBlob(String label) throws SQLException {
        return resultSet.getBlob(label);
    }

    @Override
    public Blob getBlob(int column) throws SQLException {
        return resultSet.getBlob(column);
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return resultSet.getBoolean(label);
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        return resultSet.getBoolean(column);
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return resultSet.getByte(label);
    }

    @Override
    public byte getByte(int column) throws SQLException {
        return resultSet.getByte(column);
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return resultSet.getBytes(label);
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        return resultSet.getBytes(column);
    }

    @Override
    public Reader getCharacterStream(String label) throws SQLException {
        return resultSet.getCharacterStream(label);
    }

    @Override
    public Reader getCharacterStream(int column) throws SQLException {
        return resultSet.getCharacterStream(column);
    }

    @Override
    public Clob getClob(String label) throws SQLException {
        return resultSet.getClob(label);
    }

    @Override
    public Clob getClob(int column) throws SQLException {
        return resultSet.getClob(column);
    }

    @Override
    public int getConcurrency() throws SQLException {
        return resultSet.getConcurrency();
    }

    @Override
    public String getCursorName() throws SQLException {
        return resultSet.getCursorName();
    }

    @Override
    public Date getDate(String label, Calendar calendar) throws SQLException {
        return resultSet.getDate(label, calendar);
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return resultSet.getDate(label);
    }

    @Override
    public Date getDate(int column, Calendar calendar) throws SQLException {
        return resultSet.getDate(column, calendar);
    }

    @Override
    public Date getDate(int column) throws SQLException {
        return resultSet.getDate(column);
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return resultSet.getDouble(label);
    }

    @Override
    public double getDouble(int column) throws SQLException {
        return resultSet.getDouble(column);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return resultSet.getFetchDirection();
    }

    @Override
    public int getFetchSize() throws SQLException {
        return resultSet.getFetchSize();
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return resultSet.getFloat(label);
    }

    @Override
    public float getFloat(int column) throws SQLException {
        return resultSet.getFloat(column);
    }

    @Override
    public int getHoldability() throws SQLException {
        return resultSet.getHoldability();
    }

    @Override
    public int getInt(String label) throws SQLException {
        return resultSet.getInt(label);
    }

    @Override
    public int getInt(int column) throws SQLException {
        return resultSet.getInt(column);
    }

    @Override
    public long getLong(String label) throws SQLException {
        return resultSet.getLong(label);
    }

    @Override
    public long getLong(int column) throws SQLException {
        return resultSet.getLong(column);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return resultSet.getMetaData();
    }

    @Override
    public Reader getNCharacterStream(String label) throws SQLException {
        return resultSet.getNCharacterStream(label);
    }

    @Override
    public Reader getNCharacterStream(int column) throws SQLException {
        return resultSet.getNCharacterStream(column);
    }

    @Override
    public NClob getNClob(String label) throws SQLException {
        return resultSet.getNClob(label);
    }

    @Override
    public NClob getNClob(int column) throws SQLException {
        return resultSet.getNClob(column);
    }

    @Override
    public String getNString(String label) throws SQLException {
        return resultSet.getNString(label);
    }

    @Override
    public String getNString(int column) throws SQLException {
        return resultSet.getNString(column);
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return resultSet.getObject(label, type);
    }

    @Override
    public Object getObject(String label, Map<String, Class<?>> typeMap) throws SQLException {
        return resultSet.getObject(label, typeMap);
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return resultSet.getObject(label);
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        return resultSet.getObject(column, type);
    }

    @Override
    public Object getObject(int column, Map<String, Class<?>> typeMap) throws SQLException {
        return resultSet.getObject(column, typeMap);
    }

    @Override
    public Object getObject(int column) throws SQLException {
        return resultSet.getObject(column);
    }

    @Override
    public Ref getRef(String label) throws SQLException {
        return resultSet.getRef(label);
    }

    @Override
    public Ref getRef(int column) throws SQLException {
        return resultSet.getRef(column);
    }

    @Override
    public int getRow() throws SQLException {
        return resultSet.getRow();
    }

    @Override
    public RowId getRowId(String label) throws SQLException {
        return resultSet.getRowId(label);
    }

    @Override
    public RowId getRowId(int column) throws SQLException {
        return resultSet.getRowId(column);
    }

    @Override
    public SQLXML getSQLXML(String label) throws SQLException {
        return resultSet.getSQLXML(label);
    }

    @Override
    public SQLXML getSQLXML(int column) throws SQLException {
        return resultSet.getSQLXML(column);
    }

    @Override
    public short getShort(String label) throws SQLException {
        return resultSet.getShort(label);
    }

    @Override
    public short getShort(int column) throws SQLException {
        return resultSet.getShort(column);
    }

    @Override
    public Statement getStatement() throws SQLException {
        return resultSet.getStatement();
    }

    @Override
    public String getString(String label) throws SQLException {
        return resultSet.getString(label);
    }

    @Override
    public String getString(int column) throws SQLException {
        return resultSet.getString(column);
    }

    @Override
    public Time getTime(String label, Calendar calendar) throws SQLException {
        return resultSet.getTime(label, calendar);
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return resultSet.getTime(label);
    }

    @Override
    public Time getTime(int column, Calendar calendar) throws SQLException {
        return resultSet.getTime(column, calendar);
    }

    @Override
    public Time getTime(int column) throws SQLException {
        return resultSet.getTime(column);
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar calendar) throws SQLException {
        return resultSet.getTimestamp(label, calendar);
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return resultSet.getTimestamp(label);
    }

    @Override
    public Timestamp getTimestamp(int column, Calendar calendar) throws SQLException {
        return resultSet.getTimestamp(column, calendar);
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        return resultSet.getTimestamp(column);
    }

    @Override
    public int getType() throws SQLException {
        return resultSet.getType();
    }

    @Override
    public URL getURL(String label) throws SQLException {
        return resultSet.getURL(label);
    }

    @Override
    public URL getURL(int column) throws SQLException {
        return resultSet.getURL(column);
    }

    @Deprecated
    @Override
    public InputStream getUnicodeStream(String label) throws SQLException {
        return resultSet.getUnicodeStream(label);
    }

    @Deprecated
    @Override
    public InputStream getUnicodeStream(int column) throws SQLException {
        return resultSet.getUnicodeStream(column);
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return resultSet.getWarnings();
    }

    @Override
    public void insertRow() throws SQLException {
        resultSet.insertRow();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        return resultSet.isAfterLast();
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        return resultSet.isBeforeFirst();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return resultSet.isClosed();
    }

    @Override
    public boolean isFirst() throws SQLException {
        return resultSet.isFirst();
    }

    @Override
    public boolean isLast() throws SQLException {
        return resultSet.isLast();
    }

    @Override
    public boolean isWrapperFor(Class<?> value) throws SQLException {
        return resultSet.isWrapperFor(value);
    }

    @Override
    public boolean last() throws SQLException {
        return resultSet.last();
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        resultSet.moveToCurrentRow();
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        resultSet.moveToInsertRow();
    }

    @Override
    public boolean next() throws SQLException {
        return resultSet.next();
    }

    @Override
    public boolean previous() throws SQLException {
        return resultSet.previous();
    }

    @Override
    public void refreshRow() throws SQLException {
        resultSet.refreshRow();
    }

    @Override
    public boolean relative(int row) throws SQLException {
        return resultSet.relative(row);
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        return resultSet.rowDeleted();
    }

    @Override
    public boolean rowInserted() throws SQLException {
        return resultSet.rowInserted();
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        return resultSet.rowUpdated();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        resultSet.setFetchDirection(direction);
    }

    @Override
    public void setFetchSize(int value) throws SQLException {
        resultSet.setFetchSize(value);
    }

    @Override
    public <T> T unwrap(Class<T> value) throws SQLException {
        return resultSet.unwrap(value);
    }

    @Override
    public void updateArray(String label, Array value) throws SQLException {
        resultSet.updateArray(label, value);
    }

    @Override
    public void updateArray(int column, Array value) throws SQLException {
        resultSet.updateArray(column, value);
    }

    @Override
    public void updateAsciiStream(String label, InputStream value, int lengthOrScale) throws SQLException {
        resultSet.updateAsciiStream(label, value, lengthOrScale);
    }

    @Override
    public void updateAsciiStream(String label, InputStream value, long length) throws SQLException {
        resultSet.updateAsciiStream(label, value, length);
    }

    @Override
    public void updateAsciiStream(String label, InputStream value) throws SQLException {
        resultSet.updateAsciiStream(label, value);
    }

    @Override
    public void updateAsciiStream(int column, InputStream value, int lengthOrScale) throws SQLException {
        resultSet.updateAsciiStream(column, value, lengthOrScale);
    }

    @Override
    public void updateAsciiStream(int column, InputStream value, long length) throws SQLException {
        resultSet.updateAsciiStream(column, value, length);
    }

    @Override
    public void updateAsciiStream(int column, InputStream value) throws SQLException {
        resultSet.updateAsciiStream(column, value);
    }

    @Override
    public void updateBigDecimal(String label, BigDecimal value) throws SQLException {
        resultSet.updateBigDecimal(label, value);
    }

    @Override
    public void updateBigDecimal(int column, BigDecimal value) throws SQLException {
        resultSet.updateBigDecimal(column, value);
    }

    @Override
    public void updateBinaryStream(String label, InputStream value, int lengthOrScale) throws SQLException {
        resultSet.updateBinaryStream(label, value, lengthOrScale);
    }

    @Override
    public void updateBinaryStream(String label, InputStream value, long length) throws SQLException {
        resultSet.updateBinaryStream(label, value, length);
    }

    @Override
    public void updateBinaryStream(String label, InputStream value) throws SQLException {
        resultSet.updateBinaryStream(label, value);
    }

    @Override
    public void updateBinaryStream(int column, InputStream value, int lengthOrScale) throws SQLException {
        resultSet.updateBinaryStream(column, value, lengthOrScale);
    }

    @Override
    public void updateBinaryStream(int column, InputStream value, long length) throws SQLException {
        resultSet.updateBinaryStream(column, value, length);
    }

    @Override
    public void updateBinaryStream(int column, InputStream value) throws SQLException {
        resultSet.updateBinaryStream(column, value);
    }

    @Override
    public void updateBlob(String label, InputStream value, long length) throws SQLException {
        resultSet.updateBlob(label, value, length);
    }

    @Override
    public void updateBlob(String label, InputStream value) throws SQLException {
        resultSet.updateBlob(label, value);
    }

    @Override
    public void updateBlob(String label, Blob value) throws SQLException {
        resultSet.updateBlob(label, value);
    }

    @Override
    public void updateBlob(int column, InputStream value, long length) throws SQLException {
        resultSet.updateBlob(column, value, length);
    }

    @Override
    public void updateBlob(int column, InputStream value) throws SQLException {
        resultSet.updateBlob(column, value);
    }

    @Override
    public void updateBlob(int column, Blob value) throws SQLException {
        resultSet.updateBlob(column, value);
    }

    @Override
    public void updateBoolean(String label, boolean value) throws SQLException {
        resultSet.updateBoolean(label, value);
    }

    @Override
    public void updateBoolean(int column, boolean value) throws SQLException {
        resultSet.updateBoolean(column, value);
    }

    @Override
    public void updateByte(String label, byte value) throws SQLException {
        resultSet.updateByte(label, value);
    }

    @Override
    public void updateByte(int column, byte value) throws SQLException {
        resultSet.updateByte(column, value);
    }

    @Override
    public void updateBytes(String label, byte[] value) throws SQLException {
        resultSet.updateBytes(label, value);
    }

    @Override
    public void updateBytes(int column, byte[] value) throws SQLException {
        resultSet.updateBytes(column, value);
    }

    @Override
    public void updateCharacterStream(String label, Reader value, int lengthOrScale) throws SQLException {
        resultSet.updateCharacterStream(label, value, lengthOrScale);
    }

    @Override
    public void updateCharacterStream(String label, Reader value, long length) throws SQLException {
        resultSet.updateCharacterStream(label, value, length);
    }

    @Override
    public void updateCharacterStream(String label, Reader value) throws SQLException {
        resultSet.updateCharacterStream(label, value);
    }

    @Override
    public void updateCharacterStream(int column, Reader value, int lengthOrScale) throws SQLException {
        resultSet.updateCharacterStream(column, value, lengthOrScale);
    }

    @Override
    public void updateCharacterStream(int column, Reader value, long length) throws SQLException {
        resultSet.updateCharacterStream(column, value, length);
    }

    @Override
    public void updateCharacterStream(int column, Reader value) throws SQLException {
        resultSet.updateCharacterStream(column, value);
    }

    @Override
    public void updateClob(String label, Reader value, long length) throws SQLException {
        resultSet.updateClob(label, value, length);
    }

    @Override
    public void updateClob(String label, Reader value) throws SQLException {
        resultSet.updateClob(label, value);
    }

    @Override
    public void updateClob(String label, Clob value) throws SQLException {
        resultSet.updateClob(label, value);
    }

    @Override
    public void updateClob(int column, Reader value, long length) throws SQLException {
        resultSet.updateClob(column, value, length);
    }

    @Override
    public void updateClob(int column, Reader value) throws SQLException {
        resultSet.updateClob(column, value);
    }

    @Override
    public void updateClob(int column, Clob value) throws SQLException {
        resultSet.updateClob(column, value);
    }

    @Override
    public void updateDate(String label, Date value) throws SQLException {
        resultSet.updateDate(label, value);
    }

    @Override
    public void updateDate(int column, Date value) throws SQLException {
        resultSet.updateDate(column, value);
    }

    @Override
    public void updateDouble(String label, double value) throws SQLException {
        resultSet.updateDouble(label, value);
    }

    @Override
    public void updateDouble(int column, double value) throws SQLException {
        resultSet.updateDouble(column, value);
    }

    @Override
    public void updateFloat(String label, float value) throws SQLException {
        resultSet.updateFloat(label, value);
    }

    @Override
    public void updateFloat(int column, float value) throws SQLException {
        resultSet.updateFloat(column, value);
    }

    @Override
    public void updateInt(String label, int lengthOrScale) throws SQLException {
        resultSet.updateInt(label, lengthOrScale);
    }

    @Override
    public void updateInt(int column, int lengthOrScale) throws SQLException {
        resultSet.updateInt(column, lengthOrScale);
    }

    @Override
    public void updateLong(String label, long length) throws SQLException {
        resultSet.updateLong(label, length);
    }

    @Override
    public void updateLong(int column, long length) throws SQLException {
        resultSet.updateLong(column, length);
    }

    @Override
    public void updateNCharacterStream(String label, Reader value, long length) throws SQLException {
        resultSet.updateNCharacterStream(label, value, length);
    }

    @Override
    public void updateNCharacterStream(String label, Reader value) throws SQLException {
        resultSet.updateNCharacterStream(label, value);
    }

    @Override
    public void updateNCharacterStream(int column, Reader value, long length) throws SQLException {
        resultSet.updateNCharacterStream(column, value, length);
    }

    @Override
    public void updateNCharacterStream(int column, Reader value) throws SQLException {
        resultSet.updateNCharacterStream(column, value);
    }

    @Override
    public void updateNClob(String label, Reader value, long length) throws SQLException {
        resultSet.updateNClob(label, value, length);
    }

    @Override
    public void updateNClob(String label, Reader value) throws SQLException {
        resultSet.updateNClob(label, value);
    }

    @Override
    public void updateNClob(String label, NClob value) throws SQLException {
        resultSet.updateNClob(label, value);
    }

    @Override
    public void updateNClob(int column, Reader value, long length) throws SQLException {
        resultSet.updateNClob(column, value, length);
    }

    @Override
    public void updateNClob(int column, Reader value) throws SQLException {
        resultSet.updateNClob(column, value);
    }

    @Override
    public void updateNClob(int column, NClob value) throws SQLException {
        resultSet.updateNClob(column, value);
    }

    @Override
    public void updateNString(String label, String value) throws SQLException {
        resultSet.updateNString(label, value);
    }

    @Override
    public void updateNString(int column, String value) throws SQLException {
        resultSet.updateNString(column, value);
    }

    @Override
    public void updateNull(String label) throws SQLException {
        resultSet.updateNull(label);
    }

    @Override
    public void updateNull(int column) throws SQLException {
        resultSet.updateNull(column);
    }

    @Override
    public void updateObject(String label, Object value, int lengthOrScale) throws SQLException {
        resultSet.updateObject(label, value, lengthOrScale);
    }

    @Override
    public void updateObject(String label, Object value, SQLType targetType, int lengthOrScale) throws SQLException {
        resultSet.updateObject(label, value, targetType, lengthOrScale);
    }

    @Override
    public void updateObject(String label, Object value, SQLType targetType) throws SQLException {
        resultSet.updateObject(label, value, targetType);
    }

    @Override
    public void updateObject(String label, Object value) throws SQLException {
        resultSet.updateObject(label, value);
    }

    @Override
    public void updateObject(int column, Object value, int lengthOrScale) throws SQLException {
        resultSet.updateObject(column, value, lengthOrScale);
    }

    @Override
    public void updateObject(int column, Object value, SQLType targetType, int lengthOrScale) throws SQLException {
        resultSet.updateObject(column, value, targetType, lengthOrScale);
    }

    @Override
    public void updateObject(int column, Object value, SQLType targetType) throws SQLException {
        resultSet.updateObject(column, value, targetType);
    }

    @Override
    public void updateObject(int column, Object value) throws SQLException {
        resultSet.updateObject(column, value);
    }

    @Override
    public void updateRef(String label, Ref value) throws SQLException {
        resultSet.updateRef(label, value);
    }

    @Override
    public void updateRef(int column, Ref value) throws SQLException {
        resultSet.updateRef(column, value);
    }

    @Override
    public void updateRow() throws SQLException {
        resultSet.updateRow();
    }

    @Override
    public void updateRowId(String label, RowId value) throws SQLException {
        resultSet.updateRowId(label, value);
    }

    @Override
    public void updateRowId(int column, RowId value) throws SQLException {
        resultSet.updateRowId(column, value);
    }

    @Override
    public void updateSQLXML(String label, SQLXML value) throws SQLException {
        resultSet.updateSQLXML(label, value);
    }

    @Override
    public void updateSQLXML(int column, SQLXML value) throws SQLException {
        resultSet.updateSQLXML(column, value);
    }

    @Override
    public void updateShort(String label, short value) throws SQLException {
        resultSet.updateShort(label, value);
    }

    @Override
    public void updateShort(int column, short value) throws SQLException {
        resultSet.updateShort(column, value);
    }

    @Override
    public void updateString(String label, String value) throws SQLException {
        resultSet.updateString(label, value);
    }

    @Override
    public void updateString(int column, String value) throws SQLException {
        resultSet.updateString(column, value);
    }

    @Override
    public void updateTime(String label, Time value) throws SQLException {
        resultSet.updateTime(label, value);
    }

    @Override
    public void updateTime(int column, Time value) throws SQLException {
        resultSet.updateTime(column, value);
    }

    @Override
    public void updateTimestamp(String label, Timestamp value) throws SQLException {
        resultSet.updateTimestamp(label, value);
    }

    @Override
    public void updateTimestamp(int column, Timestamp value) throws SQLException {
        resultSet.updateTimestamp(column, value);
    }

    @Override
    public boolean wasNull() throws SQLException {
        return resultSet.wasNull();
    }
}
