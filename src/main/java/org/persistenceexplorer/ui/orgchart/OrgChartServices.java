package org.persistenceexplorer.ui.orgchart;

import org.persistenceexplorer.service.orggraph.ConstraintLesson;
import org.persistenceexplorer.service.orggraph.DelegationResolver;
import org.persistenceexplorer.service.orggraph.Delegations;
import org.persistenceexplorer.service.orggraph.OrgGraphImport;
import org.persistenceexplorer.service.orggraph.OrgGraphReader;
import org.persistenceexplorer.service.orggraph.OrgPaths;
import org.persistenceexplorer.service.orggraph.PersonProfiles;

/** The headless services the Org Chart tab uses, built once when the tab opens. */
public record OrgChartServices(OrgGraphImport sync, OrgGraphReader reader, PersonProfiles profiles,
                               DelegationResolver resolver, OrgPaths paths, Delegations delegations,
                               ConstraintLesson lesson) {
}
