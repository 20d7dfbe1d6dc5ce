package org.persistenceexplorer.service.hrdata;

import java.time.Duration;

/**
 * What a generator run wrote: the company's counts, into which schema, and how long it took.
 *
 * @param schema  the schema whose HR rows were replaced
 * @param company how many departments, employees, projects and assignments it now holds
 * @param took    from the first statement to the commit
 */
public record GeneratedHr(String schema, HrCompany.Summary company, Duration took) {

    /** All rows written, of every table. */
    public long rows() {
        return (long) company.departments() + company.employees() + company.projects() + company.assignments();
    }

    /** Employees written per second. */
    public double employeesPerSecond() {
        double seconds = Math.max(1e-9, took.toNanos() / 1e9);
        return company.employees() / seconds;
    }
}
