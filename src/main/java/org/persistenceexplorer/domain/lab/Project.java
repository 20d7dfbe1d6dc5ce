package org.persistenceexplorer.domain.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A project of the loading lab (table {@code lab.project}, entity name {@code LabProject}). Not thread-safe. */
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
