package org.persistenceexplorer.domain.lab;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** A project of the loading lab (table {@code lab.project}, entity name {@code LabProject}). Not thread-safe. */
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
@Entity(name = "LabProject")
@Table(name = "project", schema = "lab")
public class Project {

    @Id
    private Long id;

    @Column(nullable = false)
    private String name;

    protected Project() {
        // for Hibernate
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
