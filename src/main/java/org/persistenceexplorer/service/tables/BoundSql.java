package org.persistenceexplorer.service.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL text with its parameters, built a piece at a time: identifiers come from the catalog and
 * are quoted, values are always {@code ?} with a string parameter (cast on the server). Not
 * thread-safe; build and use on one thread.
 */
final class BoundSql {

    private final StringBuilder text = new StringBuilder();
    private final List<String> parameters = new ArrayList<>();

    BoundSql sql(String fragment) {
        text.append(fragment);
        return this;
    }

    /** A value: a placeholder cast to {@code type}, the value bound as text. */
    BoundSql value(String value, String type) {
        text.append("CAST(? AS ").append(type).append(')');
        parameters.add(value);
        return this;
    }

    /** A plain text parameter (for LIKE patterns and limits). */
    BoundSql parameter(String value) {
        text.append('?');
        parameters.add(value);
        return this;
    }

    BoundSql append(BoundSql other) {
        text.append(other.text);
        parameters.addAll(other.parameters);
        return this;
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    String text() {
        return text.toString();
    }

    List<String> parameters() {
        return List.copyOf(parameters);
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        for (int i = 0; i < parameters.size(); i++) {
            statement.setString(i + 1, parameters.get(i));
        }
        return statement;
    }

    @Override
    public String toString() {
        return text + " " + parameters;
    }
}
