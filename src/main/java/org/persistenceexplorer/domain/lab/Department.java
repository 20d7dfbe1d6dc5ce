package org.persistenceexplorer.domain.lab;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import jakarta.persistence.Transient;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A department of the loading lab (table {@code lab.department}, entity name
 * {@code LabDepartment}: the HR sample has a {@code Department} of its own). Its employees are
 * lazy, as Hibernate maps a one-to-many by default: how and when they load is what the lab
 * varies per query and per session, never in this mapping. Remembers whether the code read its
 * employees, so the lab can tell an eager load nobody used. Cacheable in the second-level
 * cache (with its employees collection); every lab run but the cache lesson ignores the cache. Not thread-safe, like every managed
 * entity.
 */
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
@Entity(name = "LabDepartment")
@Table(name = "department", schema = "lab")
public class Department {

    @Id
    private Long id;

    @Column(nullable = false)
    private String name;

    @OneToMany(mappedBy = "department")
    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    private Set<Employee> employees = new LinkedHashSet<>();

    /** Set by {@link #getEmployees()}: Hibernate cannot tell whether loaded data was used, the lab asks its entities. */
    @Transient
    private boolean employeesRead;

    protected Department() {
        // for Hibernate
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<Employee> getEmployees() {
        employeesRead = true;
        return employees;
    }

    /** True once the code asked for the employees (loaded or not). */
    public boolean employeesWereRead() {
        return employeesRead;
    }

    /** The collection itself without counting as a read (for checking what was loaded). */
    public Set<Employee> employeesUnread() {
        return employees;
    }
}
