package org.persistenceexplorer.domain.hr;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/**
 * A department of the HR sample (table {@code hr.department}): it employs people and owns
 * projects. {@code createdAt} is set by the server's column default, never by the app, so
 * Hibernate reads it back after the insert. Not thread-safe, like every managed entity:
 * use it inside one session on one thread.
 */
@Entity
@DynamicUpdate
@Table(name = "department", schema = "hr")
public class Department {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank(message = "a name is required")
    @Size(max = 100, message = "at most 100 characters")
    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @NotNull(message = "a budget is required")
    @PositiveOrZero(message = "cannot be negative")
    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal budget;

    @Generated(event = EventType.INSERT)
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "department")
    private List<Employee> employees = new ArrayList<>();

    @OneToMany(mappedBy = "department")
    private List<Project> projects = new ArrayList<>();

    protected Department() {
        // for Hibernate
    }

    public Department(String name, BigDecimal budget) {
        this.name = name;
        this.budget = budget;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public void setBudget(BigDecimal budget) {
        this.budget = budget;
    }

    /** When the server created the row; null until the insert has been flushed. */
    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The inverse side: changing this list alone changes nothing in the database. */
    public List<Employee> getEmployees() {
        return employees;
    }

    /** The inverse side of {@link Project#getDepartment()}. */
    public List<Project> getProjects() {
        return projects;
    }

    /** Moves the employee here, keeping both sides of the association in step. */
    public void addEmployee(Employee employee) {
        Department previous = employee.getDepartment();
        if (previous != null && previous != this) {
            previous.getEmployees().remove(employee);
        }
        employee.setDepartment(this);
        if (!employees.contains(employee)) {
            employees.add(employee);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        // instanceof, not getClass(): a lazy proxy is a subclass; getId() on it does not load it
        return other instanceof Department that && id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        // constant, so the hash does not change when the database assigns the id
        return Department.class.hashCode();
    }

    @Override
    public String toString() {
        return "Department[id=" + id + ", name=" + name + ", budget=" + budget + ", createdAt=" + createdAt + "]";
    }
}
