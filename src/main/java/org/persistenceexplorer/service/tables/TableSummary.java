package org.persistenceexplorer.service.tables;

/**
 * One table in the schema browser's list. Immutable.
 *
 * @param rowEstimate the planner's estimate ({@code pg_class.reltuples}), -1 when the table was
 *                    never analysed
 */
public record TableSummary(TableRef ref, long rowEstimate, boolean hasPrimaryKey) {
}
