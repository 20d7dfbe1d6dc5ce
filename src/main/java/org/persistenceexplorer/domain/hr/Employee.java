package org.persistenceexplorer.domain.hr;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A person in the HR sample (table {@code hr.employee}): works in a department, reports to a
 * manager (a self reference; null for the CEO), has subordinates, and works on projects
 * through {@code hr.employee_project}, whose rows this side owns. The to-one associations are
 * lazy on purpose: touching them one by one is how the app shows the N+1 problem.
 * Optimistically locked ({@code version}); an UPDATE names only the changed columns
 * ({@code @DynamicUpdate}); {@code createdAt} is set by a lifecycle callback; Bean Validation
 * checks the fields before anything is sent.
 * Not thread-safe, like every managed entity: use it inside one session on one thread.
 */
@Entity
@DynamicUpdate
@Table(name = "employee", schema = "hr")
public class Employee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank(message = "a name is required")
    @Size(max = 120, message = "at most 120 characters")
    @Column(nullable = false, length = 120)
    private String name;

    @NotBlank(message = "an email address is required")
    @Email(message = "not an email address")
    @Size(max = 200, message = "at most 200 characters")
    @Column(nullable = false, unique = true, length = 200)
    private String email;

    @NotBlank(message = "a title is required")
    @Size(max = 100, message = "at most 100 characters")
    @Column(nullable = false, length = 100)
    private String title;

    @NotNull(message = "a salary is required")
    @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
    @Digits(integer = 10, fraction = 2, message = "at most 10 digits and 2 decimals")
    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal salary;

    @NotNull(message = "a hiring date is required")
    @PastOrPresent(message = "cannot be in the future")
    @Column(name = "hired_on", nullable = false)
    private LocalDate hiredOn;

    @Version
    @Column(nullable = false)
    private int version;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "department_id")
    private Department department;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "manager_id")
    private Employee manager;

    @OneToMany(mappedBy = "manager")
    private List<Employee> subordinates = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "employee_project", schema = "hr",
            joinColumns = @JoinColumn(name = "employee_id"),
            inverseJoinColumns = @JoinColumn(name = "project_id"))
    private Set<Project> projects = new LinkedHashSet<>();

    protected Employee() {
        // for Hibernate
    }

    public Employee(String name, String email, String title, BigDecimal salary, LocalDate hiredOn) {
        this.name = name;
        this.email = email;
        this.title = title;
        this.salary = salary;
        this.hiredOn = hiredOn;
    }

    public Long getId() {
        return id;
    }

    /** The optimistic-lock version: Hibernate increments it with every UPDATE. */
    public int getVersion() {
        return version;
    }

    /** When the app created this person (the lifecycle callback); null for rows inserted otherwise. */
    public Instant getCreatedAt() {
        return createdAt;
    }

    /**
     * Lifecycle callback: the automatic timestamp, set just before the INSERT. (Only on
     * persist: a {@code @PreUpdate} stamp would add its column to every UPDATE, and the point
     * of dynamic update is that a changed salary sends the salary only.)
     */
    @PrePersist
    void stampCreatedAt() {
        createdAt = Instant.now();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public BigDecimal getSalary() {
        return salary;
    }

    public void setSalary(BigDecimal salary) {
        this.salary = salary;
    }

    public LocalDate getHiredOn() {
        return hiredOn;
    }

    public void setHiredOn(LocalDate hiredOn) {
        this.hiredOn = hiredOn;
    }

    public Department getDepartment() {
        return department;
    }

    /** Sets the owning side only; {@link Department#addEmployee} keeps both sides in step. */
    public void setDepartment(Department department) {
        this.department = department;
    }

    /** The person this one reports to; null for the top of the tree. */
    public Employee getManager() {
        return manager;
    }

    /** Reports to {@code manager} from now on, keeping both sides of the self reference in step. */
    public void setManager(Employee manager) {
        if (this.manager != null && this.manager != manager) {
            this.manager.subordinates.remove(this);
        }
        this.manager = manager;
        if (manager != null && !manager.subordinates.contains(this)) {
            manager.subordinates.add(this);
        }
    }

    /** The direct reports: the inverse side of {@link #getManager()}. */
    public List<Employee> getSubordinates() {
        return subordinates;
    }

    /** The projects this person works on; changes here become rows in {@code hr.employee_project}. */
    public Set<Project> getProjects() {
        return projects;
    }

    public void addProject(Project project) {
        projects.add(project);
        project.getMembers().add(this);
    }

    public void removeProject(Project project) {
        projects.remove(project);
        project.getMembers().remove(this);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        // instanceof, not getClass(): a lazy proxy is a subclass; getId() on it does not load it
        return other instanceof Employee that && id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        // constant, so the hash does not change when the database assigns the id
        return Employee.class.hashCode();
    }

    @Override
    public String toString() {
        return "Employee[id=" + id + ", name=" + name + ", email=" + email + ", title=" + title + "]";
    }
}
