package org.persistenceexplorer.domain.hr.modelv2;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * hr.employee in model v2: a new {@code phone}, and {@code title} renamed to {@code jobTitle}
 * (column {@code job_title}, same type): what autogenerate should spot as a likely rename.
 */
@Entity
@Table(name = "employee", schema = "hr")
public class Employee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, unique = true, length = 200)
    private String email;

    /** Renamed from {@code title}. */
    @Column(name = "job_title", nullable = false, length = 100)
    private String jobTitle;

    /** New in model v2. */
    @Column(length = 30)
    private String phone;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal salary;

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

    @ManyToMany
    @JoinTable(name = "employee_project", schema = "hr",
            joinColumns = @JoinColumn(name = "employee_id"),
            inverseJoinColumns = @JoinColumn(name = "project_id"))
    private Set<Project> projects = new LinkedHashSet<>();

    protected Employee() {
    }
}
