package org.persistenceexplorer.domain.hr;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A project of the HR sample (table {@code hr.project}), run by a department, with members
 * (the inverse side of {@link Employee#getProjects()}: membership is changed from the
 * employee's side). Not thread-safe, like every managed entity: use it inside one session on
 * one thread.
 */
@Entity
@Table(name = "project", schema = "hr")
public class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank(message = "a name is required")
    @Size(max = 120, message = "at most 120 characters")
    @Column(nullable = false, unique = true, length = 120)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "department_id")
    private Department department;

    @NotNull(message = "a start date is required")
    @Column(name = "started_on", nullable = false)
    private LocalDate startedOn;

    @ManyToMany(mappedBy = "projects")
    private Set<Employee> members = new LinkedHashSet<>();

    protected Project() {
        // for Hibernate
    }

    public Project(String name, LocalDate startedOn) {
        this.name = name;
        this.startedOn = startedOn;
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

    public Department getDepartment() {
        return department;
    }

    public void setDepartment(Department department) {
        this.department = department;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public void setStartedOn(LocalDate startedOn) {
        this.startedOn = startedOn;
    }

    /** The inverse side: use {@link Employee#addProject} to change membership. */
    public Set<Employee> getMembers() {
        return members;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        // instanceof, not getClass(): a lazy proxy is a subclass; getId() on it does not load it
        return other instanceof Project that && id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        // constant, so the hash does not change when the database assigns the id
        return Project.class.hashCode();
    }

    @Override
    public String toString() {
        return "Project[id=" + id + ", name=" + name + ", startedOn=" + startedOn + "]";
    }
}
